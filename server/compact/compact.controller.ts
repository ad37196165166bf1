// /pairs/:pairId/compact — the pair's compact: read it, change it, agree it,
// and reflect on it each month. Partners act; leads only look (and never see
// reflection comments: those are for the pair).
import type { Request, Response } from 'express'
import { ConflictError, type FieldError } from '../errors'
import { formErrors, noFormErrors, text, type FormErrors } from '../http/forms'
import type { Services } from '../services'
import type { PairReading } from '../shadowing/session-access'
import { readCommitments, readReflectionForm, validateReflection, type ReflectionValues } from './compact.form'

const emptyReflection = (count: number): ReflectionValues => ({ ratings: Array.from({ length: count }, () => ''), comment: '', raise: false, concern: '' })

export function compactController({ compact, compactReflections }: Services) {
  async function page(req: Request, res: Response, values?: ReflectionValues, form: FormErrors = noFormErrors, status = 200, options: PairReading = {}) {
    const state = await compactReflections.forPair(req.user!, req.params.pairId, options)
    res.status(status).render('pages/compact/compact', { ...state, pairId: String(state.view.pair._id), isPartner: state.view.role !== 'lead', values: values ?? emptyReflection(state.toRate.length), ...form })
  }

  async function editPage(req: Request, res: Response, values: { commitments: string; basedOn: number }, form: FormErrors = noFormErrors, status = 200, conflict?: { version: number; commitments: string[] }) {
    const state = await compact.forPair(req.user!, req.params.pairId)
    if (state.view.role === 'lead') throw new ConflictError('Only the two partners can change their compact')
    res.status(status).render('pages/compact/edit', { pairId: String(state.view.pair._id), current: state.current, values, conflict, ...form })
  }

  return {
    // A pair the lead has ended can still read its compact and scores; every change is refused.
    get: (req: Request, res: Response) => page(req, res, undefined, noFormErrors, 200, { orEnded: true }),

    async editForm(req: Request, res: Response) {
      const state = await compact.forPair(req.user!, req.params.pairId)
      await editPage(req, res, { commitments: state.current.commitments.join('\n'), basedOn: state.current.version })
    },

    async saveEdit(req: Request, res: Response) {
      const values = { commitments: text(req.body, 'commitments'), basedOn: Number(text(req.body, 'basedOn')) || 0 }
      const read = readCommitments(values.commitments)
      if (!read.ok) return editPage(req, res, values, formErrors(read.errors), 400)
      const saved = await compact.edit(req.user!, req.params.pairId, values.basedOn, read.commitments)
      if (!saved.ok) {
        const message = `Your partner changed the compact while you were editing it (now version ${saved.current.version}). Their version is shown below; your wording is kept in the box. Save again to replace theirs.`
        return editPage(req, res, { ...values, basedOn: saved.current.version }, formErrors([{ field: 'commitments', message }]), 409, saved.current)
      }
      req.session.flash = `Compact saved as version ${saved.version}. You both need to agree it again.`
      res.redirect(303, `/pairs/${req.params.pairId}/compact`)
    },

    async agree(req: Request, res: Response) {
      const version = Number(text(req.body, 'version')) || 0
      await compact.agree(req.user!, req.params.pairId, version)
      req.session.flash = `You agreed version ${version} of your compact`
      res.redirect(303, `/pairs/${req.params.pairId}/compact`)
    },

    async reflect(req: Request, res: Response) {
      const state = await compactReflections.forPair(req.user!, req.params.pairId)
      const values = readReflectionForm(req.body, state.toRate.length)
      const valid = validateReflection(values, state.toRate)
      if (!valid.ok) return page(req, res, values, formErrors(valid.errors as FieldError[]), 400)
      await compactReflections.submit(req.user!, req.params.pairId, valid)
      req.session.flash = valid.concern ? `Reflection saved for ${state.monthName}. Your concern has been shared with your programme lead.` : `Reflection saved for ${state.monthName}`
      res.redirect(303, `/pairs/${req.params.pairId}/compact`)
    },
  }
}
