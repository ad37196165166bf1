// Loaded before every spec (see .mocharc.json): one database for the run,
// emptied before each test so that tests never see each other's rows.
import '../../models/index'
import { clearDatabase, startTestDatabase, stopTestDatabase } from './database'

process.env.NODE_ENV = 'test'

before(async function () {
  this.timeout(300_000) // the first run on a new machine may build FerretDB
  await startTestDatabase()
})

beforeEach(async () => {
  await clearDatabase()
})

after(async () => {
  await stopTestDatabase()
})
