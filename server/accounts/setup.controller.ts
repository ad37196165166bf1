// /setup: creates the first programme lead on a new installation, then vanishes (404).
import type { Request, Response } from 'express'
import { NotFoundError } from '../errors'
import { formErrors, noFormErrors } from '../http/forms'
import { regenerateSession } from '../http/sessions'
import type { Services } from '../services'
import { parseForm, setupSchema } from './account.schemas'

export function setupController({ accounts }: Services) {
  const render = (res: Response, values: Record<string, string>, form = noFormErrors, status = 200) =>
    res.status(status).render('pages/accounts/setup', { values, ...form })

  return {
    async get(_req: Request, res: Response) {
      if (!(await accounts.needsSetup())) throw new NotFoundError()
      render(res, {})
    },

    async post(req: Request, res: Response) {
      if (!(await accounts.needsSetup())) throw new NotFoundError()
      const parsed = parseForm(setupSchema, req.body, {})
      if (!parsed.ok) {
        const { password: _password, ...values } = req.body as Record<string, string>
        return render(res, values, formErrors(parsed.errors), 400)
      }
      const user = await accounts.createFirstLead(parsed.data)
      await regenerateSession(req)
      req.session.userId = String(user._id)
      req.session.flash = 'Tandem is set up. You are signed in as the programme lead.'
      res.redirect(303, '/')
    },
  }
}
