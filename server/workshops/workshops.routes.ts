// Workshops. Leads: a cohort's series, its sessions, editing, cancelling and
// duplicating a session, registrations, the waitlist and attendance.
// Who may see which workshop is decided in workshop-access.ts.
import { Router } from 'express'
import { requireRole } from '../http/guards'
import type { Services } from '../services'
import { seriesController } from './series.controller'
import { workshopFormController } from './workshop-form.controller'
import { workshopManageController } from './workshop-manage.controller'

export function workshopsRoutes(services: Services) {
  const router = Router()
  const lead = requireRole('lead')
  const series = seriesController(services)
  const form = workshopFormController(services)
  const manage = workshopManageController(services)
  const oneSeries = '/workshop-series/:seriesId'
  const one = '/workshops/:workshopId'

  router.get('/cohorts/:cohortId/workshops', lead, series.list)
  router.get('/cohorts/:cohortId/workshops/new', lead, series.newForm)
  router.post('/cohorts/:cohortId/workshops/new', lead, series.create)
  router.get(oneSeries, lead, series.show)
  router.get(`${oneSeries}/edit`, lead, series.editForm)
  router.post(`${oneSeries}/edit`, lead, series.update)
  router.get(`${oneSeries}/sessions/new`, lead, form.newForm)
  router.post(`${oneSeries}/sessions/new`, lead, form.create)

  router.get(`${one}/manage`, lead, manage.manage)
  router.get(`${one}/edit`, lead, form.editForm)
  router.post(`${one}/edit`, lead, form.update)
  router.get(`${one}/cancel`, lead, manage.cancelForm)
  router.post(`${one}/cancel`, lead, manage.cancel)
  router.post(`${one}/duplicate`, lead, manage.duplicate)
  router.get(`${one}/attendance`, lead, manage.attendanceForm)
  router.post(`${one}/attendance`, lead, manage.saveAttendance)
  return router
}
