// A person's ranking of partners for stable mode: up to five people of the other
// side of the cohort, best first. One ranking per person per cohort.
import { Schema, model, type InferSchemaType } from 'mongoose'
import { SIDES } from './enrolment'

export const RANKING_LENGTH = 5

const rankingSchema = new Schema(
  {
    cohortId: { type: Schema.Types.ObjectId, ref: 'Cohort', required: true },
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    side: { type: String, enum: SIDES, required: true },
    ranked: {
      type: [{ type: Schema.Types.ObjectId, ref: 'User' }],
      default: [],
      validate: { validator: (ids: unknown[]) => ids.length <= RANKING_LENGTH, message: `At most ${RANKING_LENGTH} choices` },
    },
  },
  { timestamps: true },
)
rankingSchema.index({ cohortId: 1, userId: 1 }, { unique: true })

export type RankingFields = InferSchemaType<typeof rankingSchema>
export const Ranking = model('Ranking', rankingSchema)
