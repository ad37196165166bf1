// A lead's choice for one nudge in one cohort: on or off, and its wording. No
// row means the default (on, Tandem's wording: server/nudges/nudge-kinds.ts).
import { Schema, model } from 'mongoose'
import { NUDGE_KINDS } from '../server/nudges/nudge-kinds'

const nudgeSettingSchema = new Schema(
  {
    cohortId: { type: Schema.Types.ObjectId, ref: 'Cohort', required: true },
    kind: { type: String, enum: NUDGE_KINDS, required: true },
    enabled: { type: Boolean, default: true },
    subject: { type: String, required: true, trim: true },
    body: { type: String, required: true, trim: true },
    updatedBy: { type: Schema.Types.ObjectId, ref: 'User' },
  },
  { timestamps: true },
)
nudgeSettingSchema.index({ cohortId: 1, kind: 1 }, { unique: true })

export const NudgeSetting = model('NudgeSetting', nudgeSettingSchema)
