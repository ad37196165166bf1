// A published pair: one doctor and one manager who work together for a cohort.
// A doctor is in at most one pair per cohort (unique index); a manager in as many
// as their capacity, which the matching that proposed the pairs has honoured.
import { Schema, model, type InferSchemaType } from 'mongoose'

/** Each criterion's points and reason, as the published proposal gave them (kept on ended pairs too). */
export const contributionSchema = new Schema({ criterion: String, points: Number, explanation: String }, { _id: false })

const pairSchema = new Schema(
  {
    cohortId: { type: Schema.Types.ObjectId, ref: 'Cohort', required: true },
    doctorId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    managerId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    // Which of the manager's places (1…capacity) this pair takes. Unique per manager, so
    // that two publications at once cannot give a manager more doctors than places.
    managerPlace: { type: Number, required: true, min: 1, max: 3 },
    score: { type: Number, default: 0 },
    contributions: { type: [contributionSchema], default: [] },
    publishedAt: { type: Date, required: true },
    publishedBy: { type: Schema.Types.ObjectId, ref: 'User' },
  },
  { timestamps: true },
)
pairSchema.index({ cohortId: 1, doctorId: 1 }, { unique: true })
pairSchema.index({ cohortId: 1, managerId: 1, managerPlace: 1 }, { unique: true })

export type PairFields = InferSchemaType<typeof pairSchema>
export const Pair = model('Pair', pairSchema)
