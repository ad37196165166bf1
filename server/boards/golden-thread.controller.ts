// /cohorts/:cohortId/golden-thread — for leads and sponsors: the projects of a
// cohort under the organisational priorities they serve. A column shows its
// first PER_COLUMN projects; ?priority=<id> shows one priority's in full.
import type { Request, Response } from 'express'
import { createFragmentCache, sendWithKept } from '../http/fragment-cache'
import { text } from '../http/forms'
import { scoreText } from '../projects/progress-score'
import type { Services } from '../services'
import type { BoardProject } from './golden-thread'

export const PER_COLUMN = 12

export function goldenThreadController({ cohorts, boards }: Services) {
  const fragments = createFragmentCache({ maxEntries: 200 })
  return {
    async get(req: Request, res: Response) {
      const cohort = await cohorts.kept(req.params.cohortId)
      const { value: board, at } = await boards.goldenThread(String(cohort._id))
      // Compared with the board's own priority ids only, so the query never reaches the database.
      const asked = text(req.query, 'priority')
      const focus = [...board.columns, ...board.archived].find(c => c.priority.id === asked)
      const lead = req.user!.roles.includes('lead')
      // Leads and sponsors see different links; a renamed cohort is drawn anew.
      const key = [String(cohort._id), +cohort.updatedAt, lead ? 'lead' : 'sponsor', focus?.priority.id ?? ''].join(':')
      const main = await fragments.render(req.app, 'pages/boards/golden-thread-main', key, at, () => ({
        cohort,
        board,
        focus,
        at,
        perColumn: PER_COLUMN,
        lead,
        // A sponsor reads only the charters the pair has shared (server/projects/project-access.ts).
        canOpen: (project: BoardProject) => lead || project.shared,
        scoreText,
      }))
      await sendWithKept(res, 'pages/boards/golden-thread', { cohort, focus, lead }, main)
    },
  }
}
