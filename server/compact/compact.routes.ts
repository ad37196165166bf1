// The compact: the pair's pages (partners act, leads look) and the lead's overview and template.
import { Router } from 'express'
import { requireRole, requireSignIn } from '../http/guards'
import type { Services } from '../services'
import { compactLeadController } from './compact-lead.controller'
import { compactController } from './compact.controller'

export function compactRoutes(services: Services) {
  const router = Router()
  const pair = compactController(services)
  const lead = compactLeadController(services)
  const leads = requireRole('lead')
  router.get('/pairs/:pairId/compact', requireSignIn, pair.get)
  router.get('/pairs/:pairId/compact/edit', requireSignIn, pair.editForm)
  router.post('/pairs/:pairId/compact/edit', requireSignIn, pair.saveEdit)
  router.post('/pairs/:pairId/compact/agree', requireSignIn, pair.agree)
  router.post('/pairs/:pairId/compact/reflection', requireSignIn, pair.reflect)
  router.get('/cohorts/:cohortId/compact', leads, lead.overview)
  router.get('/cohorts/:cohortId/compact/template', leads, lead.template)
  router.post('/cohorts/:cohortId/compact/template', leads, lead.saveTemplate)
  return router
}
