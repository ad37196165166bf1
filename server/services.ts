// Everything the routes need, built once from config. Tests build the same
// thing with a fixed clock and a local SMTP server.
import type { Clock } from './clock'
import type { Config } from './config'
import type { Database } from './db/connection'
import type { Logger } from './logger'
import { createAccountTokens } from './accounts/account-tokens'
import { createBoardsService } from './boards/boards.service'
import { createAccountsService } from './accounts/accounts.service'
import { createInvitationsService } from './accounts/invitations.service'
import { createPasswordResetService } from './accounts/password-reset.service'
import { createSignInThrottle } from './accounts/sign-in-throttle'
import { createCalendarFeedsService } from './calendar/calendar-feeds.service'
import { createCohortsService } from './cohorts/cohorts.service'
import { createDashboardService } from './dashboard/dashboard.service'
import { createImportService } from './imports/import.service'
import { createOutbox } from './mail/outbox.service'
import { createPairsService } from './pairs/pairs.service'
import { createProposalEditsService } from './proposals/proposal-edits.service'
import { createProposalsService } from './proposals/proposals.service'
import { createEnrolmentsService } from './people/enrolments.service'
import { createExclusionsService } from './people/exclusions.service'
import { createProfilesService } from './people/profiles.service'
import { createRemindersService } from './people/reminders.service'
import { createPrioritiesService } from './priorities/priorities.service'
import { createRankingsService } from './rankings/rankings.service'
import { createCompactReflections } from './compact/compact-reflections.service'
import { createCompactService } from './compact/compact.service'
import { createNudges } from './nudges/nudges.service'
import { createProjectsService } from './projects/projects.service'
import { createMeasureServices, projectEvidence } from './projects/measures.service'
import { evidencePanel, portfolioSignals } from './projects/measures-summary'
import { createPairEndedSessions } from './shadowing/pair-ended'
import { createSessionReminders } from './shadowing/session-reminders'
import { createShadowingService } from './shadowing/shadowing.service'
import { createWorkshopRegistrations } from './workshops/registrations.service'
import { createWorkshopsService } from './workshops/workshops.service'
import { createWorkshopParticipation } from './workshops/participation.service'
import { createWorkshopJobs } from './workshops/workshop-jobs'

export function createServices({ config, clock, database, logger }: { config: Config; clock: Clock; database: Pick<Database, 'ping' | 'engine'>; logger: Logger }) {
  const outbox = createOutbox({ clock })
  const tokens = createAccountTokens({ clock })
  const throttle = createSignInThrottle({ clock })
  const shared = { tokens, outbox, clock, baseUrl: config.baseUrl, hashCost: config.passwordHashCost }
  const invitations = createInvitationsService(shared)
  const pairs = createPairsService({ outbox, clock, baseUrl: config.baseUrl })
  const mailing = { outbox, clock, baseUrl: config.baseUrl, mailFrom: config.mailFrom }
  const compact = createCompactService()
  const workshopRegistrations = createWorkshopRegistrations(mailing)
  const workshops = createWorkshopsService({ ...mailing, registrations: workshopRegistrations })
  return {
    config,
    clock,
    database,
    logger,
    outbox,
    throttle,
    accounts: createAccountsService({ throttle, hashCost: config.passwordHashCost }),
    invitations,
    passwordReset: createPasswordResetService(shared),
    cohorts: createCohortsService(),
    priorities: createPrioritiesService(),
    boards: createBoardsService({ clock, logger }),
    enrolments: createEnrolmentsService({ invitations }),
    profiles: createProfilesService(),
    exclusions: createExclusionsService(),
    reminders: createRemindersService({ outbox, invitations, clock, baseUrl: config.baseUrl }),
    imports: createImportService({ clock, invitations }),
    pairs,
    proposals: createProposalsService({ clock, logger }),
    proposalEdits: createProposalEditsService({ pairs, clock }),
    rankings: createRankingsService(),
    shadowing: createShadowingService(mailing),
    sessionReminders: createSessionReminders(mailing),
    calendarFeeds: createCalendarFeedsService({ clock, baseUrl: config.baseUrl }),
    pairEndedSessions: createPairEndedSessions(mailing),
    compact,
    compactReflections: createCompactReflections({ clock, compact }),
    nudges: createNudges(mailing),
    workshopRegistrations,
    workshops,
    workshopParticipation: createWorkshopParticipation({ ...mailing, registrations: workshopRegistrations, workshops }),
    workshopJobs: createWorkshopJobs({ ...mailing, registrations: workshopRegistrations }),
    projects: createProjectsService({ clock, measureEvidence: projectEvidence, evidencePanel, portfolioSignals }),
    ...createMeasureServices({ clock }),
    dashboard: createDashboardService({ clock, logger }),
  }
}

export type Services = ReturnType<typeof createServices>
