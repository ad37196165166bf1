// A measure of a QI project: what is counted, how, and which way is better.
// Its data points are their own collection (data-point.ts), so that two
// partners adding values at once never overwrite each other (decision 003).
// The chart settings the pair chose are kept here: where the limits were
// recalculated (rebased) and after how many points the baseline is frozen.
import { Schema, model, type InferSchemaType } from 'mongoose'

export const MEASURE_TYPES = ['outcome', 'process', 'balancing'] as const
export type MeasureType = (typeof MEASURE_TYPES)[number]

export const DIRECTIONS = ['up', 'down', 'neither'] as const

const measureSchema = new Schema(
  {
    projectId: { type: Schema.Types.ObjectId, ref: 'QiProject', required: true },
    name: { type: String, required: true, trim: true },
    type: { type: String, enum: MEASURE_TYPES, required: true },
    definition: { type: String, default: '', trim: true },
    unit: { type: String, default: '', trim: true },
    direction: { type: String, enum: DIRECTIONS, required: true },
    target: { type: Number, default: null },
    // Calendar dates (midnight UTC): limits and medians are recalculated from the first point on or after each.
    rebaseDates: { type: [{ type: Date }], default: [] },
    // Each period's centre line and limits come from its first n points only; null when not frozen.
    baselinePoints: { type: Number, default: null },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  },
  { timestamps: true },
)
measureSchema.index({ projectId: 1 })

export type MeasureFields = InferSchemaType<typeof measureSchema>
export const Measure = model('Measure', measureSchema)
