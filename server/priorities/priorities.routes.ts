import { Router } from 'express'
import { requireRole } from '../http/guards'
import type { Services } from '../services'
import { priorityController } from './priority.controller'

export function prioritiesRoutes(services: Services) {
  const router = Router()
  const controller = priorityController(services)
  const lead = requireRole('lead')
  router.get('/priorities', lead, controller.list)
  router.get('/priorities/new', lead, controller.newForm)
  router.post('/priorities/new', lead, controller.create)
  router.get('/priorities/:priorityId/edit', lead, controller.editForm)
  router.post('/priorities/:priorityId/edit', lead, controller.update)
  return router
}
