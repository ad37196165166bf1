// The dashboard of a cohort, loaded and counted for one request.
import type { Clock } from '../clock'
import { loadCohortFacts, type DashboardCohort } from './dashboard-data'
import { dashboardOf, type Dashboard } from './dashboard-model'

export function createDashboardService(deps: { clock: Clock }) {
  return {
    async forCohort(cohort: DashboardCohort): Promise<Dashboard> {
      return dashboardOf(await loadCohortFacts(cohort, deps.clock.now()))
    },
  }
}

export type DashboardService = ReturnType<typeof createDashboardService>
