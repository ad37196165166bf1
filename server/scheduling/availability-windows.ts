// When a person is free on a given London day, from the half-day slots on their
// profile ("mon-am", "thu-eve") and the dates they said they are unavailable.
import type { DateTime } from 'luxon'
import { DAY_PARTS, WEEKDAYS } from '../people/reference-data'
import { atLondonTime, londonDaysFrom, minutesOfDay, storedDateKey } from './london-time'
import { joinSpans, type Span } from './spans'

export type DayPart = (typeof DAY_PARTS)[number]
export type Weekday = (typeof WEEKDAYS)[number]

/**
 * The London hours each half-day covers. The profile only names the parts
 * (morning, afternoon, evening); these hours are Tandem's reading of them, and
 * they meet end to end so that a free morning and afternoon make one 08:00–18:00
 * block for a full-day session.
 */
export const DAY_PART_HOURS: Record<DayPart, { start: string; end: string }> = {
  am: { start: '08:00', end: '13:00' },
  pm: { start: '13:00', end: '18:00' },
  eve: { start: '18:00', end: '22:00' },
}

export type SchedulingPerson = {
  /** Half-day slots when usually free, as on the profile: "mon-am", "thu-eve". */
  availability: readonly string[]
  /** Inclusive calendar dates, each stored as midnight UTC of the date (as the profile form saves them). */
  unavailable: readonly { from: Date; to: Date }[]
}

export function weekdayOf(day: DateTime): Weekday {
  return WEEKDAYS[day.weekday - 1]!
}

export function isUnavailableOn(person: SchedulingPerson, day: DateTime): boolean {
  const key = day.toISODate() ?? ''
  return person.unavailable.some(range => storedDateKey(range.from) <= key && key <= storedDateKey(range.to))
}

/** London instants at which each day part starts on this day. */
export function dayPartStarts(day: DateTime): number[] {
  return DAY_PARTS.map(part => atLondonTime(day, minutesOfDay(DAY_PART_HOURS[part].start)))
}

/** The person's free blocks on this London day; none on a date they are unavailable. */
export function freeSpansOn(person: SchedulingPerson, day: DateTime): Span[] {
  if (isUnavailableOn(person, day)) return []
  const weekday = weekdayOf(day)
  const spans = DAY_PARTS.filter(part => person.availability.includes(`${weekday}-${part}`)).map(part => ({
    start: atLondonTime(day, minutesOfDay(DAY_PART_HOURS[part].start)),
    end: atLondonTime(day, minutesOfDay(DAY_PART_HOURS[part].end)),
  }))
  return joinSpans(spans)
}

/** The London days a span touches (a typed time may cross midnight). */
export function daysTouched(span: Span): DateTime[] {
  return londonDaysFrom(span.start, Math.max(span.start, span.end - 1))
}
