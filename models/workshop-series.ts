// A series of workshops for one cohort, e.g. the six modules of "Lean for
// Leaders". The sessions themselves are models/workshop.ts.
import { Schema, model, type HydratedDocument, type InferSchemaType } from 'mongoose'

const workshopSeriesSchema = new Schema(
  {
    cohortId: { type: Schema.Types.ObjectId, ref: 'Cohort', required: true },
    title: { type: String, required: true, trim: true },
    description: { type: String, default: '', trim: true },
    // Registering for a session offers to ask one's partner to register too.
    pairsTogether: { type: Boolean, default: false },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User' },
  },
  { timestamps: true },
)
workshopSeriesSchema.index({ cohortId: 1, createdAt: 1 })

export type WorkshopSeriesFields = InferSchemaType<typeof workshopSeriesSchema>
export type WorkshopSeriesDocument = HydratedDocument<WorkshopSeriesFields>
export const WorkshopSeries = model('WorkshopSeries', workshopSeriesSchema)
