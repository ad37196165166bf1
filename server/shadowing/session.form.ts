// The small forms on and around the session page: an answer to a proposal, a
// reason, whether the session happened, and a reflection.
import type { FieldError } from '../errors'
import { text } from '../http/forms'

export const REASON_LIMIT = 500
export const REFLECTION_LIMIT = 2000

type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] }

export function checkReason(body: unknown, options: { required: boolean; what: string }): Checked<string> {
  const reason = text(body, 'reason')
  if (options.required && !reason) return { ok: false, errors: [{ field: 'reason', message: `Enter a reason for ${options.what}` }] }
  if (reason.length > REASON_LIMIT) return { ok: false, errors: [{ field: 'reason', message: `The reason must be ${REASON_LIMIT} characters or fewer` }] }
  return { ok: true, value: reason }
}

export function checkAnswer(body: unknown): Checked<'accept' | 'decline'> {
  const answer = text(body, 'answer')
  return answer === 'accept' || answer === 'decline' ? { ok: true, value: answer } : { ok: false, errors: [{ field: 'answer', message: 'Choose Accept or Decline' }] }
}

export function checkHappened(body: unknown): Checked<boolean> {
  const happened = text(body, 'happened')
  return happened === 'yes' || happened === 'no' ? { ok: true, value: happened === 'yes' } : { ok: false, errors: [{ field: 'happened', message: 'Select whether the session happened' }] }
}

export type ReflectionValues = { learned: string; surprised: string; idea: string }

export const REFLECTION_QUESTIONS: { field: keyof ReflectionValues; label: string }[] = [
  { field: 'learned', label: 'What I learned' },
  { field: 'surprised', label: 'What surprised me' },
  { field: 'idea', label: 'An idea for our project' },
]

export function readReflection(body: unknown): ReflectionValues {
  return { learned: text(body, 'learned'), surprised: text(body, 'surprised'), idea: text(body, 'idea') }
}

export function reflectionErrors(values: ReflectionValues): FieldError[] {
  const errors = REFLECTION_QUESTIONS.filter(q => values[q.field].length > REFLECTION_LIMIT).map(q => ({
    field: q.field,
    message: `${q.label} must be ${REFLECTION_LIMIT} characters or fewer`,
  }))
  if (!values.learned && !values.surprised && !values.idea) {
    errors.push({ field: 'learned', message: 'Write at least one of what you learned, what surprised you, or an idea for your project' })
  }
  return errors
}
