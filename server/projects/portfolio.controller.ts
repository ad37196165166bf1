// /cohorts/:cohortId/projects — the lead's portfolio: every project of the
// cohort with its priority, progress score, status, latest signal and last
// update, the pairs with no project yet, and a filter by priority.
import type { Request, Response } from 'express'
import { text } from '../http/forms'
import type { Services } from '../services'
import { PROJECT_STATUS_NAMES } from './project-display'
import { scoreText } from './progress-score'

export function portfolioController({ cohorts, projects }: Services) {
  return {
    async get(req: Request, res: Response) {
      const cohort = await cohorts.get(req.params.cohortId)
      // Compared with the listed priorities' ids only, so the query never reaches the database.
      const portfolio = await projects.portfolio(cohort._id, text(req.query, 'priority'))
      res.render('pages/projects/portfolio', { cohort, ...portfolio, statusNames: PROJECT_STATUS_NAMES, scoreText })
    },
  }
}
