// A session time typed as a date (day, month, year) and a 24-hour clock time,
// read as London wall-clock time. Minutes must be on a quarter hour, because
// the double-booking protection claims people's time in quarter hours.
import { DateTime } from 'luxon'
import type { FieldError } from '../errors'
import { parseDate, readDateParts, type DateParts } from '../http/date-input'
import { text } from '../http/forms'
import { PROGRAMME_ZONE } from '../format'

export type TimeFields = { date: DateParts; clock: string }

export const MINUTE = 60_000

/** The choices of length, in minutes, with their words on the form. */
export const DURATIONS: readonly { minutes: number; text: string }[] = [
  { minutes: 60, text: '1 hour' },
  { minutes: 90, text: '1½ hours' },
  { minutes: 120, text: '2 hours' },
  { minutes: 180, text: '3 hours' },
  { minutes: 240, text: 'Half a day (4 hours)' },
  { minutes: 480, text: 'A full day (8 hours)' },
]

/** "1 hour", "1½ hours", "2 hours 15 minutes" (a session at a long meeting can have any length). */
export function durationText(minutes: number): string {
  if (minutes === 90) return '1½ hours'
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  const parts = [hours ? `${hours} ${hours === 1 ? 'hour' : 'hours'}` : '', rest ? `${rest} minutes` : ''].filter(Boolean)
  return parts.join(' ')
}

export function readTimeFields(body: unknown): TimeFields {
  return { date: readDateParts(body, 'date'), clock: text(body, 'clock') }
}

/** The London date and clock time of an instant, as the fields show them. */
export function timeFieldsOf(instant: Date): TimeFields {
  const london = DateTime.fromJSDate(instant, { zone: PROGRAMME_ZONE })
  return { date: { day: String(london.day), month: String(london.month), year: String(london.year) }, clock: london.toFormat('HH:mm') }
}

/** The instant of a typed London date and time; errors name `date-day` and `clock`. */
export function parseLondonTime(fields: TimeFields): { ok: true; start: Date } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = []
  const date = parseDate(fields.date, 'date')
  if (!date.ok) errors.push({ field: 'date-day', message: date.message })
  const clock = /^(\d{1,2})[:.](\d{2})$/.exec(fields.clock)
  const hour = Number(clock?.[1])
  const minute = Number(clock?.[2])
  if (!fields.clock) errors.push({ field: 'clock', message: 'Enter the start time, like 09:30' })
  else if (!clock || hour > 23 || minute > 59) errors.push({ field: 'clock', message: 'Enter the start time as hours and minutes on the 24-hour clock, like 09:30 or 14:15' })
  else if (minute % 15 !== 0) errors.push({ field: 'clock', message: 'The start time must be on the hour or at 15, 30 or 45 minutes past, like 09:00, 09:15, 09:30 or 09:45' })
  if (!date.ok || errors.length) return { ok: false, errors }
  const utc = DateTime.fromJSDate(date.date, { zone: 'utc' })
  const london = DateTime.fromObject({ year: utc.year, month: utc.month, day: utc.day, hour, minute }, { zone: PROGRAMME_ZONE })
  // Luxon moves a time in the spring-forward gap (01:00–01:59 on the last Sunday of March) on an hour.
  if (london.hour !== hour || london.minute !== minute) {
    return { ok: false, errors: [{ field: 'clock', message: 'That time does not exist on that day because the clocks go forward. Choose another time.' }] }
  }
  return { ok: true, start: london.toJSDate() }
}
