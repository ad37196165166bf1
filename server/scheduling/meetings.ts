// The host's recurring shadowable meetings, at their real London times: a
// Monday 09:30 board round is 09:30 London in winter and in summer alike.
import type { DateTime } from 'luxon'
import { weekdayOf, type SchedulingPerson, type Weekday } from './availability-windows'
import { atLondonTime, minutesOfDay } from './london-time'
import type { Span } from './spans'

export type RecurringMeeting = {
  name: string
  weekday: Weekday
  /** London wall-clock start, "09:30". */
  start: string
  durationMinutes: number
}

/** The person who is shadowed: their own recurring meetings are offered first. */
export type SchedulingHost = SchedulingPerson & { meetings?: readonly RecurringMeeting[] }

const MINUTE = 60_000

/**
 * The session a meeting on this day would be: from the meeting's start for the
 * session length asked for, or the whole meeting if that is longer, so that the
 * guest never has to leave halfway through.
 */
export function meetingSessionOn(
  meeting: RecurringMeeting,
  day: DateTime,
  sessionMinutes: number,
): Span | undefined {
  if (weekdayOf(day) !== meeting.weekday) return undefined
  const start = atLondonTime(day, minutesOfDay(meeting.start))
  return { start, end: start + Math.max(sessionMinutes, meeting.durationMinutes) * MINUTE }
}
