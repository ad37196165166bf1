// Proposes times for a shadowing session (issue 5): where both people are free
// in the next few weeks, none of it on a date either is unavailable or over an
// existing booking, at least two days ahead. The host's recurring meetings come
// first at their real London times; then free time, in time order. Pure: the
// caller passes `now` and the bookings.
import { DateTime } from 'luxon'
import { PROGRAMME_ZONE } from '../format'
import { dayPartStarts, freeSpansOn, isUnavailableOn, type SchedulingPerson } from './availability-windows'
import { londonDaysFrom, londonLabel } from './london-time'
import { meetingSessionOn, type SchedulingHost } from './meetings'
import {
  coveredBy,
  intersectSpans,
  joinSpans,
  overlapsAny,
  subtractSpans,
  toSpan,
  type BusyInterval,
  type Span,
} from './spans'

export type SlotSearch = {
  now: Date
  durationMinutes: number
  host: SchedulingHost
  guest: SchedulingPerson
  /** Existing proposed or confirmed bookings of either person. */
  busy: readonly BusyInterval[]
  horizonWeeks?: number
  minLeadHours?: number
  limit?: number
}

export type Slot = {
  start: Date
  end: Date
  kind: 'meeting' | 'free-time'
  meetingName?: string
  /** London time, e.g. "Monday 30 March 2026, 9:30am to 11:30am". */
  label: string
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const HALF_HOUR = 30 * MINUTE

/** The earliest start a proposal may have, and the instant proposals stop. */
export function bookingWindow(now: Date, minLeadHours = 48, horizonWeeks = 8): Span {
  const london = DateTime.fromJSDate(now, { zone: PROGRAMME_ZONE })
  return { start: +now + minLeadHours * HOUR, end: london.plus({ weeks: horizonWeeks }).toMillis() }
}

function slot(span: Span, kind: Slot['kind'], meetingName?: string): Slot {
  const start = new Date(span.start)
  const end = new Date(span.end)
  return { start, end, kind, ...(meetingName ? { meetingName } : {}), label: londonLabel(start, end) }
}

export function findSlots(search: SlotSearch): Slot[] {
  const { now, durationMinutes, host, guest } = search
  if (!(durationMinutes > 0)) throw new RangeError('A session must last more than 0 minutes')
  const length = durationMinutes * MINUTE
  const window = bookingWindow(now, search.minLeadHours, search.horizonWeeks)
  const busy = joinSpans(search.busy.map(toSpan))
  const days = londonDaysFrom(window.start, window.end)
  const startsInWindow = (s: Span) => s.start >= window.start && s.start < window.end

  const meetings: Span[] = []
  const meetingSlots: Slot[] = []
  for (const day of days) {
    if (isUnavailableOn(host, day)) continue
    const guestFree = freeSpansOn(guest, day)
    for (const meeting of host.meetings ?? []) {
      const span = meetingSessionOn(meeting, day, durationMinutes)
      if (!span || !startsInWindow(span) || !coveredBy(span, guestFree) || overlapsAny(span, busy)) continue
      meetings.push(span)
      meetingSlots.push(slot(span, 'meeting', meeting.name))
    }
  }
  meetingSlots.sort((a, b) => +a.start - +b.start)

  const freeSlots: Slot[] = []
  for (const day of days) {
    const free = subtractSpans(intersectSpans(freeSpansOn(host, day), freeSpansOn(guest, day)), [
      { start: -Infinity, end: window.start },
      ...busy,
    ])
    for (const block of free) {
      // The first half hour of the block, then the start of each later day part in
      // it: a few sensible times a day rather than every possible offset.
      const firstStart = Math.ceil(block.start / HALF_HOUR) * HALF_HOUR
      const starts = [firstStart, ...dayPartStarts(day).filter(t => t > firstStart && t < block.end)]
      for (const start of starts) {
        const span = { start, end: start + length }
        if (span.end > block.end || !startsInWindow(span)) continue
        if (meetings.some(m => m.start === span.start && m.end === span.end)) continue
        freeSlots.push(slot(span, 'free-time'))
      }
    }
  }

  const all = [...meetingSlots, ...freeSlots]
  return search.limit === undefined ? all : all.slice(0, search.limit)
}
