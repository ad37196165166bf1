// London wall-clock arithmetic for booking sessions. Instants are UTC Dates;
// days, times of day and labels are Europe/London, so that 9:30am stays 9:30am
// on both sides of the March and October clock changes.
import { DateTime } from 'luxon'
import { PROGRAMME_ZONE } from '../format'

/** The London day (at its midnight) that contains this instant. */
export function londonDayOf(instant: Date | number): DateTime {
  return DateTime.fromMillis(+instant, { zone: PROGRAMME_ZONE }).startOf('day')
}

/** A calendar date as the date inputs store it (midnight UTC of that date) → "2027-03-28". */
export function storedDateKey(date: Date): string {
  return DateTime.fromJSDate(date, { zone: 'utc' }).toISODate() ?? ''
}

/** "08:30" → 510 minutes after midnight. */
export function minutesOfDay(hhmm: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(hhmm)
  if (!match) throw new RangeError(`Not a time of day: "${hhmm}"`)
  return Number(match[1]) * 60 + Number(match[2])
}

/** The instant at a London wall-clock time (minutes after midnight) on a London day. */
export function atLondonTime(day: DateTime, minutes: number): number {
  return day
    .set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 })
    .toMillis()
}

// NHS style: 9am, 9:30am, midday, midnight.
function clockTime(dt: DateTime): string {
  if (dt.minute === 0 && dt.hour === 12) return 'midday'
  if (dt.minute === 0 && dt.hour === 0) return 'midnight'
  return dt.toFormat(dt.minute === 0 ? 'ha' : 'h:mma').toLowerCase()
}

const dayName = (dt: DateTime) => dt.toFormat('cccc d LLLL yyyy')

/** e.g. "Monday 30 March 2026, 9:30am to 11:30am", in London time. */
export function londonLabel(start: Date, end: Date): string {
  const from = DateTime.fromJSDate(start, { zone: PROGRAMME_ZONE }).setLocale('en-GB')
  const to = DateTime.fromJSDate(end, { zone: PROGRAMME_ZONE }).setLocale('en-GB')
  const endsAtMidnightAfter =
    to.hour === 0 && to.minute === 0 && +to.minus({ days: 1 }).startOf('day') === +from.startOf('day')
  if (from.hasSame(to, 'day') || endsAtMidnightAfter)
    return `${dayName(from)}, ${clockTime(from)} to ${clockTime(to)}`
  return `${dayName(from)}, ${clockTime(from)} to ${dayName(to)}, ${clockTime(to)}`
}

/** Every London day from the one containing `from` to the one containing `to`, inclusive. */
export function londonDaysFrom(from: number, to: number): DateTime[] {
  const days: DateTime[] = []
  for (let day = londonDayOf(from), last = londonDayOf(to); day <= last; day = day.plus({ days: 1 }))
    days.push(day)
  return days
}
