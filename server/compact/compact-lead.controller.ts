// /cohorts/:cohortId/compact — for the lead: each pair's reflections this month,
// its compact score over the months and the concerns partners chose to raise;
// and the template every new pair's compact starts from.
import type { Request, Response } from 'express'
import { Cohort } from '../../models/cohort'
import { formErrors, noFormErrors, text, type FormErrors } from '../http/forms'
import type { Services } from '../services'
import { readCommitments, readReflectionDay } from './compact.form'

export function compactLeadController({ cohorts, compactReflections }: Services) {
  async function templatePage(req: Request, res: Response, values?: { commitments: string; reflectionDay: string }, form: FormErrors = noFormErrors, status = 200) {
    const cohort = await cohorts.get(req.params.cohortId)
    res.status(status).render('pages/compact/template', {
      cohort,
      values: values ?? { commitments: (cohort.compactTemplate ?? []).join('\n'), reflectionDay: String(cohort.reflectionDay ?? 1) },
      ...form,
    })
  }

  return {
    async overview(req: Request, res: Response) {
      const cohort = await cohorts.get(req.params.cohortId)
      res.render('pages/compact/lead', { cohort, ...(await compactReflections.leadSummary(cohort._id)) })
    },

    template: (req: Request, res: Response) => templatePage(req, res),

    async saveTemplate(req: Request, res: Response) {
      const values = { commitments: text(req.body, 'commitments'), reflectionDay: text(req.body, 'reflectionDay') }
      const commitments = readCommitments(values.commitments)
      const day = readReflectionDay(values.reflectionDay)
      const errors = [...(commitments.ok ? [] : commitments.errors), ...(day.ok ? [] : day.errors)]
      if (!commitments.ok || !day.ok) return templatePage(req, res, values, formErrors(errors), 400)
      const cohort = await cohorts.get(req.params.cohortId)
      await Cohort.updateOne({ _id: cohort._id }, { $set: { compactTemplate: commitments.commitments, reflectionDay: day.day } })
      req.session.flash = 'Compact template saved. Pairs published from now on start from it; existing compacts are unchanged.'
      res.redirect(303, `/cohorts/${String(cohort._id)}/compact`)
    },
  }
}
