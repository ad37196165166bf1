// Private calendar feeds: each person can make a secret address that calendar
// apps subscribe to, listing their confirmed and completed shadowing sessions
// and their confirmed workshop places.
// The token in the address is shown once, when made; only its hash is stored
// (decision 009), so making a new address is the only way to see one again,
// and it stops the old one working.
import type { Types } from 'mongoose'
import { CalendarFeed } from '../../models/calendar-feed'
import { ShadowingSession } from '../../models/shadowing-session'
import { User } from '../../models/user'
import { hashToken, looksLikeToken, newToken } from '../accounts/tokens'
import type { Clock } from '../clock'
import { isDuplicateKeyError } from '../db/duplicate-key'
import { NotFoundError } from '../errors'
import { peopleById } from '../shadowing/session-access'
import { sessionFeedEvent } from '../shadowing/session-calendar-event'
import { workshopFeedEvents } from '../workshops/workshop-feed'
import type { FeedEvent } from './feed-ics'

/** Sessions that belong in a person's calendar. */
const LISTED = ['confirmed', 'completed'] as const

export type FeedAddress = { token: string; https: string; webcal: string }
export type FeedContent = { name: string; events: FeedEvent[]; stamp: Date }
export type CalendarFeedsService = ReturnType<typeof createCalendarFeedsService>

export function createCalendarFeedsService({ clock, baseUrl }: { clock: Clock; baseUrl: string }) {
  /** The two forms of a feed's address: https for pasting, webcal:// for a link that opens the calendar app. */
  function addressOf(token: string): FeedAddress {
    const https = `${baseUrl}/calendar/${token}.ics`
    return { token, https, webcal: https.replace(/^https?:\/\//, 'webcal://') }
  }

  /** A new address for the person's feed; any older address stops working. The token is returned this once. */
  async function regenerate(userId: Types.ObjectId | string): Promise<FeedAddress> {
    const { token, tokenHash } = newToken()
    const set = { $set: { tokenHash, createdAt: clock.now() } }
    try {
      await CalendarFeed.updateOne({ userId }, set, { upsert: true })
    } catch (error) {
      // Two first feeds for one person at the same instant: one insert wins, the other updates it.
      if (!isDuplicateKeyError(error)) throw error
      await CalendarFeed.updateOne({ userId }, set)
    }
    return addressOf(token)
  }

  return {
    create: regenerate,
    regenerate,

    /** Whether the person has a feed, and since when (the address itself cannot be shown again). */
    async status(
      userId: Types.ObjectId | string,
    ): Promise<{ exists: false } | { exists: true; since: Date }> {
      const feed = await CalendarFeed.findOne({ userId }, { createdAt: 1 }).lean()
      return feed ? { exists: true, since: feed.createdAt } : { exists: false }
    },

    /** The events of the feed behind a token; NotFoundError for a token that is malformed, unknown or replaced. */
    async eventsFor(token: unknown): Promise<FeedContent> {
      if (!looksLikeToken(token)) throw new NotFoundError()
      const feed = await CalendarFeed.findOne({ tokenHash: hashToken(token) }).lean()
      if (!feed) throw new NotFoundError()
      // A person who can no longer sign in has no feed either.
      if (!(await User.exists({ _id: feed.userId, status: 'active' }))) throw new NotFoundError()
      const sessions = await ShadowingSession.find({
        status: { $in: LISTED },
        $or: [{ doctorId: feed.userId }, { managerId: feed.userId }],
      })
        .sort({ start: 1, _id: 1 })
        .lean()
      const people = await peopleById(sessions.flatMap(s => [s.hostId, s.guestId]))
      const events = sessions.flatMap(session => {
        const host = people.get(String(session.hostId))
        const guest = people.get(String(session.guestId))
        if (!host || !guest) return []
        return [
          sessionFeedEvent(
            { ...session, id: String(session._id) },
            { host, guest },
            baseUrl,
            session.updatedAt,
          ),
        ]
      })
      const workshops = await workshopFeedEvents(feed.userId, baseUrl)
      // The newest change, not the time of the request: the same data gives the same bytes.
      const stamp = new Date(Math.max(+feed.createdAt, ...sessions.map(s => +s.updatedAt), workshops.lastChange))
      return { name: 'Tandem', events: [...events, ...workshops.events].sort((a, b) => +a.start - +b.start), stamp }
    },
  }
}
