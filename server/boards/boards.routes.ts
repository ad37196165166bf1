// The boards a lead or a sponsor reads about a cohort: the golden thread of its
// projects and the network of its people. Both read-only.
import { Router } from 'express'
import { requireRole } from '../http/guards'
import type { Services } from '../services'
import { goldenThreadController } from './golden-thread.controller'
import { networkController } from './network.controller'

export function boardsRoutes(services: Services) {
  const router = Router()
  const readers = requireRole('lead', 'sponsor')
  router.get('/cohorts/:cohortId/golden-thread', readers, goldenThreadController(services).get)
  router.get('/cohorts/:cohortId/network', readers, networkController(services).get)
  return router
}
