// A pair the lead ended, kept with who ended it, when and why. It has the ended
// pair's own _id, so its shadowing sessions, reflections and project still point
// at it; it is not in `pairs`, so both people are free for the next matching.
import { Schema, model, type InferSchemaType } from 'mongoose'
import { contributionSchema } from './pair'

const endedPairSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    cohortId: { type: Schema.Types.ObjectId, ref: 'Cohort', required: true },
    doctorId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    managerId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    managerPlace: { type: Number },
    score: { type: Number, default: 0 },
    contributions: { type: [contributionSchema], default: [] },
    publishedAt: { type: Date, required: true },
    publishedBy: { type: Schema.Types.ObjectId, ref: 'User' },
    endedAt: { type: Date, required: true },
    endedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    reason: { type: String, default: '' },
  },
  { timestamps: true },
)
endedPairSchema.index({ cohortId: 1, endedAt: 1 })

export type EndedPairFields = InferSchemaType<typeof endedPairSchema>
export const EndedPair = model('EndedPair', endedPairSchema)
