// One version of a pair's compact: the behaviours both partners promise to
// uphold. Versions are numbered per pair and never change once written; an
// edit writes the next number. The unique (pairId, version) index means two
// partners saving at the same moment cannot both make version n+1: the second
// is told, and keeps what they typed (decision 003).
import { Schema, model, type InferSchemaType } from 'mongoose'

const compactVersionSchema = new Schema(
  {
    pairId: { type: Schema.Types.ObjectId, ref: 'Pair', required: true },
    version: { type: Number, required: true, min: 1 },
    commitments: { type: [String], default: [] },
    // Null for version 1, which comes from the cohort's template.
    editedBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
  },
  { timestamps: true },
)
compactVersionSchema.index({ pairId: 1, version: 1 }, { unique: true })

export type CompactVersionFields = InferSchemaType<typeof compactVersionSchema>
export const CompactVersion = model('CompactVersion', compactVersionSchema)
