// /cohorts/:cohortId/matching — where the lead runs matching and sees every
// proposal so far; POST …/run starts a run and goes straight to its page, which
// shows progress until the worker has finished.
import type { Request, Response } from 'express'
import { MatchingLock } from '../../models/matching-lock'
import { PROPOSAL_MODES, type ProposalMode } from '../../models/proposal'
import { formErrors, noFormErrors, text, type FormErrors } from '../http/forms'
import type { Services } from '../services'
import { loadMatchingInput } from './matching-input'

export function matchingPageController({ cohorts, proposals, rankings }: Services) {
  const render = async (req: Request, res: Response, form: FormErrors = noFormErrors, mode = 'optimal', status = 200) => {
    const cohort = await cohorts.get(req.params.cohortId)
    const [input, list, locks, ranked] = await Promise.all([
      loadMatchingInput(cohort, 'optimal'),
      proposals.list(cohort._id),
      MatchingLock.find({ cohortId: cohort._id }).lean(),
      rankings.forCohort(cohort._id),
    ])
    const names = await proposals.names(locks.flatMap(l => [l.doctorId, l.managerId]))
    res.status(status).render('pages/proposals/matching', {
      cohort,
      freeDoctors: input.doctors.length,
      openManagers: input.managers.length,
      places: input.managers.reduce((s, m) => s + m.capacity, 0),
      locks: locks.map(l => ({ doctor: names.get(String(l.doctorId)) ?? '', manager: names.get(String(l.managerId)) ?? '' })),
      ranked,
      proposals: list.map(p => ({ ...p, stale: proposals.isStale(p) })),
      mode,
      ...form,
    })
  }
  return {
    get: (req: Request, res: Response) => render(req, res),
    async run(req: Request, res: Response) {
      const mode = text(req.body, 'mode')
      if (!(PROPOSAL_MODES as readonly string[]).includes(mode))
        return render(req, res, formErrors([{ field: 'mode', message: 'Select how to match this cohort' }]), mode, 400)
      const cohort = await cohorts.get(req.params.cohortId)
      const { proposal } = await proposals.start(cohort, mode as ProposalMode, req.user!.id)
      res.redirect(303, `/cohorts/${String(cohort._id)}/matching/proposals/${proposal.number}`)
    },
  }
}
