// A pair the lead has fixed while reviewing proposals: every later run of matching
// keeps it. One lock per doctor per cohort (unique), so a doctor is never locked to
// two managers however the requests interleave.
import { Schema, model, type InferSchemaType } from 'mongoose'

const matchingLockSchema = new Schema(
  {
    cohortId: { type: Schema.Types.ObjectId, ref: 'Cohort', required: true },
    doctorId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    managerId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    lockedBy: { type: Schema.Types.ObjectId, ref: 'User' },
  },
  { timestamps: true },
)
matchingLockSchema.index({ cohortId: 1, doctorId: 1 }, { unique: true })

export type MatchingLockFields = InferSchemaType<typeof matchingLockSchema>
export const MatchingLock = model('MatchingLock', matchingLockSchema)
