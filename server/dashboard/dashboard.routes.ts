// The programme dashboard: read-only, for programme leads and sponsors (a
// sponsor holds no other role, so every lead route keeps refusing them).
import { Router } from 'express'
import { requireRole } from '../http/guards'
import type { Services } from '../services'
import { dashboardController } from './dashboard.controller'

export function dashboardRoutes(services: Services) {
  const router = Router()
  const readers = requireRole('lead', 'sponsor')
  const controller = dashboardController(services)
  router.get('/cohorts/:cohortId/dashboard', readers, controller.get)
  router.get('/cohorts/:cohortId/dashboard/stage/:stage', readers, controller.stage)
  return router
}
