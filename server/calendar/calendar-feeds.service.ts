// Private calendar feeds: each person can make a secret address that calendar
// apps subscribe to, listing their confirmed and completed shadowing sessions
// and their confirmed workshop places.
// The token in the address is shown once, when made; only its secret's hash is
// stored (decision 009), so making a new address is the only way to see one
// again, and it stops the old one working.
// A feed's calendar text is built at most once a minute and kept (decision 009):
// building it reads every session and workshop place, seconds for 2,000 people
// on the embedded engine. The address and the person are checked on every request.
import { createHash } from 'node:crypto'
import type { Types } from 'mongoose'
import { CalendarFeed, onCalendarFeedsChanged } from '../../models/calendar-feed'
import { ShadowingSession } from '../../models/shadowing-session'
import { hashToken, looksLikeToken, newToken } from '../accounts/tokens'
import type { Clock } from '../clock'
import { isDuplicateKeyError } from '../db/duplicate-key'
import { NotFoundError } from '../errors'
import { keptBriefly } from '../kept-briefly'
import { keptPerson } from '../kept-people'
import { createKeptReads } from '../kept-reads'
import { peopleById } from '../shadowing/session-access'
import { sessionFeedEvent } from '../shadowing/session-calendar-event'
import { workshopFeedEvents } from '../workshops/workshop-feed'
import { feedIcs, type FeedEvent } from './feed-ics'
import { feedToken, readFeedToken, secretMatches } from './feed-token'

/** Sessions that belong in a person's calendar. */
const LISTED = ['confirmed', 'completed'] as const

/** How long a feed's built text is kept: well within the five minutes calendar apps are told to keep it. */
const KEPT_FOR_MS = 60_000

export type FeedAddress = { token: string; https: string; webcal: string }
export type FeedContent = { name: string; events: FeedEvent[]; stamp: Date }
/** The feed as served: its iCalendar text and an ETag made from it. */
export type FeedFile = { ics: string; etag: string }
export type CalendarFeedsService = ReturnType<typeof createCalendarFeedsService>

type Feed = { _id: Types.ObjectId; userId: Types.ObjectId; tokenHash: string; createdAt: Date }

// Calendar apps poll every few minutes to hours. The feed (its hash) and whether its person
// may still sign in are kept briefly, like the signed-in person (decision 015): a new address
// or a person stopped in this process takes effect at once, made through another within KEEP_MS.
const keptFeeds = keptBriefly<Feed>({ max: 5_000, forgetOn: onCalendarFeedsChanged })

export function createCalendarFeedsService({ clock, baseUrl }: { clock: Clock; baseUrl: string }) {
  // Keyed by feed and version by the token's hash, so a new address never gets the old address's text.
  const kept = createKeptReads<FeedFile>({ maxEntries: 1_000, maxAgeMs: KEPT_FOR_MS, clock })

  /** The two forms of a feed's address: https for pasting, webcal:// for a link that opens the calendar app. */
  function addressOf(token: string): FeedAddress {
    const https = `${baseUrl}/calendar/${token}.ics`
    return { token, https, webcal: https.replace(/^https?:\/\//, 'webcal://') }
  }

  /** A new address for the person's feed; any older address stops working. The token is returned this once. */
  async function regenerate(userId: Types.ObjectId | string): Promise<FeedAddress> {
    const { token: secret, tokenHash } = newToken()
    const set = { $set: { tokenHash, createdAt: clock.now() } }
    // No projection: FerretDB v1 does not take one in findAndModify.
    const options = { returnDocument: 'after' } as const
    let feed
    try {
      feed = await CalendarFeed.findOneAndUpdate({ userId }, set, { ...options, upsert: true }).lean()
    } catch (error) {
      // Two first feeds for one person at the same instant: one insert wins, the other updates it.
      if (!isDuplicateKeyError(error)) throw error
      feed = await CalendarFeed.findOneAndUpdate({ userId }, set, options).lean()
    }
    return addressOf(feedToken(feed!._id, secret))
  }

  /** The feed whose address carries this token, if any. */
  async function feedByToken(token: unknown) {
    const parts = readFeedToken(token)
    if (parts) {
      const feed = await keptFeeds.get(String(parts.feedId), async () => (await CalendarFeed.findById(parts.feedId).lean()) ?? undefined)
      return feed && secretMatches(parts.secret, feed.tokenHash) ? feed : null
    }
    // Addresses made before 2026-11-23 carry the secret alone. They are found by its hash,
    // as they were then (a query that reads every feed on the embedded engine), so that
    // calendars subscribed to them keep working until the person makes a new address.
    return looksLikeToken(token) ? CalendarFeed.findOne({ tokenHash: hashToken(token) }).lean() : null
  }

  /** The feed behind a token; NotFoundError for a token that is malformed, unknown or replaced, or a person no longer active. */
  async function feedOf(token: unknown): Promise<Feed> {
    const feed = await feedByToken(token)
    if (!feed) throw new NotFoundError()
    // A person who can no longer sign in has no feed either.
    if ((await keptPerson(feed.userId))?.status !== 'active') throw new NotFoundError()
    return feed
  }

  /** The person's sessions and workshop places as events. */
  async function eventsOf(feed: Feed): Promise<FeedContent> {
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
  }

  async function fileOf(feed: Feed): Promise<FeedFile> {
    const ics = feedIcs(await eventsOf(feed))
    return { ics, etag: `"${createHash('sha256').update(ics).digest('base64url')}"` }
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

    /** The feed behind a token, as calendar apps get it: kept for up to a minute, the token and the person checked every time. */
    async fileFor(token: unknown): Promise<FeedFile> {
      const feed = await feedOf(token)
      return kept.get(String(feed._id), feed.tokenHash, () => fileOf(feed))
    },
  }
}
