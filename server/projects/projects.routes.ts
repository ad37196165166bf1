// QI projects: the pair starts and runs its project; leads see every project of
// a cohort on the portfolio.
import { Router } from 'express'
import { requireRole, requireSignIn } from '../http/guards'
import type { Services } from '../services'
import { portfolioController } from './portfolio.controller'
import { projectPagesController } from './project-pages.controller'

export function projectsRoutes(services: Services) {
  const router = Router()
  const pages = projectPagesController(services)
  const portfolio = portfolioController(services)
  router.get('/pairs/:pairId/project/new', requireSignIn, pages.newForm)
  router.post('/pairs/:pairId/project/new', requireSignIn, pages.create)
  router.get('/projects/:projectId', requireSignIn, pages.get)
  router.get('/projects/:projectId/edit', requireSignIn, pages.editForm)
  router.post('/projects/:projectId/edit', requireSignIn, pages.update)
  router.post('/projects/:projectId/log', requireSignIn, pages.addLog)
  router.post('/projects/:projectId/progress', requireSignIn, pages.setProgress)
  router.get('/cohorts/:cohortId/projects', requireRole('lead'), portfolio.get)
  return router
}
