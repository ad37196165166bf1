// /cohorts/:cohortId/projects — the lead's portfolio: every project of the
// cohort with its priority, progress score, status, latest signal and last
// update; pairs with no project yet; filtered by priority.
import type { Request, Response } from 'express'
import { text } from '../http/forms'
import { optionalIdParam } from '../http/id-param'
import type { Services } from '../services'
import { PROJECT_STATUS_NAMES } from './project-display'

export function portfolioController({ cohorts, projects }: Services) {
  return {
    async get(req: Request, res: Response) {
      const cohort = await cohorts.get(req.params.cohortId)
      // An unknown priority id in the query is simply no filter, never an error page.
      const priorityId = (() => { try { return optionalIdParam(text(req.query, 'priority')) } catch { return undefined } })()
      const { rows, priorities } = await projects.portfolio(cohort._id, priorityId)
      res.render('pages/projects/portfolio', { cohort, rows, priorities, priorityId: priorityId ?? '', statusNames: PROJECT_STATUS_NAMES })
    },
  }
}
