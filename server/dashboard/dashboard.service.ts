// The dashboard of each cohort, counted at most once a minute and shared by
// everyone who opens it, like the boards (decision 014): loading a cohort of
// 2,000 people takes seconds on the embedded engine. The project memo lets a
// refresh skip the PDSA cycles, measures and data points of every project that
// has not changed since the last count.
import { Cohort } from '../../models/cohort'
import { createRefreshingCache } from '../refreshing-cache'
import type { Clock } from '../clock'
import { NotFoundError } from '../errors'
import type { Logger } from '../logger'
import { loadCohortFacts, type ProjectMemo } from './dashboard-data'
import { dashboardOf, type Dashboard } from './dashboard-model'

export const DASHBOARD_MAX_AGE_MS = 60_000
/** Far more than the cohorts anyone reads at once; the oldest is dropped past it. */
const MAX_COHORTS = 50

const COHORT_FIELDS = { name: 1, targetDoctorShadowsManager: 1, targetManagerShadowsDoctor: 1, reflectionDay: 1 }

export function createDashboardService({ clock, logger }: { clock: Clock; logger: Logger }) {
  const memo: ProjectMemo = new Map()
  const cache = createRefreshingCache({
    clock,
    maxAgeMs: DASHBOARD_MAX_AGE_MS,
    maxEntries: MAX_COHORTS,
    onError: (err: unknown) => logger.error({ err }, 'Refreshing a dashboard failed'),
    async build(cohortId) {
      const cohort = await Cohort.findById(cohortId, COHORT_FIELDS).lean()
      if (!cohort) throw new NotFoundError()
      return dashboardOf(await loadCohortFacts(cohort, clock.now(), memo))
    },
  })
  return {
    /** The cohort's dashboard as last counted; callers pass a cohort they have found. */
    async forCohort(cohort: { _id: unknown }): Promise<Dashboard> {
      return (await cache.get(String(cohort._id))).value
    },
  }
}

export type DashboardService = ReturnType<typeof createDashboardService>
