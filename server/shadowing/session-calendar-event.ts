// How a shadowing session reads in a calendar: what and who in the title, the
// details and the link in the description. The invitations, the feed and the
// download all use these words, so an event looks the same wherever it came from.
import type { ShadowingDirection } from '../../models/shadowing-session'
import type { FeedEvent } from '../calendar/feed-ics'

export type CalendarSession = {
  id: string
  uid: string
  sequence: number
  start: Date
  end: Date
  activity: string
  location: string
  direction: ShadowingDirection
}

type Named = { name: string }

/** Who is who in each direction: the guest shadows the host. */
export function rolesOf(direction: ShadowingDirection): {
  host: 'doctor' | 'manager'
  guest: 'doctor' | 'manager'
} {
  return direction === 'doctor-shadows-manager'
    ? { host: 'manager', guest: 'doctor' }
    : { host: 'doctor', guest: 'manager' }
}

export const sessionLink = (baseUrl: string, sessionId: string) => `${baseUrl}/shadowing/${sessionId}`

/** e.g. "Shadowing: Bed meeting — Dara Okafor shadows Mina Shah" */
export function sessionSummary(
  session: Pick<CalendarSession, 'activity'>,
  people: { host: Named; guest: Named },
): string {
  return `Shadowing: ${session.activity} — ${people.guest.name} shadows ${people.host.name}`
}

/** Who, what, where, why it changed (when it did), and the link to the session. */
export function sessionDescription(
  session: Pick<CalendarSession, 'id' | 'activity' | 'location' | 'direction'>,
  people: { host: Named; guest: Named },
  baseUrl: string,
  reason = '',
): string {
  const roles = rolesOf(session.direction)
  return [
    `${people.guest.name} (${roles.guest}) shadows ${people.host.name} (${roles.host}): ${session.activity}.`,
    ...(session.location ? [`Where: ${session.location}`] : []),
    ...(reason ? [`Reason for the change: ${reason}`] : []),
    `The session in Tandem: ${sessionLink(baseUrl, session.id)}`,
  ].join('\n')
}

/** The session as an event of a feed or a download (no attendees: nobody is asked to reply). */
export function sessionFeedEvent(
  session: CalendarSession,
  people: { host: Named; guest: Named },
  baseUrl: string,
  stamp?: Date,
): FeedEvent {
  return {
    uid: session.uid,
    sequence: session.sequence,
    start: session.start,
    end: session.end,
    summary: sessionSummary(session, people),
    description: sessionDescription(session, people, baseUrl),
    location: session.location,
    url: sessionLink(baseUrl, session.id),
    ...(stamp ? { stamp } : {}),
  }
}
