// Parsers for the list-like profile fields that people type one item per line
// (and CSV files carry separated by semicolons): dates unavailable and the
// meetings a doctor could shadow. Each bad line gets its own message.
import { DateTime } from 'luxon'
import { describeMeetingTimes, readMeeting } from '../scheduling/meeting-times'

export type UnavailableRange = { from: Date; to: Date; reason: 'nights' | 'leave' | 'rota' | 'other' }
export type ShadowableMeeting = { title: string; when: string; location: string }
export type LineResult<T> = { items: T[]; problems: string[] }

const REASONS = ['nights', 'leave', 'rota', 'other'] as const

function parseDay(value: string): DateTime | undefined {
  const dt = DateTime.fromFormat(value.trim(), 'd/M/yyyy', { zone: 'utc' })
  return dt.isValid ? dt : undefined
}

/** "1/12/2026 - 14/12/2026 leave" → a range; reason optional (nights, leave, rota, other). */
export function parseUnavailable(lines: string[]): LineResult<UnavailableRange> {
  const items: UnavailableRange[] = []
  const problems: string[] = []
  lines.forEach((raw, index) => {
    const line = raw.trim()
    if (!line) return
    const match = /^(\S+)\s*(?:-|–|to)\s*(\S+)(?:\s+(\w+))?$/i.exec(line)
    const from = match ? parseDay(match[1]!) : undefined
    const to = match ? parseDay(match[2]!) : undefined
    const reason = (match?.[3]?.toLowerCase() ?? 'other') as UnavailableRange['reason']
    if (!match || !from || !to) {
      problems.push(`Dates unavailable, line ${index + 1}: write dates like 1/12/2026 - 14/12/2026 leave`)
    } else if (to < from) {
      problems.push(`Dates unavailable, line ${index + 1}: the end date must be on or after the start date`)
    } else if (!REASONS.includes(reason)) {
      problems.push(`Dates unavailable, line ${index + 1}: the reason must be nights, leave, rota or other`)
    } else {
      items.push({ from: from.toJSDate(), to: to.toJSDate(), reason })
    }
  })
  return { items, problems }
}

export function formatUnavailable(items: readonly { from: Date; to: Date; reason?: string | null }[]): string {
  const day = (d: Date) => DateTime.fromJSDate(d, { zone: 'utc' }).toFormat('d/M/yyyy')
  return items.map(i => `${day(i.from)} - ${day(i.to)}${i.reason && i.reason !== 'other' ? ` ${i.reason}` : ''}`).join('\n')
}

/**
 * "Bed meeting | 08:30 daily | Site office": title and when required, location optional.
 * `when` stays free words; only a time that cannot be ("25:00", "13pm") is a mistake.
 */
export function parseMeetings(lines: string[]): LineResult<ShadowableMeeting> {
  const items: ShadowableMeeting[] = []
  const problems: string[] = []
  lines.forEach((raw, index) => {
    if (!raw.trim()) return
    const [title = '', when = '', location = ''] = raw.split('|').map(part => part.trim())
    if (!title || !when) {
      problems.push(`Meetings, line ${index + 1}: write the meeting and when it happens, like Bed meeting | 08:30 daily | Site office`)
    } else if (title.length > 100 || when.length > 100 || location.length > 100) {
      problems.push(`Meetings, line ${index + 1}: each part must be 100 characters or fewer`)
    } else {
      const reading = readMeeting(when)
      if (reading.kind === 'mistake') problems.push(`Meetings, line ${index + 1}: ${reading.problem}`)
      else items.push({ title, when, location })
    }
  })
  if (items.length > 10) problems.push('List 10 meetings or fewer')
  return { items, problems }
}

export function formatMeetings(items: readonly { title: string; when: string; location?: string | null }[]): string {
  return items.map(m => [m.title, m.when, m.location].filter(Boolean).join(' | ')).join('\n')
}

const NOT_OFFERED = 'so not offered at a fixed time; your partner can still choose it and type a time'
const MISSING = { day: 'no day of the week', time: 'no time of day', 'one-time': 'more than one time (give each its own line)' }

/**
 * How Tandem read each meeting's day and time, told back to the person: "Bed meeting:
 * Monday to Friday at 8:30am for 1 hour — offered first when your partner books".
 */
export function howMeetingsRead(items: readonly { title: string; when: string }[]): string[] {
  return items.map(({ title, when }) => {
    const reading = readMeeting(when)
    switch (reading.kind) {
      case 'weekly':
        return `${title}: ${describeMeetingTimes(reading)} — offered first when your partner books`
      case 'not-weekly':
        return `${title}: ${when} — not weekly, ${NOT_OFFERED}`
      case 'unclear':
        return `${title}: ${when} — ${MISSING[reading.missing]}, ${NOT_OFFERED}`
      case 'mistake':
        return `${title}: ${reading.problem}`
    }
  })
}
