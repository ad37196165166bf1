// Adding one doctor or manager to a cohort by email.
import type { Request, Response } from 'express'
import { z } from 'zod'
import { ConflictError } from '../errors'
import { formErrors, fromZodError, noFormErrors, text, type FormErrors } from '../http/forms'
import type { Services } from '../services'

const schema = z.object({
  email: z.string().trim().min(1, 'Enter their email address').max(254).pipe(z.email('Enter an email address in the correct format, like name@example.nhs.uk')),
  side: z.enum(['doctor', 'manager'], 'Select whether they take part as a doctor or a manager'),
})

export function addPersonController({ cohorts, enrolments }: Services) {
  const render = async (req: Request, res: Response, values: Record<string, string>, form: FormErrors = noFormErrors, status = 200) => {
    const cohort = await cohorts.get(req.params.cohortId)
    res.status(status).render('pages/people/add-person', { cohort, values, ...form })
  }
  return {
    get: (req: Request, res: Response) => render(req, res, {}),
    async post(req: Request, res: Response) {
      const cohort = await cohorts.get(req.params.cohortId)
      const values = { email: text(req.body, 'email'), side: text(req.body, 'side') }
      const parsed = schema.safeParse(values)
      if (!parsed.success) return render(req, res, values, formErrors(fromZodError(parsed.error)), 400)
      try {
        const { outcome } = await enrolments.add(cohort._id, { ...parsed.data, invitedBy: req.user!.name || 'Your programme lead' })
        req.session.flash = {
          invited: `${parsed.data.email} has been invited and added as a ${parsed.data.side}`,
          'role-added': `${parsed.data.email} already has an account and has been added as a ${parsed.data.side}`,
          'already-enrolled': `${parsed.data.email} is already in this cohort`,
        }[outcome]
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error
        return render(req, res, values, formErrors([{ field: 'email', message: error.message }]), 400)
      }
      res.redirect(303, `/cohorts/${String(cohort._id)}/people/add`)
    },
  }
}
