// Importing this registers every model, so that indexes are built at start-up
// and tests can empty every collection.
import './user'
import './account-token'
import './sign-in-failure'
import './outbox-message'
import './claim'
import './cohort'
import './priority'
import './enrolment'
import './exclusion'
import './profile'
import './import-preview'
import './pair'
