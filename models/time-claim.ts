// A person's claim on one quarter hour of their diary, held by a confirmed
// shadowing session. `_id` is "<userId>|<quarter-hour start, ISO>", so two
// sessions overlapping for the same person cannot both hold it: the second
// insert fails on the primary key, on MongoDB and FerretDB alike
// (docs/decisions/003-no-transactions.md, 008-no-double-booking.md).
import { Schema, model } from 'mongoose'

const timeClaimSchema = new Schema({
  _id: { type: String, required: true },
  sessionId: { type: Schema.Types.ObjectId, ref: 'ShadowingSession', required: true },
  at: { type: Date, required: true },
})
timeClaimSchema.index({ sessionId: 1 })

export const TimeClaim = model('TimeClaim', timeClaimSchema)
