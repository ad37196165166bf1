// /cohorts/:cohortId/matching/settings — how much each criterion counts when
// matching this cohort, and which are hard requirements.
import type { Request, Response } from 'express'
import { DEFAULT_MATCHING_WEIGHTS, MATCHING_CRITERIA, type MatchingCriterion } from '../../models/cohort'
import type { FieldError } from '../errors'
import { CRITERION_NAMES } from './criterion-names'
import { formErrors, noFormErrors, text, type FormErrors } from '../http/forms'
import type { Services } from '../services'


type Values = { weights: Record<MatchingCriterion, string>; required: string[] }

function read(body: unknown): Values {
  const raw = (body as Record<string, unknown> | undefined)?.required
  const required = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string')
  return { weights: Object.fromEntries(MATCHING_CRITERIA.map(c => [c, text(body, `weight-${c}`)])) as Values['weights'], required }
}

function validate(values: Values): { ok: true; weights: Record<MatchingCriterion, number>; required: MatchingCriterion[] } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = []
  const weights = {} as Record<MatchingCriterion, number>
  for (const c of MATCHING_CRITERIA) {
    const value = values.weights[c]
    if (!/^\d{1,2}$/.test(value) || Number(value) > 10) errors.push({ field: `weight-${c}`, message: `Enter a weight for ${CRITERION_NAMES[c].label.toLowerCase()} from 0 to 10` })
    else weights[c] = Number(value)
  }
  const required = values.required.filter((c): c is MatchingCriterion => (MATCHING_CRITERIA as readonly string[]).includes(c))
  if (required.length !== values.required.length) errors.push({ field: 'required', message: 'Select requirements from the list' })
  if (!errors.length && MATCHING_CRITERIA.every(c => weights[c] === 0)) errors.push({ field: `weight-${MATCHING_CRITERIA[0]}`, message: 'Give at least one criterion a weight above 0' })
  return errors.length ? { ok: false, errors } : { ok: true, weights, required: [...new Set(required)] }
}

export function matchingSettingsController({ cohorts }: Services) {
  const render = async (req: Request, res: Response, values?: Values, form: FormErrors = noFormErrors, status = 200) => {
    const cohort = await cohorts.get(req.params.cohortId)
    const stored = cohort.matchingWeights as Partial<Record<MatchingCriterion, number>> | undefined
    const shown: Values = values ?? {
      weights: Object.fromEntries(MATCHING_CRITERIA.map(c => [c, String(stored?.[c] ?? DEFAULT_MATCHING_WEIGHTS[c])])) as Values['weights'],
      required: [...(cohort.matchingRequired ?? [])],
    }
    res.status(status).render('pages/cohorts/matching-settings', { cohort, values: shown, criteria: MATCHING_CRITERIA, names: CRITERION_NAMES, defaults: DEFAULT_MATCHING_WEIGHTS, ...form })
  }
  return {
    get: (req: Request, res: Response) => render(req, res),
    async post(req: Request, res: Response) {
      const cohort = await cohorts.get(req.params.cohortId)
      const values = read(req.body)
      const result = validate(values)
      if (!result.ok) return render(req, res, values, formErrors(result.errors), 400)
      await cohorts.saveMatchingSettings(cohort._id, result.weights, result.required)
      req.session.flash = 'Matching settings saved'
      res.redirect(303, `/cohorts/${String(cohort._id)}`)
    },
  }
}
