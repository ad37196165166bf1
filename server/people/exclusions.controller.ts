// /cohorts/:cohortId/exclusions — pairs that must never be matched.
import type { Request, Response } from 'express'
import { ValidationError } from '../errors'
import { formErrors, noFormErrors, text, type FormErrors } from '../http/forms'
import type { Services } from '../services'
import { cohortPeople } from './directory.service'

export function exclusionsController({ cohorts, exclusions }: Services) {
  const render = async (req: Request, res: Response, values: Record<string, string>, form: FormErrors = noFormErrors, status = 200) => {
    const cohort = await cohorts.get(req.params.cohortId)
    const people = (await cohortPeople(cohort._id)).sort((a, b) => (a.name || a.email).localeCompare(b.name || b.email))
    res.status(status).render('pages/people/exclusions', {
      cohort,
      values,
      exclusions: await exclusions.list(cohort._id),
      doctors: people.filter(p => p.side === 'doctor'),
      managers: people.filter(p => p.side === 'manager'),
      ...form,
    })
  }
  return {
    get: (req: Request, res: Response) => render(req, res, {}),
    async add(req: Request, res: Response) {
      const cohort = await cohorts.get(req.params.cohortId)
      const values = { doctorId: text(req.body, 'doctorId'), managerId: text(req.body, 'managerId'), reason: text(req.body, 'reason') }
      try {
        await exclusions.add(cohort._id, values, req.user!.id)
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        return render(req, res, values, formErrors(error.errors), 400)
      }
      req.session.flash = 'Exclusion added: they will never be paired'
      res.redirect(303, `/cohorts/${String(cohort._id)}/exclusions`)
    },
    async remove(req: Request, res: Response) {
      const cohort = await cohorts.get(req.params.cohortId)
      await exclusions.remove(cohort._id, req.params.exclusionId)
      req.session.flash = 'Exclusion removed'
      res.redirect(303, `/cohorts/${String(cohort._id)}/exclusions`)
    },
  }
}
