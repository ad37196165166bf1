// The progress score form: confirm Tandem's suggestion, or choose another
// score on the IHI scale with a reason.
import { PROGRESS_SCORES } from '../../models/qi-project'
import type { FieldError } from '../errors'
import { text } from '../http/forms'
import { scoreText } from './progress-score'

export type ProgressValues = { score: string; reason: string }

export const REASON_LIMIT = 500

export function readProgressForm(body: unknown): ProgressValues {
  return { score: text(body, 'score'), reason: text(body, 'reason') }
}

/** Only a score on the scale; the reason is needed when it differs from the suggestion. */
export function validateProgress(values: ProgressValues, suggested: number): { ok: true; score: number; reason: string } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = []
  const score = values.score === '' ? NaN : Number(values.score)
  const onScale = (PROGRESS_SCORES as readonly number[]).includes(score)
  if (!onScale) errors.push({ field: 'score', message: 'Select a progress score' })
  else if (score !== suggested && !values.reason) errors.push({ field: 'reason', message: `Give a reason for choosing ${scoreText(score)} rather than Tandem’s suggestion of ${scoreText(suggested)}` })
  if (values.reason.length > REASON_LIMIT) errors.push({ field: 'reason', message: `The reason must be ${REASON_LIMIT} characters or fewer` })
  if (errors.length) return { ok: false, errors }
  return { ok: true, score, reason: values.reason }
}
