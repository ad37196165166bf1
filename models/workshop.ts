// One session of a workshop series: a time, a place (a room on a site, or an
// online link) and a number of places. Who holds a place is in
// models/workshop-place.ts, one document per place (decision 011).
//
// `sequence` counts the changes to the whole session that people's calendars
// must hear about (a new time or place, a cancellation); each person's own
// SEQUENCE adds their registration's `sequence` to it, so one change to the
// session moves everyone's on without writing every registration.
// `revision` is claimed (workshop:<id>:<revision>) by each edit, so that two
// leads saving at once give one change and one set of emails.
import { Schema, model, type HydratedDocument, type InferSchemaType } from 'mongoose'

export const WORKSHOP_STATUSES = ['scheduled', 'cancelled'] as const
export type WorkshopStatus = (typeof WORKSHOP_STATUSES)[number]

export const MAX_CAPACITY = 500

const workshopSchema = new Schema(
  {
    seriesId: { type: Schema.Types.ObjectId, ref: 'WorkshopSeries', required: true },
    cohortId: { type: Schema.Types.ObjectId, ref: 'Cohort', required: true },
    title: { type: String, required: true, trim: true },
    moduleNumber: { type: Number, default: null, min: 1, max: 99 },
    description: { type: String, default: '', trim: true },
    start: { type: Date, required: true },
    end: { type: Date, required: true },
    // In person (room and site) or online (a link); one or the other.
    room: { type: String, default: '', trim: true },
    site: { type: String, default: '', trim: true },
    onlineLink: { type: String, default: '', trim: true },
    capacity: { type: Number, required: true, min: 1, max: MAX_CAPACITY },
    facilitators: { type: [String], default: [] },
    status: { type: String, enum: WORKSHOP_STATUSES, default: 'scheduled' },
    cancelReason: { type: String, default: '' },
    sequence: { type: Number, default: 0 },
    revision: { type: Number, default: 0 },
    // When the lead last changed it, by the services' clock (updatedAt is wall time).
    changedAt: { type: Date, default: null },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User' },
  },
  { timestamps: true },
)
workshopSchema.index({ seriesId: 1, start: 1 })
workshopSchema.index({ cohortId: 1, start: 1 })
workshopSchema.index({ status: 1, start: 1 })

export type WorkshopFields = InferSchemaType<typeof workshopSchema>
export type WorkshopDocument = HydratedDocument<WorkshopFields>
export const Workshop = model('Workshop', workshopSchema)
