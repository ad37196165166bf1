// Workshops. Leads: a cohort's series, its sessions, editing, cancelling and
// duplicating a session, registrations, the waitlist, attendance and the
// register as CSV; inviting the whole cohort to a series.
// Participants: the cohort's sessions, registering, the waitlist, giving up a
// place, and the no-sign-in link in a late offer's email.
// Who may see which workshop is decided in workshop-access.ts.
import { Router } from 'express'
import { requireRole, requireSignIn } from '../http/guards'
import type { Services } from '../services'
import { offerLinkController } from './offer-link.controller'
import { participantController } from './participant.controller'
import { seriesController } from './series.controller'
import { workshopFormController } from './workshop-form.controller'
import { workshopManageController } from './workshop-manage.controller'

export function workshopsRoutes(services: Services) {
  const router = Router()
  const lead = requireRole('lead')
  const series = seriesController(services)
  const form = workshopFormController(services)
  const manage = workshopManageController(services)
  const participant = participantController(services)
  const offerLink = offerLinkController(services)
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
  router.get(`${oneSeries}/invite`, lead, series.inviteForm)
  router.post(`${oneSeries}/invite`, lead, series.invite)

  router.get(`${one}/manage`, lead, manage.manage)
  router.get(`${one}/edit`, lead, form.editForm)
  router.post(`${one}/edit`, lead, form.update)
  router.get(`${one}/cancel`, lead, manage.cancelForm)
  router.post(`${one}/cancel`, lead, manage.cancel)
  router.post(`${one}/duplicate`, lead, manage.duplicate)
  router.get(`${one}/attendance`, lead, manage.attendanceForm)
  router.post(`${one}/attendance`, lead, manage.saveAttendance)
  router.get(`${one}/register.csv`, lead, manage.registerCsv)

  // No sign-in: the link in the email is the key. Before /workshops/:workshopId so that "offer" is never read as an id.
  router.get('/workshops/offer/done', offerLink.done)
  router.get('/workshops/offer/:token', offerLink.get)
  router.post('/workshops/offer/:token', offerLink.post)

  router.get('/workshops', requireSignIn, participant.list)
  router.get(one, requireSignIn, participant.page)
  router.post(`${one}/register`, requireSignIn, participant.register)
  router.get(`${one}/cancel-place`, requireSignIn, participant.cancelForm)
  router.post(`${one}/cancel-place`, requireSignIn, participant.cancel)
  router.post(`${one}/offer`, requireSignIn, participant.offer)
  return router
}
