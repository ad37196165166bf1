// "Forgotten your password?" and the link from the reset email.
import type { Request, Response } from 'express'
import { formErrors, noFormErrors, text } from '../http/forms'
import { regenerateSession } from '../http/sessions'
import type { Services } from '../services'
import { newPasswordSchema, parseForm, resetRequestSchema } from './account.schemas'
import { withLink } from './token-link'

export function passwordResetController({ passwordReset }: Services) {
  return {
    requestForm(_req: Request, res: Response) {
      res.render('pages/accounts/reset-request', { values: {}, ...noFormErrors })
    },

    async request(req: Request, res: Response) {
      const parsed = parseForm(resetRequestSchema, req.body)
      if (!parsed.ok) {
        res.status(400).render('pages/accounts/reset-request', { values: { email: text(req.body, 'email') }, ...formErrors(parsed.errors) })
        return
      }
      await passwordReset.request(parsed.data.email)
      res.render('pages/accounts/reset-requested', { email: parsed.data.email })
    },

    async form(req: Request, res: Response) {
      await withLink(res, 'password-reset', async () => {
        const user = await passwordReset.check(req.params.token)
        res.render('pages/accounts/reset-password', { email: user.email, ...noFormErrors })
      })
    },

    async reset(req: Request, res: Response) {
      const token = String(req.params.token)
      await withLink(res, 'password-reset', async () => {
        const user = await passwordReset.check(token)
        const parsed = parseForm(newPasswordSchema, req.body, { email: user.email })
        if (!parsed.ok) {
          res.status(400).render('pages/accounts/reset-password', { email: user.email, ...formErrors(parsed.errors) })
          return
        }
        const updated = await passwordReset.reset(token, parsed.data.password)
        await regenerateSession(req)
        req.session.userId = String(updated._id)
        req.session.flash = 'Your password has been changed.'
        res.redirect(303, '/')
      })
    },
  }
}
