// /cohorts/:cohortId/nudges — the lead sees every nudge (when it goes, whether it
// is on), changes one's wording or switches it off, or puts Tandem's wording
// back. /profile/emails — anyone can stop the weekly digest (never invitations,
// calendar invites or reminders).
import type { Request, Response } from 'express'
import { User } from '../../models/user'
import { NotFoundError, type FieldError } from '../errors'
import { formErrors, noFormErrors, text, type FormErrors } from '../http/forms'
import type { Services } from '../services'
import { NUDGE_KINDS, NUDGES, unknownPlaceholders, type NudgeKind } from './nudge-kinds'

const SUBJECT_LIMIT = 150
const BODY_LIMIT = 3000

function kindParam(value: unknown): NudgeKind {
  if (typeof value !== 'string' || !(NUDGE_KINDS as readonly string[]).includes(value)) throw new NotFoundError()
  return value as NudgeKind
}

export function nudgesController({ cohorts, nudges }: Services) {
  async function editPage(req: Request, res: Response, values?: { enabled: boolean; subject: string; body: string }, form: FormErrors = noFormErrors, status = 200) {
    const cohort = await cohorts.get(req.params.cohortId)
    const kind = kindParam(req.params.kind)
    const current = (await nudges.settingsFor(cohort._id))[kind]
    res.status(status).render('pages/nudges/edit', { cohort, kind, info: NUDGES[kind], changed: current.changed, values: values ?? current, ...form })
  }

  return {
    async list(req: Request, res: Response) {
      const cohort = await cohorts.get(req.params.cohortId)
      const settings = await nudges.settingsFor(cohort._id)
      res.render('pages/nudges/list', { cohort, rows: NUDGE_KINDS.map(kind => ({ kind, ...NUDGES[kind], ...settings[kind] })) })
    },

    edit: (req: Request, res: Response) => editPage(req, res),

    async save(req: Request, res: Response) {
      const cohort = await cohorts.get(req.params.cohortId)
      const kind = kindParam(req.params.kind)
      if (text(req.body, 'reset') === 'yes') {
        await nudges.reset(cohort._id, kind)
        req.session.flash = `“${NUDGES[kind].title}” is back to Tandem’s wording and switched on`
        return res.redirect(303, `/cohorts/${String(cohort._id)}/nudges`)
      }
      const values = { enabled: text(req.body, 'enabled') === 'yes', subject: text(req.body, 'subject'), body: text(req.body, 'body') }
      const errors: FieldError[] = []
      if (!values.subject) errors.push({ field: 'subject', message: 'Enter the subject line' })
      else if (values.subject.length > SUBJECT_LIMIT) errors.push({ field: 'subject', message: `The subject must be ${SUBJECT_LIMIT} characters or fewer` })
      if (!values.body) errors.push({ field: 'body', message: 'Enter the message' })
      else if (values.body.length > BODY_LIMIT) errors.push({ field: 'body', message: `The message must be ${BODY_LIMIT} characters or fewer` })
      for (const field of ['subject', 'body'] as const) {
        const unknown = unknownPlaceholders(values[field], NUDGES[kind].placeholders)
        if (unknown.length) errors.push({ field, message: `${field === 'subject' ? 'The subject' : 'The message'} uses ${unknown.map(u => `{${u}}`).join(', ')}, which this nudge cannot fill in. Use only ${NUDGES[kind].placeholders.map(p => `{${p}}`).join(', ')}` })
      }
      if (errors.length) return editPage(req, res, values, formErrors(errors), 400)
      await nudges.save(cohort._id, kind, values, req.user!.id)
      req.session.flash = `“${NUDGES[kind].title}” saved${values.enabled ? '' : ' and switched off'}`
      res.redirect(303, `/cohorts/${String(cohort._id)}/nudges`)
    },

    async emailPreferences(req: Request, res: Response) {
      const user = await User.findById(req.user!.id, { digestOptOut: 1 }).lean()
      res.render('pages/nudges/email-preferences', { digest: !user?.digestOptOut, isLead: req.user!.roles.includes('lead') })
    },

    async saveEmailPreferences(req: Request, res: Response) {
      const digest = text(req.body, 'digest') === 'yes'
      await User.updateOne({ _id: req.user!.id }, { $set: { digestOptOut: !digest } })
      req.session.flash = digest ? 'You will get the weekly digest' : 'You will no longer get the weekly digest'
      res.redirect(303, '/profile/emails')
    },
  }
}
