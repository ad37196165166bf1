// A doctor and a manager who must never be paired in a cohort (e.g. line management).
import { Schema, model, type InferSchemaType } from 'mongoose'

const exclusionSchema = new Schema(
  {
    cohortId: { type: Schema.Types.ObjectId, ref: 'Cohort', required: true },
    doctorId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    managerId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    reason: { type: String, required: true, trim: true },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User' },
  },
  { timestamps: true },
)
exclusionSchema.index({ cohortId: 1, doctorId: 1, managerId: 1 }, { unique: true })

export type ExclusionFields = InferSchemaType<typeof exclusionSchema>
export const Exclusion = model('Exclusion', exclusionSchema)
