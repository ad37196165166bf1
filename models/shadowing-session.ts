// One shadowing session of a pair: one partner (the guest) spends time in the
// other's (the host's) work. Proposed by either partner, accepted or declined
// by the other, then confirmed, rescheduled, cancelled, and after it happened,
// marked by the host (reflections are in models/session-reflection.ts, one
// document per person, so that two partners writing at once lose nothing).
//
// Every change moves `revision` on by one, and only the caller that claims
// `shadowing:<id>:<revision>` (a unique insert, decision 003) may make it, so
// two people acting on the same session at once get one answer. `uid` and
// `sequence` are the calendar identity: the same UID for invite, update and
// cancellation, SEQUENCE one higher for each of the last two.
import { Schema, model, type HydratedDocument, type InferSchemaType } from 'mongoose'

export const SHADOWING_DIRECTIONS = ['doctor-shadows-manager', 'manager-shadows-doctor'] as const
export type ShadowingDirection = (typeof SHADOWING_DIRECTIONS)[number]

export const SESSION_STATUSES = ['proposed', 'confirmed', 'declined', 'cancelled', 'completed', 'did-not-happen'] as const
export type SessionStatus = (typeof SESSION_STATUSES)[number]

export const SESSION_ACTIONS = ['proposed', 'accepted', 'declined', 'rescheduled', 'cancelled', 'withdrawn', 'completed', 'did-not-happen'] as const

const historySchema = new Schema(
  {
    at: { type: Date, required: true },
    by: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    action: { type: String, enum: SESSION_ACTIONS, required: true },
    reason: { type: String, default: '' },
    start: { type: Date },
    end: { type: Date },
  },
  { _id: false },
)

const shadowingSessionSchema = new Schema(
  {
    cohortId: { type: Schema.Types.ObjectId, ref: 'Cohort', required: true },
    pairId: { type: Schema.Types.ObjectId, ref: 'Pair', required: true },
    doctorId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    managerId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    direction: { type: String, enum: SHADOWING_DIRECTIONS, required: true },
    // The person whose work is shadowed, and the one who shadows; fixed by direction.
    hostId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    guestId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    activity: { type: String, required: true, trim: true },
    // Set when the time is one of the host's recurring meetings.
    meetingName: { type: String, default: '' },
    location: { type: String, default: '', trim: true },
    start: { type: Date, required: true },
    end: { type: Date, required: true },
    status: { type: String, enum: SESSION_STATUSES, default: 'proposed' },
    proposedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    // Who must accept or decline: the partner who did not propose.
    respondentId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    // Availability problems the proposer ticked to confirm (time-check problem codes).
    flags: { type: [String], default: [] },
    // The link in the proposal email: only its hash, single use, expires at the start.
    respondTokenHash: { type: String, default: null },
    revision: { type: Number, default: 0 },
    uid: { type: String, required: true, unique: true },
    // The SEQUENCE of the last invite, update or cancellation sent (0 = the first invite).
    sequence: { type: Number, default: 0 },
    // Why it was declined or cancelled, as the person wrote it.
    reason: { type: String, default: '' },
    history: { type: [historySchema], default: [] },
  },
  { timestamps: true },
)
shadowingSessionSchema.index({ pairId: 1, start: 1 })
shadowingSessionSchema.index({ doctorId: 1, status: 1 })
shadowingSessionSchema.index({ managerId: 1, status: 1 })
shadowingSessionSchema.index({ status: 1, start: 1 })
shadowingSessionSchema.index({ respondTokenHash: 1 }, { sparse: true })

export type ShadowingSessionFields = InferSchemaType<typeof shadowingSessionSchema>
export type ShadowingSessionDocument = HydratedDocument<ShadowingSessionFields>
export const ShadowingSession = model('ShadowingSession', shadowingSessionSchema)
