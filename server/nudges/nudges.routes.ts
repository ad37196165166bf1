// The lead's nudge settings per cohort, and everyone's email preferences.
import { Router } from 'express'
import { requireRole, requireSignIn } from '../http/guards'
import type { Services } from '../services'
import { nudgesController } from './nudges.controller'

export function nudgesRoutes(services: Services) {
  const router = Router()
  const nudges = nudgesController(services)
  const lead = requireRole('lead')
  router.get('/cohorts/:cohortId/nudges', lead, nudges.list)
  router.get('/cohorts/:cohortId/nudges/:kind', lead, nudges.edit)
  router.post('/cohorts/:cohortId/nudges/:kind', lead, nudges.save)
  router.get('/profile/emails', requireSignIn, nudges.emailPreferences)
  router.post('/profile/emails', requireSignIn, nudges.saveEmailPreferences)
  return router
}
