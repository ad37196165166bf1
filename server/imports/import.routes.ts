import { Router } from 'express'
import { exposeCsrfToken, verifyCsrfAfterUpload } from '../http/csrf'
import { requireRole } from '../http/guards'
import type { Services } from '../services'
import { importController } from './import.controller'

/**
 * The upload POST is multipart, so it is mounted before the app's CSRF check and
 * checks the token itself once multer has read the form (see server/app.ts).
 */
export function importUploadRoutes(services: Services) {
  const router = Router()
  const controller = importController(services)
  router.post('/cohorts/:cohortId/import', exposeCsrfToken, requireRole('lead'), controller.receive, verifyCsrfAfterUpload, controller.upload)
  return router
}

export function importRoutes(services: Services) {
  const router = Router()
  const controller = importController(services)
  const lead = requireRole('lead')
  router.get('/cohorts/:cohortId/import', lead, controller.form)
  router.get('/cohorts/:cohortId/import/template/:side.csv', lead, controller.template)
  router.get('/cohorts/:cohortId/import/:previewId', lead, controller.preview)
  router.post('/cohorts/:cohortId/import/:previewId/confirm', lead, controller.confirm)
  router.get('/cohorts/:cohortId/import/:previewId/done', lead, controller.done)
  return router
}
