import { Router } from 'express'
import { requireRole } from '../http/guards'
import type { Services } from '../services'
import { cohortFormController } from './cohort-form.controller'
import { matchingSettingsController } from './matching-settings.controller'

export function cohortsRoutes(services: Services) {
  const router = Router()
  const { cohorts } = services
  const form = cohortFormController(services)
  const lead = requireRole('lead')

  router.get('/cohorts', lead, async (_req, res) => {
    res.render('pages/cohorts/cohort-list', { cohorts: await cohorts.list() })
  })
  router.get('/cohorts/new', lead, form.newForm)
  router.post('/cohorts/new', lead, form.create)
  router.get('/cohorts/:cohortId', lead, async (req, res) => {
    const cohort = await cohorts.get(req.params.cohortId)
    res.render('pages/cohorts/cohort-overview', { cohort, overview: await cohorts.overview(cohort._id) })
  })
  router.get('/cohorts/:cohortId/pairs', lead, async (req, res) => {
    const cohort = await cohorts.get(req.params.cohortId)
    const [pairs, ended] = await Promise.all([services.pairs.forCohort(cohort._id), services.pairs.endedForCohort(cohort._id)])
    res.render('pages/cohorts/pairs', { cohort, pairs, ended })
  })
  router.get('/cohorts/:cohortId/edit', lead, form.editForm)
  router.post('/cohorts/:cohortId/edit', lead, form.update)
  const settings = matchingSettingsController(services)
  router.get('/cohorts/:cohortId/matching/settings', lead, settings.get)
  router.post('/cohorts/:cohortId/matching/settings', lead, settings.post)
  return router
}
