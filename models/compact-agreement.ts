// A partner's agreement to one version of their pair's compact. The compact is
// agreed when both partners have agreed the same (latest) version; a new
// version needs both again. One row per person per version (unique).
import { Schema, model } from 'mongoose'

const compactAgreementSchema = new Schema(
  {
    pairId: { type: Schema.Types.ObjectId, ref: 'Pair', required: true },
    version: { type: Number, required: true },
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  },
  { timestamps: true },
)
compactAgreementSchema.index({ pairId: 1, version: 1, userId: 1 }, { unique: true })

export const CompactAgreement = model('CompactAgreement', compactAgreementSchema)
