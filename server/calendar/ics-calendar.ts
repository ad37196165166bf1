// What every iCalendar object Tandem writes has in common: programme time.
// Event times go to ical-generator as Luxon date-times already in
// Europe/London, written with TZID=Europe/London and the matching VTIMEZONE;
// a plain Date would be written in the server's own zone, which is only London
// by luck. The calendar itself gets no zone name, so that DTSTAMP stays UTC
// (…Z) as RFC 5545 requires, and no non-standard TIMEZONE-ID line appears.
import { getVtimezoneComponent } from '@touch4it/ical-timezones'
import ical, { ICalCalendarMethod, type ICalCalendar } from 'ical-generator'
import { DateTime } from 'luxon'
import { PROGRAMME_ZONE } from '../format'

export type CalendarMethod = 'REQUEST' | 'CANCEL' | 'PUBLISH'

export function programmeCalendar(method: CalendarMethod): ICalCalendar {
  const calendar = ical({
    prodId: { company: 'Tandem', product: 'Tandem', language: 'EN' },
    method: ICalCalendarMethod[method],
  })
  calendar.timezone({ name: null, generator: getVtimezoneComponent })
  return calendar
}

/** The calendar's text: every line, the last included, ends in CRLF (ical-generator leaves the last bare). */
export const icsText = (calendar: ICalCalendar) => `${calendar.toString()}\r\n`

/** The instant as a London wall-clock date-time. */
export const londonTime = (instant: Date) => DateTime.fromJSDate(instant, { zone: PROGRAMME_ZONE })

/**
 * DTSTART and DTEND for ical-generator: London times with TZID=Europe/London,
 * except for an event that starts or ends in the hour repeated when the clocks
 * go back (01:00–02:00 on the last Sunday of October). RFC 5545 reads such a
 * time as its first occurrence, ical.js and node-ical as its second, and the
 * second cannot be written with a TZID at all; that event is written in UTC,
 * which every calendar reads as the same instant.
 */
export function eventTimes(start: Date, end: Date) {
  const zoned = [londonTime(start), londonTime(end)] as const
  if (zoned.some(time => time.getPossibleOffsets().length > 1)) return { start, end, timezone: null }
  return { start: zoned[0], end: zoned[1], timezone: PROGRAMME_ZONE }
}

/** A person's name as a CN parameter: a double quote or a control character cannot appear in one. */
export const parameterText = (text: string) => text.replace(/["\p{Cc}]/gu, '').trim()
