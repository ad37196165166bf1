// Creating and editing a cohort (leads only).
import type { Request, Response } from 'express'
import { formErrors, noFormErrors, type FormErrors } from '../http/forms'
import type { Services } from '../services'
import { cohortFormFrom, readCohortForm, validateCohortForm, type CohortFormValues } from './cohort.form'

export function cohortFormController({ cohorts }: Services) {
  const render = (res: Response, view: { values: CohortFormValues; cohortId?: string }, form: FormErrors = noFormErrors, status = 200) =>
    res.status(status).render('pages/cohorts/cohort-form', { ...view, ...form })

  return {
    newForm(_req: Request, res: Response) {
      render(res, { values: cohortFormFrom() })
    },

    async create(req: Request, res: Response) {
      const values = readCohortForm(req.body)
      const result = validateCohortForm(values)
      if (!result.ok) return render(res, { values }, formErrors(result.errors), 400)
      const cohort = await cohorts.create(result.input, req.user!.id)
      req.session.flash = `Cohort “${cohort.name}” created`
      res.redirect(303, `/cohorts/${String(cohort._id)}`)
    },

    async editForm(req: Request, res: Response) {
      const cohort = await cohorts.get(req.params.cohortId)
      render(res, { values: cohortFormFrom(cohort.toObject()), cohortId: String(cohort._id) })
    },

    async update(req: Request, res: Response) {
      const cohort = await cohorts.get(req.params.cohortId)
      const values = readCohortForm(req.body)
      const result = validateCohortForm(values)
      if (!result.ok) return render(res, { values, cohortId: String(cohort._id) }, formErrors(result.errors), 400)
      await cohorts.update(cohort._id, result.input)
      req.session.flash = 'Cohort details saved'
      res.redirect(303, `/cohorts/${String(cohort._id)}`)
    },
  }
}
