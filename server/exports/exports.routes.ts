// Exports: a cohort's data as CSV files, for programme leads only. Sponsors see
// the dashboard and boards, but these files hold personal data (names, emails,
// profiles), so nobody else may download them.
import { Router } from 'express'
import { requireRole } from '../http/guards'
import type { Services } from '../services'
import { exportsController } from './exports.controller'

export function exportsRoutes(services: Services) {
  const router = Router()
  const lead = requireRole('lead')
  const exports = exportsController(services)
  router.get('/cohorts/:cohortId/exports', lead, exports.page)
  // Express 5 (path-to-regexp 8): the literal ".csv" ends the name parameter.
  router.get('/cohorts/:cohortId/exports/:name.csv', lead, exports.download)
  return router
}
