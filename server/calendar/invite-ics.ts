// One calendar invitation (or its update, or its cancellation) for one
// recipient, as iCalendar text. Times carry TZID=Europe/London with a matching
// VTIMEZONE, so that Outlook, Google and Apple place the event at the London
// wall-clock time on both sides of the clock changes. The same UID with a higher
// SEQUENCE updates an event; METHOD:CANCEL with STATUS:CANCELLED removes it.
import { getVtimezoneComponent } from '@touch4it/ical-timezones'
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator'
import { DateTime } from 'luxon'
import { PROGRAMME_ZONE } from '../format'

export type InviteMethod = 'REQUEST' | 'CANCEL'

export type Invite = {
  uid: string
  sequence: number
  method: InviteMethod
  start: Date
  end: Date
  summary: string
  description: string
  location?: string
  organizer: { name: string; email: string }
  attendee: { name: string; email: string }
  /** When this version was made (DTSTAMP). */
  stamp: Date
}

export function inviteIcs(invite: Invite): string {
  const calendar = ical({ prodId: { company: 'Tandem', product: 'Tandem', language: 'EN' }, method: ICalCalendarMethod[invite.method] })
  calendar.timezone({ name: PROGRAMME_ZONE, generator: getVtimezoneComponent })
  const zoned = (date: Date) => DateTime.fromJSDate(date).setZone(PROGRAMME_ZONE)
  calendar.createEvent({
    id: invite.uid,
    sequence: invite.sequence,
    start: zoned(invite.start),
    end: zoned(invite.end),
    timezone: PROGRAMME_ZONE,
    stamp: invite.stamp,
    summary: invite.summary,
    description: invite.description,
    location: invite.location ?? null,
    organizer: { name: invite.organizer.name, email: invite.organizer.email },
    attendees: [
      {
        name: invite.attendee.name,
        email: invite.attendee.email,
        rsvp: invite.method === 'REQUEST',
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
      },
    ],
    status: invite.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  })
  return calendar.toString()
}
