// A partner's monthly reflection on the compact: how well the pair kept each
// commitment (1–5), a comment for the pair only, and optionally a concern
// raised with the programme lead (only that text reaches the lead; the
// comment never does). One per person per pair per month (unique).
import { Schema, model, type InferSchemaType } from 'mongoose'

const ratingSchema = new Schema(
  {
    commitment: { type: String, required: true },
    rating: { type: Number, required: true, min: 1, max: 5 },
  },
  { _id: false },
)

const compactReflectionSchema = new Schema(
  {
    pairId: { type: Schema.Types.ObjectId, ref: 'Pair', required: true },
    cohortId: { type: Schema.Types.ObjectId, ref: 'Cohort', required: true },
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    // The London calendar month reflected on, "2026-11".
    month: { type: String, required: true, match: /^\d{4}-\d{2}$/ },
    version: { type: Number, required: true },
    ratings: { type: [ratingSchema], default: [] },
    comment: { type: String, default: '', trim: true },
    concern: { type: String, default: '', trim: true },
  },
  { timestamps: true },
)
compactReflectionSchema.index({ pairId: 1, userId: 1, month: 1 }, { unique: true })
compactReflectionSchema.index({ cohortId: 1, month: 1 })

export type CompactReflectionFields = InferSchemaType<typeof compactReflectionSchema>
export const CompactReflection = model('CompactReflection', compactReflectionSchema)
