// One person's registration for one workshop: at most one per person per
// workshop (unique index), so registering twice is the same registration.
//
// `arrival` is an ObjectId made when the request arrived; the waitlist is in
// its order, first come, first served. A registration is written once a place
// has been tried for, already in its status:
// - confirmed: holds a place (models/workshop-place.ts);
// - waitlisted: waits, in arrival order;
// - offered: a place came up less than a day before the start; it is held for
//   the person until `offerExpiresAt`, then passed on;
// - cancelled: by the person, an offer declined or expired.
// Every change claims `workshop-reg:<id>:<revision>` first (decision 003).
// `uid` and `sequence` are the person's own calendar event for the workshop:
// their SEQUENCE is the workshop's `sequence` plus this one.
import { Schema, model, type HydratedDocument, type InferSchemaType } from 'mongoose'

export const REGISTRATION_STATUSES = ['confirmed', 'waitlisted', 'offered', 'cancelled'] as const
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number]

export const ATTENDANCE = ['attended', 'absent', 'apologies'] as const
export type Attendance = (typeof ATTENDANCE)[number]

export const CANCEL_REASONS = ['', 'by-person', 'offer-declined', 'offer-expired'] as const

const workshopRegistrationSchema = new Schema(
  {
    workshopId: { type: Schema.Types.ObjectId, ref: 'Workshop', required: true },
    cohortId: { type: Schema.Types.ObjectId, ref: 'Cohort', required: true },
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    arrival: { type: Schema.Types.ObjectId, required: true },
    status: { type: String, enum: REGISTRATION_STATUSES, required: true },
    // The place held while confirmed or offered.
    placeNumber: { type: Number, default: null },
    offerExpiresAt: { type: Date, default: null },
    // The link in the offer email: only its hash.
    offerTokenHash: { type: String, default: null },
    confirmedAt: { type: Date, default: null },
    // The person's SEQUENCE when the place was confirmed: their invitation's.
    confirmedSequence: { type: Number, default: null },
    uid: { type: String, required: true },
    sequence: { type: Number, default: 0 },
    revision: { type: Number, default: 0 },
    cancelReason: { type: String, enum: CANCEL_REASONS, default: '' },
    // The person asked their partner to register too (a series for pairs).
    askedPartner: { type: Boolean, default: false },
    attendance: { type: String, enum: ATTENDANCE, default: null },
  },
  { timestamps: true },
)
workshopRegistrationSchema.index({ workshopId: 1, userId: 1 }, { unique: true })
workshopRegistrationSchema.index({ workshopId: 1, status: 1, arrival: 1 })
workshopRegistrationSchema.index({ userId: 1, status: 1 })
workshopRegistrationSchema.index({ status: 1, offerExpiresAt: 1 })
workshopRegistrationSchema.index({ offerTokenHash: 1 }, { sparse: true })

export type WorkshopRegistrationFields = InferSchemaType<typeof workshopRegistrationSchema>
export type WorkshopRegistrationDocument = HydratedDocument<WorkshopRegistrationFields>
export const WorkshopRegistration = model('WorkshopRegistration', workshopRegistrationSchema)
