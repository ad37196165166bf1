// The compact's forms: the commitments (one a line), the monthly reflection
// (a rating for each commitment, a comment for the pair, a concern for the
// lead) and the lead's template. What was typed comes back with the messages.
import type { FieldError } from '../errors'
import { text } from '../http/forms'

export const MAX_COMMITMENTS = 12
const COMMITMENT_LIMIT = 200
const TEXT_LIMIT = 2000

export function readCommitments(raw: string, field = 'commitments'): { ok: true; commitments: string[] } | { ok: false; errors: FieldError[] } {
  const commitments = raw.split(/\r?\n/).map(line => line.trim()).filter(Boolean)
  if (!commitments.length) return { ok: false, errors: [{ field, message: 'Write at least one commitment' }] }
  if (commitments.length > MAX_COMMITMENTS) return { ok: false, errors: [{ field, message: `Write ${MAX_COMMITMENTS} commitments or fewer` }] }
  const long = commitments.findIndex(c => c.length > COMMITMENT_LIMIT)
  if (long >= 0) return { ok: false, errors: [{ field, message: `Commitment ${long + 1} must be ${COMMITMENT_LIMIT} characters or fewer` }] }
  return { ok: true, commitments }
}

export type ReflectionValues = { ratings: string[]; comment: string; raise: boolean; concern: string }

export function readReflectionForm(body: unknown, count: number): ReflectionValues {
  return {
    ratings: Array.from({ length: count }, (_, i) => text(body, `rating-${i}`)),
    comment: text(body, 'comment'),
    raise: text(body, 'raise') === 'yes',
    concern: text(body, 'concern'),
  }
}

export function validateReflection(values: ReflectionValues, commitments: readonly string[]): { ok: true; ratings: number[]; comment: string; concern: string } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = []
  values.ratings.forEach((rating, i) => {
    if (!/^[1-5]$/.test(rating)) errors.push({ field: `rating-${i}`, message: `Rate how well you kept “${commitments[i]}”` })
  })
  if (values.comment.length > TEXT_LIMIT) errors.push({ field: 'comment', message: `Your comment must be ${TEXT_LIMIT} characters or fewer` })
  if (values.raise && !values.concern) errors.push({ field: 'concern', message: 'Write the concern you want to share with your programme lead' })
  if (values.concern.length > TEXT_LIMIT) errors.push({ field: 'concern', message: `The concern must be ${TEXT_LIMIT} characters or fewer` })
  if (errors.length) return { ok: false, errors }
  return { ok: true, ratings: values.ratings.map(Number), comment: values.comment, concern: values.raise ? values.concern : '' }
}

export function readReflectionDay(raw: string): { ok: true; day: number } | { ok: false; errors: FieldError[] } {
  if (!/^\d{1,2}$/.test(raw) || Number(raw) < 1 || Number(raw) > 28) {
    return { ok: false, errors: [{ field: 'reflectionDay', message: 'Enter a day of the month from 1 to 28, like 1' }] }
  }
  return { ok: true, day: Number(raw) }
}
