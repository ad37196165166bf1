// Calendars to subscribe to or download, rather than invitations: a person's
// private feed of their confirmed sessions (and, later, workshops), and one
// session's .ics. METHOD:PUBLISH and no ATTENDEE lines, so that a calendar
// shows the events without asking anyone to reply; the same UIDs and SEQUENCEs
// as the invitations, so an event already accepted from an email is the same
// event, not a copy. Subscribing clients are asked to refresh every hour.
import { ICalEventStatus } from 'ical-generator'
import { sessionFeedEvent, type CalendarSession } from '../shadowing/session-calendar-event'
import { eventTimes, icsText, programmeCalendar } from './ics-calendar'

export type FeedEvent = {
  uid: string
  sequence: number
  start: Date
  end: Date
  summary: string
  description: string
  location: string
  url?: string
  /** CONFIRMED unless said otherwise. */
  status?: 'confirmed' | 'cancelled'
  /** When the event last changed (its DTSTAMP); the feed's stamp when not given. */
  stamp?: Date
}

const REFRESH_SECONDS = 60 * 60

/**
 * A feed to subscribe to. `stamp` is the DTSTAMP of events without their own: pass
 * when the data last changed, not the time of the request, so that the same data
 * gives the same bytes (and the same ETag).
 */
export function feedIcs(feed: { name: string; events: FeedEvent[]; stamp: Date }): string {
  const calendar = programmeCalendar('PUBLISH')
  // ical-generator writes the name as it is; a TEXT value escapes \ ; , and newlines.
  calendar.name(feed.name.replace(/[\\;,]/g, m => `\\${m}`).replace(/\r?\n/g, ' '))
  calendar.ttl(REFRESH_SECONDS)
  for (const event of feed.events) addEvent(calendar, event, feed.stamp)
  return icsText(calendar)
}

/** One session as an .ics file to download and open in a calendar. */
export function sessionDownloadIcs(ctx: {
  session: CalendarSession
  host: { name: string }
  guest: { name: string }
  baseUrl: string
  now: Date
}): string {
  const calendar = programmeCalendar('PUBLISH')
  addEvent(calendar, sessionFeedEvent(ctx.session, ctx, ctx.baseUrl), ctx.now)
  return icsText(calendar)
}

function addEvent(calendar: ReturnType<typeof programmeCalendar>, event: FeedEvent, stamp: Date) {
  calendar.createEvent({
    id: event.uid,
    sequence: event.sequence,
    ...eventTimes(event.start, event.end),
    stamp: event.stamp ?? stamp,
    summary: event.summary,
    description: event.description,
    location: event.location || null,
    url: event.url ?? null,
    status: event.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  })
}
