// A person's confirmed workshop places as events of their private calendar
// feed: their own UID and SEQUENCE, the same as their invitations, so an event
// already accepted from an email is the same event, not a copy. A cancelled
// workshop or a place given up leaves the feed.
import type { Types } from 'mongoose'
import { Workshop } from '../../models/workshop'
import { WorkshopRegistration } from '../../models/workshop-registration'
import { WorkshopSeries } from '../../models/workshop-series'
import type { FeedEvent } from '../calendar/feed-ics'
import { personalSequence } from './registration-changes'
import { workshopFeedEvent } from './workshop-calendar-event'
import { calendarWorkshopOf } from './workshop-mailer'

/** The events, and when the newest of them last changed (epoch ms, 0 for none). */
export async function workshopFeedEvents(userId: Types.ObjectId | string, baseUrl: string): Promise<{ events: FeedEvent[]; lastChange: number }> {
  const places = await WorkshopRegistration.find({ userId, status: 'confirmed' }, { workshopId: 1, uid: 1, sequence: 1, updatedAt: 1 }).lean()
  if (!places.length) return { events: [], lastChange: 0 }
  const workshops = await Workshop.find({ _id: { $in: places.map(p => p.workshopId) }, status: 'scheduled' }).sort({ start: 1, _id: 1 }).lean()
  const titles = new Map((await WorkshopSeries.find({ _id: { $in: workshops.map(w => w.seriesId) } }, { title: 1 }).lean()).map(s => [String(s._id), s.title]))
  let lastChange = 0
  const events = workshops.flatMap(workshop => {
    const place = places.find(p => String(p.workshopId) === String(workshop._id))
    if (!place) return []
    const changed = Math.max(+workshop.updatedAt, +place.updatedAt)
    lastChange = Math.max(lastChange, changed)
    return [workshopFeedEvent(calendarWorkshopOf(workshop, titles.get(String(workshop.seriesId)) ?? ''), { uid: place.uid, sequence: personalSequence(workshop, place) }, baseUrl, new Date(changed))]
  })
  return { events, lastChange }
}
