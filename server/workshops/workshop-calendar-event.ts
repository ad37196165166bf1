// How a workshop reads in a calendar: the series, module and title in the
// title; where, who runs it and the link in the description. The invitations,
// the feed and the emails use these words, so an event looks the same
// wherever it came from. Each person has their own event for a workshop (their
// own UID), so that one person's cancellation removes it from their calendar alone.
import type { FeedEvent } from '../calendar/feed-ics'

export type CalendarWorkshop = {
  id: string
  seriesTitle: string
  title: string
  moduleNumber?: number | null
  description: string
  start: Date
  end: Date
  room: string
  site: string
  onlineLink: string
  facilitators: string[]
}

export const workshopLink = (baseUrl: string, workshopId: string) => `${baseUrl}/workshops/${workshopId}`

/** The person's own event for a workshop: stable across invite, updates, cancellation and re-registering. */
export const registrationUid = (workshopId: string, userId: string) => `workshop-${workshopId}-${userId}@tandem`

/** e.g. "Lean for Leaders, module 2: Flow" or, without a module number, "Lean for Leaders: Flow". */
export function workshopSummary(workshop: Pick<CalendarWorkshop, 'seriesTitle' | 'title' | 'moduleNumber'>): string {
  const series = workshop.seriesTitle.trim()
  const module = workshop.moduleNumber ? `, module ${workshop.moduleNumber}` : ''
  if (!series || series === workshop.title) return `${workshop.title}${module}`
  return `${series}${module}: ${workshop.title}`
}

/** "Room 2, Guy’s Hospital", "Online: https://…", or "". */
export function workshopLocation(workshop: Pick<CalendarWorkshop, 'room' | 'site' | 'onlineLink'>): string {
  if (workshop.onlineLink) return `Online: ${workshop.onlineLink}`
  return [workshop.room, workshop.site].filter(Boolean).join(', ')
}

export function workshopDescription(workshop: CalendarWorkshop, baseUrl: string, reason = ''): string {
  return [
    ...(workshop.description ? [workshop.description] : []),
    ...(workshopLocation(workshop) ? [`Where: ${workshopLocation(workshop)}`] : []),
    ...(workshop.facilitators.length ? [`Run by: ${workshop.facilitators.join(', ')}`] : []),
    ...(reason ? [`Reason for the change: ${reason}`] : []),
    `The workshop in Tandem: ${workshopLink(baseUrl, workshop.id)}`,
  ].join('\n')
}

/** A confirmed place as an event of a person's feed (no attendees: nobody is asked to reply). */
export function workshopFeedEvent(
  workshop: CalendarWorkshop,
  registration: { uid: string; sequence: number },
  baseUrl: string,
  stamp?: Date,
): FeedEvent {
  return {
    uid: registration.uid,
    sequence: registration.sequence,
    start: workshop.start,
    end: workshop.end,
    summary: workshopSummary(workshop),
    description: workshopDescription(workshop, baseUrl),
    location: workshopLocation(workshop),
    url: workshopLink(baseUrl, workshop.id),
    ...(stamp ? { stamp } : {}),
  }
}
