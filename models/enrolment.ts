// A person taking part in a cohort, on one side: doctor or manager.
import { Schema, model, type InferSchemaType } from 'mongoose'

export const SIDES = ['doctor', 'manager'] as const
export type Side = (typeof SIDES)[number]

const enrolmentSchema = new Schema(
  {
    cohortId: { type: Schema.Types.ObjectId, ref: 'Cohort', required: true },
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    side: { type: String, enum: SIDES, required: true },
    // Set when a profile-incomplete reminder was last sent, so leads can see it.
    remindedAt: { type: Date, default: null },
  },
  { timestamps: true },
)
// One enrolment per person per cohort: re-imports and repeated invitations update, never duplicate.
enrolmentSchema.index({ cohortId: 1, userId: 1 }, { unique: true })
enrolmentSchema.index({ cohortId: 1, side: 1 })

export type EnrolmentFields = InferSchemaType<typeof enrolmentSchema>
export const Enrolment = model('Enrolment', enrolmentSchema)
