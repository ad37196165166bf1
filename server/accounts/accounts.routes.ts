import { Router } from 'express'
import { requireRole } from '../http/guards'
import type { Services } from '../services'
import { acceptInvitationController } from './accept-invitation.controller'
import { inviteController } from './invite.controller'
import { passwordResetController } from './password-reset.controller'
import { setupController } from './setup.controller'
import { signInController } from './sign-in.controller'

export function accountsRoutes(services: Services) {
  const router = Router()
  const setup = setupController(services)
  const signIn = signInController(services)
  const invite = inviteController(services)
  const accept = acceptInvitationController(services)
  const reset = passwordResetController(services)

  router.get('/setup', setup.get)
  router.post('/setup', setup.post)
  router.get('/sign-in', signIn.get)
  router.post('/sign-in', signIn.post)
  router.post('/sign-out', signIn.signOut)
  router.get('/people/invite', requireRole('lead'), invite.get)
  router.post('/people/invite', requireRole('lead'), invite.post)
  router.get('/invitations/:token', accept.get)
  router.post('/invitations/:token', accept.post)
  router.get('/password-reset', reset.requestForm)
  router.post('/password-reset', reset.request)
  router.get('/password-reset/:token', reset.form)
  router.post('/password-reset/:token', reset.reset)
  return router
}
