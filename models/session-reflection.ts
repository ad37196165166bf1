// What one partner wrote after a shadowing session. One document per person per
// session (unique), rather than an array on the session, so that two partners
// saving at the same moment cannot overwrite each other (decision 003).
import { Schema, model, type InferSchemaType } from 'mongoose'

const sessionReflectionSchema = new Schema(
  {
    sessionId: { type: Schema.Types.ObjectId, ref: 'ShadowingSession', required: true },
    pairId: { type: Schema.Types.ObjectId, ref: 'Pair', required: true },
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    learned: { type: String, default: '', trim: true },
    surprised: { type: String, default: '', trim: true },
    idea: { type: String, default: '', trim: true },
  },
  { timestamps: true },
)
sessionReflectionSchema.index({ sessionId: 1, userId: 1 }, { unique: true })
sessionReflectionSchema.index({ pairId: 1 })

export type SessionReflectionFields = InferSchemaType<typeof sessionReflectionSchema>
export const SessionReflection = model('SessionReflection', sessionReflectionSchema)
