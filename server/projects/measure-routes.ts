// A QI project's measures, their data and charts, and its PDSA cycles. Who may
// see or change what follows the project (project-access.ts): the pair and
// leads change; cohort members read a shared project's measures, charts and
// cycles; everyone else gets "not found".
import { Router } from 'express'
import { requireSignIn } from '../http/guards'
import type { Services } from '../services'
import { dataPointsController } from './data-points.controller'
import { measuresLimitsController } from './measures-limits.controller'
import { measuresController } from './measures.controller'
import { pdsaController } from './pdsa.controller'

export function measureRoutes(services: Services) {
  const router = Router()
  const signedIn = requireSignIn
  const measures = measuresController(services)
  const limits = measuresLimitsController(services)
  const points = dataPointsController(services)
  const pdsa = pdsaController(services)
  const measure = '/measures/:measureId'
  const point = `${measure}/points/:pointId`
  const cycle = '/pdsa/:cycleId'

  router.get('/projects/:projectId/measures/new', signedIn, measures.newForm)
  router.post('/projects/:projectId/measures/new', signedIn, measures.create)
  router.get(measure, signedIn, measures.show)
  router.get(`${measure}/edit`, signedIn, measures.editForm)
  router.post(`${measure}/edit`, signedIn, measures.update)
  router.get(`${measure}/delete`, signedIn, measures.deleteForm)
  router.post(`${measure}/delete`, signedIn, measures.remove)

  router.get(`${measure}/limits`, signedIn, limits.get)
  router.post(`${measure}/rebase`, signedIn, limits.rebase)
  router.post(`${measure}/rebase/remove`, signedIn, limits.removeRebase)
  router.post(`${measure}/baseline`, signedIn, limits.baseline)

  // Before the :pointId routes, so that "new" and "paste" are never read as ids.
  router.get(`${measure}/points/new`, signedIn, points.newForm)
  router.post(`${measure}/points/new`, signedIn, points.create)
  router.get(`${measure}/points/paste`, signedIn, points.pasteForm)
  router.post(`${measure}/points/paste`, signedIn, points.paste)
  router.get(`${point}/edit`, signedIn, points.editForm)
  router.post(`${point}/edit`, signedIn, points.update)
  router.get(`${point}/delete`, signedIn, points.deleteForm)
  router.post(`${point}/delete`, signedIn, points.remove)

  router.get('/projects/:projectId/pdsa/new', signedIn, pdsa.newForm)
  router.post('/projects/:projectId/pdsa/new', signedIn, pdsa.create)
  router.get(cycle, signedIn, pdsa.show)
  router.get(`${cycle}/plan`, signedIn, pdsa.planForm)
  router.post(`${cycle}/plan`, signedIn, pdsa.savePlan)
  router.get(`${cycle}/do`, signedIn, pdsa.doForm)
  router.post(`${cycle}/do`, signedIn, pdsa.saveDo)
  router.get(`${cycle}/study`, signedIn, pdsa.studyForm)
  router.post(`${cycle}/study`, signedIn, pdsa.saveStudy)
  router.get(`${cycle}/act`, signedIn, pdsa.actForm)
  router.post(`${cycle}/act`, signedIn, pdsa.saveAct)
  router.get(`${cycle}/delete`, signedIn, pdsa.deleteForm)
  router.post(`${cycle}/delete`, signedIn, pdsa.remove)
  return router
}
