// A person's private calendar feed. The address carries the feed's _id and a
// random secret; only the secret's SHA-256 hash is kept (decision 009). One feed
// per person: making a new address replaces the hash, so the old address stops
// working at once.
import { Schema, model, type InferSchemaType } from 'mongoose'
import { announceWrites } from './write-listeners'

const calendarFeedSchema = new Schema({
  userId: { type: Schema.Types.ObjectId, ref: 'User', required: true, unique: true },
  tokenHash: { type: String, required: true, unique: true },
  // From the service's clock (not wall time), so tests can move time.
  createdAt: { type: Date, required: true },
})

// Polls keep a feed briefly (server/calendar/calendar-feeds.service.ts): they forget on any change.
export const onCalendarFeedsChanged = announceWrites(calendarFeedSchema)

export type CalendarFeedFields = InferSchemaType<typeof calendarFeedSchema>
export const CalendarFeed = model('CalendarFeed', calendarFeedSchema)
