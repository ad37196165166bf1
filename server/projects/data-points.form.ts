// Reading data points: one at a time from the date input, value and note, or
// many at once pasted as two columns (from a spreadsheet, say). Dates are
// calendar dates stored as midnight UTC; none may be after today in London.
// A paste is all or nothing: every line must be good before any is saved, and
// each bad line is named with what is wrong with it.
import { DateTime } from 'luxon'
import type { FieldError } from '../errors'
import { dateToParts, parseDate, readDateParts, type DateParts } from '../http/date-input'
import { text } from '../http/forms'
import { formatDate } from '../format'
import { londonDayOf } from '../scheduling/london-time'
import { notANumberMessage, readNumber } from './measures.form'

export const NOTE_LIMIT = 500
export const PASTE_LINE_LIMIT = 500

/** Today in London, as a stored calendar date (midnight UTC). */
export function todayOf(now: Date): Date {
  return DateTime.fromISO(londonDayOf(now).toISODate()!, { zone: 'utc' }).toJSDate()
}

export type PointValues = { date: DateParts; value: string; note: string }
export type PointInput = { date: Date; value: number; note: string }

export function readPoint(body: unknown): PointValues {
  return { date: readDateParts(body, 'date'), value: text(body, 'value'), note: text(body, 'note') }
}

export function pointValuesOf(point: { date: Date; value: number; note?: string | null }): PointValues {
  return { date: dateToParts(point.date), value: String(point.value), note: point.note ?? '' }
}

export function checkPoint(values: PointValues, today: Date): { ok: true; input: PointInput } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = []
  const date = parseDate(values.date, 'date')
  if (!date.ok) errors.push({ field: 'date-day', message: date.message })
  else if (+date.date > +today) errors.push({ field: 'date-day', message: 'The date must be today or in the past' })
  const value = values.value ? readNumber(values.value) : undefined
  if (!values.value) errors.push({ field: 'value', message: 'Enter the value' })
  else if (value === undefined) errors.push({ field: 'value', message: notANumberMessage(values.value, 'The value') })
  if (values.note.length > NOTE_LIMIT) errors.push({ field: 'note', message: `The note must be ${NOTE_LIMIT} characters or fewer` })
  if (errors.length || !date.ok || value === undefined) return { ok: false, errors }
  return { ok: true, input: { date: date.date, value, note: values.note } }
}

export type PastedPoint = { line: number; date: Date; value: number }
export type LineError = { line: number; message: string }
export type PasteResult = { points: PastedPoint[]; errors: LineError[]; skippedHeader: boolean }

/** "2026-03-01" or "01/03/2026" (day first, as in the UK) → a stored date; undefined when it is neither. */
function readPastedDate(cell: string): { date: Date } | { problem: string } {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(cell)
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(cell)
  const parts = iso ? { year: iso[1], month: iso[2], day: iso[3] } : uk ? { day: uk[1], month: uk[2], year: uk[3] } : undefined
  if (!parts) return { problem: `“${cell}” is not a date: write dates like 01/03/2026 or 2026-03-01` }
  const dt = DateTime.fromObject({ year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) }, { zone: 'utc' })
  return dt.isValid ? { date: dt.toJSDate() } : { problem: `“${cell}” is not a real date` }
}

/**
 * Two columns a line, date then value, separated by a tab, a comma (or semicolon) or spaces.
 * Blank lines are ignored, and so is a first line that has neither a date nor a
 * number (a spreadsheet's column headings). Dates may not repeat within the
 * paste, nor be after `today`.
 */
export function parsePaste(pasted: string, today: Date): PasteResult {
  const result: PasteResult = { points: [], errors: [], skippedHeader: false }
  const lines = pasted.split(/\r\n|\r|\n/)
  const seen = new Map<number, number>()
  let first = true
  lines.forEach((raw, i) => {
    const line = i + 1
    const cells = raw.trim().split(/\s*[\t,;]\s*|\s+/).filter(Boolean)
    if (!cells.length) return
    const wasFirst = first
    first = false
    if (cells.length !== 2) {
      const heading = wasFirst && !cells.some(c => /\d/.test(c))
      if (heading) result.skippedHeader = true
      else result.errors.push({ line, message: `Line ${line}: enter a date and a value, and nothing else, like 01/03/2026 12` })
      return
    }
    const [dateCell, valueCell] = cells as [string, string]
    const date = readPastedDate(dateCell)
    const value = readNumber(valueCell)
    if (wasFirst && 'problem' in date && value === undefined && !/\d/.test(raw)) {
      result.skippedHeader = true
      return
    }
    const problems: string[] = []
    if ('problem' in date) problems.push(date.problem)
    else if (+date.date > +today) problems.push(`${formatDate(date.date)} is in the future`)
    else if (seen.has(+date.date)) problems.push(`${formatDate(date.date)} is also on line ${seen.get(+date.date)}`)
    if (value === undefined) problems.push(/%$/.test(valueCell) ? `“${valueCell}” is not a number: leave out the % sign` : `“${valueCell}” is not a number`)
    if (problems.length) {
      result.errors.push({ line, message: `Line ${line}: ${problems.join(', and ')}` })
      return
    }
    if ('date' in date && value !== undefined) {
      seen.set(+date.date, line)
      result.points.push({ line, date: date.date, value })
    }
  })
  return result
}
