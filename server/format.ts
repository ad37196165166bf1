// Dates and times as people in the programme read them: Europe/London, correct
// across the clock changes.
import { DateTime } from 'luxon'

export const PROGRAMME_ZONE = 'Europe/London'

/** e.g. "Monday 30 March 2026 at 9:30am" */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return ''
  const dt = DateTime.fromJSDate(new Date(value), { zone: PROGRAMME_ZONE })
  return `${dt.toFormat('cccc d LLLL yyyy')} at ${dt.toFormat('h:mma').toLowerCase()}`
}

/** e.g. "30 March 2026" */
export function formatDate(value: Date | string | null | undefined): string {
  if (!value) return ''
  return DateTime.fromJSDate(new Date(value), { zone: PROGRAMME_ZONE }).toFormat('d LLLL yyyy')
}
