// /cohorts/:cohortId/pairs/:pairId/unpublish — ending a published pair, after the
// lead confirms; both people are told, with the reason if the lead gives one, and
// the pair's open shadowing sessions are cancelled in both calendars.
import type { Request, Response } from 'express'
import { idParam } from '../http/id-param'
import { formErrors, noFormErrors, text, type FormErrors } from '../http/forms'
import type { Services } from '../services'

const REASON_LIMIT = 500

export function unpublishController({ cohorts, pairs, pairEndedSessions }: Services) {
  const render = async (req: Request, res: Response, form: FormErrors = noFormErrors, reason = '', status = 200) => {
    const cohort = await cohorts.get(req.params.cohortId)
    const found = await pairs.getInCohort(cohort._id, req.params.pairId)
    res.status(status).render('pages/proposals/unpublish', { cohort, ...found, reason, ...form })
  }
  return {
    get: (req: Request, res: Response) => render(req, res),
    async post(req: Request, res: Response) {
      const reason = text(req.body, 'reason')
      if (reason.length > REASON_LIMIT) return render(req, res, formErrors([{ field: 'reason', message: `Reason must be ${REASON_LIMIT} characters or fewer` }]), reason, 400)
      if (text(req.body, 'confirm') !== 'yes') return render(req, res, formErrors([{ field: 'confirm', message: 'Confirm that you want to end this pair' }]), reason, 400)
      const cohort = await cohorts.get(req.params.cohortId)
      const pairId = idParam(req.params.pairId)
      const outcome = await pairs.unpublish(cohort, pairId, reason, req.user!.id)
      const cancelled = outcome.ended ? await pairEndedSessions.endSessionsOf(pairId, req.user!.id, reason) : 0
      const sessions = cancelled ? ` Their ${cancelled} open shadowing ${cancelled === 1 ? 'session was' : 'sessions were'} cancelled.` : ''
      req.session.flash = outcome.ended ? `Pair ended: ${outcome.doctor!.name} and ${outcome.manager!.name} have been told by email.${sessions}` : 'That pair had already been ended'
      res.redirect(303, `/cohorts/${String(cohort._id)}/pairs`)
    },
  }
}
