// Checks a time the person typed instead of choosing a proposal. Availability
// problems are shown and need a confirming tick; a time in the past or over an
// existing booking is refused.
import { daysTouched, freeSpansOn, isUnavailableOn, type SchedulingPerson } from './availability-windows'
import { meetingSessionOn, type SchedulingHost } from './meetings'
import { coveredBy, joinSpans, overlapsAny, toSpan, type BusyInterval, type Span } from './spans'

export type TimeProblem =
  | 'in-the-past'
  | 'clashes-with-booking'
  | 'too-soon'
  | 'host-unavailable-date'
  | 'guest-unavailable-date'
  | 'outside-host-availability'
  | 'outside-guest-availability'

/** Problems that no tick can override. */
export const REFUSED_PROBLEMS: readonly TimeProblem[] = ['in-the-past', 'clashes-with-booking']

export type TimeCheck = {
  /** No problems at all. */
  ok: boolean
  problems: TimeProblem[]
  /** Cannot be booked whatever the person ticks. */
  refused: boolean
  /** Can be booked once the person ticks to confirm. */
  needsConfirmation: boolean
}

export type TimeToCheck = {
  start: Date
  durationMinutes: number
  host: SchedulingHost
  guest: SchedulingPerson
  busy: readonly BusyInterval[]
  now: Date
  minLeadHours?: number
}

const MINUTE = 60_000

function unavailableDuring(person: SchedulingPerson, span: Span): boolean {
  return daysTouched(span).some(day => isUnavailableOn(person, day))
}

function freeDuring(person: SchedulingPerson, span: Span): boolean {
  return coveredBy(span, joinSpans(daysTouched(span).flatMap(day => freeSpansOn(person, day))))
}

// A session that starts when one of the host's own meetings starts is time the
// host is working anyway, as when Tandem proposes it.
function atHostMeeting(host: SchedulingHost, span: Span, durationMinutes: number): boolean {
  return daysTouched(span).some(day =>
    (host.meetings ?? []).some(
      meeting => meetingSessionOn(meeting, day, durationMinutes)?.start === span.start,
    ),
  )
}

export function checkTime(input: TimeToCheck): TimeCheck {
  const { host, guest, now, durationMinutes } = input
  const span = { start: +input.start, end: +input.start + durationMinutes * MINUTE }
  const leadMs = (input.minLeadHours ?? 48) * 60 * MINUTE
  const problems: TimeProblem[] = []
  if (span.start < +now) problems.push('in-the-past')
  else if (span.start < +now + leadMs) problems.push('too-soon')
  if (overlapsAny(span, input.busy.map(toSpan))) problems.push('clashes-with-booking')
  const hostAway = unavailableDuring(host, span)
  const guestAway = unavailableDuring(guest, span)
  if (hostAway) problems.push('host-unavailable-date')
  if (guestAway) problems.push('guest-unavailable-date')
  if (!hostAway && !freeDuring(host, span) && !atHostMeeting(host, span, durationMinutes))
    problems.push('outside-host-availability')
  if (!guestAway && !freeDuring(guest, span)) problems.push('outside-guest-availability')
  const refused = problems.some(p => REFUSED_PROBLEMS.includes(p))
  return { ok: problems.length === 0, problems, refused, needsConfirmation: !refused && problems.length > 0 }
}
