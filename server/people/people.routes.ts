import { Router } from 'express'
import { requireRole, requireSignIn } from '../http/guards'
import type { Services } from '../services'
import { addPersonController } from './add-person.controller'
import { directoryController } from './directory.controller'
import { exclusionsController } from './exclusions.controller'
import { profileController } from './profile.controller'

export function peopleRoutes(services: Services) {
  const router = Router()
  const lead = requireRole('lead')
  const profile = profileController(services)
  const add = addPersonController(services)
  const exclusions = exclusionsController(services)

  router.get('/profile', requireSignIn, profile.get)
  router.post('/profile', requireSignIn, profile.post)
  router.get('/people/:personId/profile', requireSignIn, profile.get)
  router.post('/people/:personId/profile', requireSignIn, profile.post)

  router.get('/cohorts/:cohortId/people', lead, directoryController(services))
  router.get('/cohorts/:cohortId/people/add', lead, add.get)
  router.post('/cohorts/:cohortId/people/add', lead, add.post)
  router.post('/cohorts/:cohortId/people/remind', lead, async (req, res) => {
    const cohort = await services.cohorts.get(req.params.cohortId)
    const { reminded, reinvited } = await services.reminders.remindIncomplete(cohort, req.user!.name || 'Your programme lead')
    req.session.flash = `Reminders sent: ${reminded} to complete a profile, ${reinvited} with a new invitation link`
    res.redirect(303, `/cohorts/${String(cohort._id)}/people`)
  })
  router.get('/cohorts/:cohortId/exclusions', lead, exclusions.get)
  router.post('/cohorts/:cohortId/exclusions', lead, exclusions.add)
  router.post('/cohorts/:cohortId/exclusions/:exclusionId/delete', lead, exclusions.remove)
  return router
}
