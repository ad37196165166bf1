// One calendar invitation (or its update, or its cancellation) for one
// recipient, as iCalendar text. Times carry TZID=Europe/London with a matching
// VTIMEZONE, so that Outlook, Google and Apple place the event at the London
// wall-clock time on both sides of the clock changes. The same UID with a higher
// SEQUENCE updates an event; METHOD:CANCEL with STATUS:CANCELLED (and the
// original times) removes it. An invitation carries a reminder a day before.
import { ICalAlarmType, ICalAttendeeRole, ICalAttendeeStatus, ICalEventStatus } from 'ical-generator'
import { eventTimes, icsText, parameterText, programmeCalendar } from './ics-calendar'

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
  /** The page of the event in Tandem. */
  url?: string
  organizer: { name: string; email: string }
  attendee: { name: string; email: string }
  /** When this version was made (DTSTAMP). */
  stamp: Date
}

const DAY_SECONDS = 24 * 60 * 60

export function inviteIcs(invite: Invite): string {
  const calendar = programmeCalendar(invite.method)
  const requesting = invite.method === 'REQUEST'
  calendar.createEvent({
    id: invite.uid,
    sequence: invite.sequence,
    ...eventTimes(invite.start, invite.end),
    stamp: invite.stamp,
    summary: invite.summary,
    description: invite.description,
    location: invite.location || null,
    url: invite.url ?? null,
    organizer: { name: parameterText(invite.organizer.name), email: invite.organizer.email },
    attendees: [
      {
        name: parameterText(invite.attendee.name),
        email: invite.attendee.email,
        rsvp: requesting,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
      },
    ],
    status: requesting ? ICalEventStatus.CONFIRMED : ICalEventStatus.CANCELLED,
    alarms: requesting
      ? [
          {
            type: ICalAlarmType.display,
            triggerBefore: DAY_SECONDS,
            description: `Tomorrow: ${invite.summary}`,
          },
        ]
      : [],
  })
  return icsText(calendar)
}
