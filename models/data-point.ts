// One value of a measure on one date. A measure has at most one value a date
// (unique index): a chart's x axis is a series of dates, and a second value for
// the same date is nearly always a mistake, so it is refused and the person is
// sent to change the one already there.
import { Schema, model, type InferSchemaType } from 'mongoose'

const dataPointSchema = new Schema(
  {
    measureId: { type: Schema.Types.ObjectId, ref: 'Measure', required: true },
    projectId: { type: Schema.Types.ObjectId, ref: 'QiProject', required: true },
    // A calendar date, stored as midnight UTC (server/http/date-input.ts).
    date: { type: Date, required: true },
    value: { type: Number, required: true },
    note: { type: String, default: '', trim: true },
    // The paste a point came in, so that a paste that fails half-way can be taken back.
    batchId: { type: String, default: null },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  },
  { timestamps: true },
)
dataPointSchema.index({ measureId: 1, date: 1 }, { unique: true })
dataPointSchema.index({ projectId: 1 })

export type DataPointFields = InferSchemaType<typeof dataPointSchema>
export const DataPoint = model('DataPoint', dataPointSchema)
