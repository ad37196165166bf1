// A cohort: one round of the programme, e.g. "Surgery & Medicine, spring 2027".
import { Schema, model, type HydratedDocument, type InferSchemaType } from 'mongoose'

export const COHORT_STATUSES = ['draft', 'recruiting', 'matching', 'running', 'closed'] as const
export type CohortStatus = (typeof COHORT_STATUSES)[number]

const cohortSchema = new Schema(
  {
    name: { type: String, required: true, trim: true },
    startDate: { type: Date, required: true },
    endDate: { type: Date, required: true },
    sites: { type: [String], default: [] },
    // Shadowing sessions each pair should complete in each direction.
    targetDoctorShadowsManager: { type: Number, default: 2, min: 0, max: 20 },
    targetManagerShadowsDoctor: { type: Number, default: 2, min: 0, max: 20 },
    status: { type: String, enum: COHORT_STATUSES, default: 'draft' },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User' },
  },
  { timestamps: true },
)

export type CohortFields = InferSchemaType<typeof cohortSchema>
export type CohortDocument = HydratedDocument<CohortFields>
export const Cohort = model('Cohort', cohortSchema)
