// The golden-thread board and the network view of each cohort, each kept for a
// minute and rebuilt behind the kept answer after that (server/refreshing-cache.ts).
import { Cohort } from '../../models/cohort'
import type { Clock } from '../clock'
import type { Logger } from '../logger'
import { goldenThreadBoard } from './golden-thread.service'
import { networkView } from './network.service'
import { createRefreshingCache } from '../refreshing-cache'

export const BOARD_MAX_AGE_MS = 60_000
/** Far more than the cohorts anyone reads at once; the oldest is dropped past it. */
const MAX_COHORTS = 50

export type BoardsService = ReturnType<typeof createBoardsService>

export function createBoardsService({ clock, logger }: { clock: Clock; logger: Logger }) {
  const common = { clock, maxAgeMs: BOARD_MAX_AGE_MS, maxEntries: MAX_COHORTS, onError: (err: unknown) => logger.error({ err }, 'Refreshing a board failed') }
  const goldenThread = createRefreshingCache({ ...common, build: goldenThreadBoard })
  const network = createRefreshingCache({
    ...common,
    build: async cohortId => networkView({ _id: cohortId, name: (await Cohort.findById(cohortId, { name: 1 }).lean())?.name ?? '' }),
  })
  return {
    /** Callers pass the id of a cohort they have found. */
    goldenThread: (cohortId: string) => goldenThread.get(cohortId),
    network: (cohortId: string) => network.get(cohortId),
  }
}
