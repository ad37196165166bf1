// The progress log form: a date (today or before) and at least one of what we
// did, what we learned, next steps and blockers.
import type { FieldError } from '../errors'
import { dateToParts, parseDate, readDateParts, type DateParts } from '../http/date-input'
import { text } from '../http/forms'

export type LogValues = { date: DateParts; did: string; learned: string; next: string; blockers: string }
export type LogEntryInput = { date: Date; did: string; learned: string; next: string; blockers: string }

export const LOG_FIELDS = [
  ['did', 'What we did'],
  ['learned', 'What we learned'],
  ['next', 'Next steps'],
  ['blockers', 'Blockers'],
] as const

export const LOG_LIMIT = 2000

/** An empty entry dated today (London's date, as date inputs store it). */
export function emptyLog(today: Date): LogValues {
  return { date: dateToParts(today), did: '', learned: '', next: '', blockers: '' }
}

export function readLogForm(body: unknown): LogValues {
  return { date: readDateParts(body, 'date'), did: text(body, 'did'), learned: text(body, 'learned'), next: text(body, 'next'), blockers: text(body, 'blockers') }
}

export function validateLog(values: LogValues, today: Date): { ok: true; entry: LogEntryInput } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = []
  const date = parseDate(values.date, 'date')
  if (!date.ok) errors.push({ field: 'date-day', message: date.message })
  else if (+date.date > +today) errors.push({ field: 'date-day', message: 'The date must be today or in the past' })
  if (!LOG_FIELDS.some(([field]) => values[field])) errors.push({ field: 'did', message: 'Write what you did, what you learned, your next steps or what is in the way' })
  for (const [field, label] of LOG_FIELDS) {
    if (values[field].length > LOG_LIMIT) errors.push({ field, message: `${label} must be ${LOG_LIMIT} characters or fewer` })
  }
  if (errors.length || !date.ok) return { ok: false, errors }
  return { ok: true, entry: { date: date.date, did: values.did, learned: values.learned, next: values.next, blockers: values.blockers } }
}
