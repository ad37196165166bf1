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

// One formatter for every date shown: a project page shows dozens, and building a
// zoned DateTime for each was a twentieth of the page's time.
const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: PROGRAMME_ZONE })

/** e.g. "30 March 2026" */
export function formatDate(value: Date | string | null | undefined): string {
  const date = value ? new Date(value) : undefined
  return date && !Number.isNaN(+date) ? LONG_DATE.format(date) : ''
}
