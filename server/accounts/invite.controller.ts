// A programme lead invites a person by email with a role.
import type { Request, Response } from 'express'
import { formErrors, noFormErrors, text } from '../http/forms'
import type { Services } from '../services'
import { inviteSchema, parseForm } from './account.schemas'

export function inviteController({ invitations }: Services) {
  const render = (res: Response, values: Record<string, string>, form = noFormErrors, status = 200) =>
    res.status(status).render('pages/accounts/invite', { values, ...form })

  return {
    get(_req: Request, res: Response) {
      render(res, {})
    },

    async post(req: Request, res: Response) {
      const values = { email: text(req.body, 'email'), role: text(req.body, 'role') }
      const parsed = parseForm(inviteSchema, req.body)
      if (!parsed.ok) return render(res, values, formErrors(parsed.errors), 400)
      const { outcome } = await invitations.invite({ ...parsed.data, invitedBy: req.user!.name || 'A programme lead' })
      req.session.flash =
        outcome === 'invited'
          ? `Invitation sent to ${parsed.data.email}`
          : `${parsed.data.email} already has an account: they now have the ${parsed.data.role} role and have been told by email`
      res.redirect(303, '/people/invite')
    },
  }
}
