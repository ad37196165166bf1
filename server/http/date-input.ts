// Reads an NHS.UK date input (three fields: day, month, year) into a calendar
// date. Calendar dates are stored as midnight UTC of that date, so that they
// never shift by a day across the clock changes.
import { DateTime } from 'luxon'

export type DateParts = { day: string; month: string; year: string }

export type ParsedDate = { ok: true; date: Date; parts: DateParts } | { ok: false; message: string; parts: DateParts }

export function readDateParts(body: unknown, prefix: string): DateParts {
  const source = (body ?? {}) as Record<string, unknown>
  const part = (name: string) => {
    const value = source[`${prefix}-${name}`]
    return typeof value === 'string' ? value.trim() : ''
  }
  return { day: part('day'), month: part('month'), year: part('year') }
}

/** `label` completes messages like "Enter the start date". */
export function parseDate(parts: DateParts, label: string): ParsedDate {
  if (!parts.day && !parts.month && !parts.year) return { ok: false, message: `Enter the ${label}`, parts }
  const missing = (['day', 'month', 'year'] as const).filter(k => !parts[k])
  if (missing.length) return { ok: false, message: `The ${label} must include a ${missing.join(' and ')}`, parts }
  if (![parts.day, parts.month, parts.year].every(v => /^\d+$/.test(v)) || parts.year.length !== 4) {
    return { ok: false, message: `The ${label} must be a real date, like 27 3 2027`, parts }
  }
  const dt = DateTime.fromObject({ day: Number(parts.day), month: Number(parts.month), year: Number(parts.year) }, { zone: 'utc' })
  if (!dt.isValid) return { ok: false, message: `The ${label} must be a real date, like 27 3 2027`, parts }
  return { ok: true, date: dt.toJSDate(), parts }
}

export function dateToParts(date: Date | null | undefined): DateParts {
  if (!date) return { day: '', month: '', year: '' }
  const dt = DateTime.fromJSDate(date, { zone: 'utc' })
  return { day: String(dt.day), month: String(dt.month), year: String(dt.year) }
}
