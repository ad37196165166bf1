import { Router } from 'express'
import { requireRole, requireSignIn } from '../http/guards'
import { ordinal } from '../matching/explain'
import type { Services } from '../services'
import { rankingController } from './ranking.controller'

export function rankingsRoutes(services: Services) {
  const router = Router()
  const { cohorts, enrolments, rankings } = services
  const ranking = rankingController(services)

  router.get('/cohorts/:cohortId/ranking', requireSignIn, ranking.get)
  router.post('/cohorts/:cohortId/ranking', requireSignIn, ranking.post)
  // Read-only for the lead: a person's ranking is theirs to change.
  router.get('/cohorts/:cohortId/people/:userId/ranking', requireRole('lead'), async (req, res) => {
    const cohort = await cohorts.get(req.params.cohortId)
    const enrolment = await enrolments.get(cohort._id, req.params.userId)
    res.render('pages/rankings/person-ranking', { cohort, ordinal, ...(await rankings.describe(cohort._id, String(enrolment.userId))) })
  })
  return router
}
