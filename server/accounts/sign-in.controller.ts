import type { Request, Response } from 'express'
import { formErrors, noFormErrors, text } from '../http/forms'
import { safeReturnPath } from '../http/guards'
import { destroySession, regenerateSession } from '../http/sessions'
import type { Services } from '../services'
import { parseForm, signInSchema } from './account.schemas'
import { SignInError } from './accounts.service'

export function signInController({ accounts }: Services) {
  const render = (res: Response, values: Record<string, string>, form = noFormErrors, status = 200) =>
    res.status(status).render('pages/accounts/sign-in', { values, ...form })

  return {
    async get(req: Request, res: Response) {
      if (await accounts.needsSetup()) return res.redirect(303, '/setup')
      if (req.user) return res.redirect(303, '/')
      render(res, {})
    },

    async post(req: Request, res: Response) {
      const email = text(req.body, 'email')
      const parsed = parseForm(signInSchema, req.body)
      if (!parsed.ok) return render(res, { email }, formErrors(parsed.errors), 400)
      try {
        const user = await accounts.signIn({ ...parsed.data, ip: req.ip ?? 'unknown' })
        const returnTo = safeReturnPath(req.session.returnTo)
        await regenerateSession(req)
        req.session.userId = String(user._id)
        res.redirect(303, returnTo)
      } catch (error) {
        if (!(error instanceof SignInError)) throw error
        const message =
          error.reason === 'blocked'
            ? 'You have entered the wrong details too many times. Wait 15 minutes and try again, or reset your password.'
            : 'Enter the email address and password for your Tandem account: these do not match'
        render(res, { email }, formErrors([{ field: 'email', message }]), error.reason === 'blocked' ? 429 : 400)
      }
    },

    async signOut(req: Request, res: Response) {
      await destroySession(req)
      res.clearCookie('tandem.sid')
      res.redirect(303, '/sign-in')
    },
  }
}
