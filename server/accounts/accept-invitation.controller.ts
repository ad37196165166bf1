// /invitations/:token — the invited person chooses their name and password.
import type { Request, Response } from 'express'
import { formErrors, noFormErrors, text } from '../http/forms'
import { regenerateSession } from '../http/sessions'
import type { Services } from '../services'
import { acceptInvitationSchema, parseForm } from './account.schemas'
import { withLink } from './token-link'

export function acceptInvitationController({ invitations }: Services) {
  return {
    async get(req: Request, res: Response) {
      await withLink(res, 'invitation', async () => {
        const user = await invitations.check(req.params.token)
        res.render('pages/accounts/accept-invitation', { email: user.email, values: { name: user.name }, ...noFormErrors })
      })
    },

    async post(req: Request, res: Response) {
      const token = String(req.params.token)
      await withLink(res, 'invitation', async () => {
        const user = await invitations.check(token)
        const parsed = parseForm(acceptInvitationSchema, req.body, { email: user.email })
        if (!parsed.ok) {
          res.status(400).render('pages/accounts/accept-invitation', {
            email: user.email,
            values: { name: text(req.body, 'name') },
            ...formErrors(parsed.errors),
          })
          return
        }
        const active = await invitations.accept(token, parsed.data)
        await regenerateSession(req)
        req.session.userId = String(active._id)
        req.session.flash = 'Your account is ready. Welcome to Tandem.'
        res.redirect(303, '/')
      })
    },
  }
}
