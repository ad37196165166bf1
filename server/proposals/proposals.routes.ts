// The lead's matching screens: run, review, change and publish proposals, and
// unpublish a published pair. Leads only: doctors and managers never see a proposal.
import { Router } from 'express'
import { requireRole } from '../http/guards'
import type { Services } from '../services'
import { matchingPageController } from './matching-page.controller'
import { proposalPageController } from './proposal-page.controller'
import { reviewPagesController } from './review-pages.controller'
import { unpublishController } from './unpublish.controller'

export function proposalsRoutes(services: Services) {
  const router = Router()
  const lead = requireRole('lead')
  const matching = matchingPageController(services)
  const proposal = proposalPageController(services)
  const review = reviewPagesController(services)
  const unpublish = unpublishController(services)
  const one = '/cohorts/:cohortId/matching/proposals/:number'

  router.get('/cohorts/:cohortId/matching', lead, matching.get)
  router.post('/cohorts/:cohortId/matching/run', lead, matching.run)
  router.get(one, lead, proposal.get)
  router.get(`${one}/status`, lead, proposal.status)
  router.get(`${one}/publish`, lead, proposal.confirmPublish)
  router.post(`${one}/publish`, lead, proposal.publish)
  router.get(`${one}/doctors/:doctorId`, lead, review.doctor)
  router.get(`${one}/managers/:managerId`, lead, review.manager)
  router.post(`${one}/lock`, lead, review.lock)
  router.post(`${one}/unlock`, lead, review.unlock)
  router.post(`${one}/forbid`, lead, review.forbid)
  router.post(`${one}/swap`, lead, review.swap)
  router.get('/cohorts/:cohortId/pairs/:pairId/unpublish', lead, unpublish.get)
  router.post('/cohorts/:cohortId/pairs/:pairId/unpublish', lead, unpublish.post)
  return router
}
