// QI projects: the pair starts and runs its project; leads see every project of
// a cohort on the portfolio. Who may see or change what: project-access.ts.
import { Router } from 'express'
import { requireRole, requireSignIn } from '../http/guards'
import type { Services } from '../services'
import { charterController } from './charter.controller'
import { logController } from './log.controller'
import { portfolioController } from './portfolio.controller'
import { progressController } from './progress.controller'
import { projectPageController } from './project-page.controller'

export function projectsRoutes(services: Services) {
  const router = Router()
  const signedIn = requireSignIn
  const charter = charterController(services)
  const page = projectPageController(services)
  const log = logController(services)
  const progress = progressController(services)
  const portfolio = portfolioController(services)
  const one = '/projects/:projectId'

  router.get('/pairs/:pairId/project/new', signedIn, charter.newForm)
  router.post('/pairs/:pairId/project/new', signedIn, charter.create)
  router.get(one, signedIn, page.get)
  router.get(`${one}/edit`, signedIn, charter.editForm)
  router.post(`${one}/edit`, signedIn, charter.update)
  router.post(`${one}/log`, signedIn, log.post)
  router.post(`${one}/progress`, signedIn, progress.post)
  router.get('/cohorts/:cohortId/projects', requireRole('lead'), portfolio.get)
  return router
}
