// A Plan–Do–Study–Act cycle of a QI project. Each stage is filled in as the
// cycle goes on; the stage a cycle has reached follows from what is filled in
// (server/projects/pdsa-stages.ts). A cycle can follow an earlier one (usually
// after "adapt"). Numbers count up within a project and are unique, so two
// partners starting cycles at once get PDSA 3 and PDSA 4, not two PDSA 3s.
import { Schema, model, type InferSchemaType } from 'mongoose'

export const PDSA_DECISIONS = ['adopt', 'adapt', 'abandon'] as const
export type PdsaDecision = (typeof PDSA_DECISIONS)[number]

const pdsaCycleSchema = new Schema(
  {
    projectId: { type: Schema.Types.ObjectId, ref: 'QiProject', required: true },
    number: { type: Number, required: true },
    previousId: { type: Schema.Types.ObjectId, ref: 'PdsaCycle', default: null },
    // Plan
    objective: { type: String, required: true, trim: true },
    changeIdea: { type: String, required: true, trim: true },
    who: { type: String, default: '', trim: true },
    where: { type: String, default: '', trim: true },
    // When the test is planned to start: a calendar date (midnight UTC).
    plannedFor: { type: Date, required: true },
    prediction: { type: String, required: true, trim: true },
    // Do
    doneOn: { type: Date, default: null },
    whatHappened: { type: String, default: '', trim: true },
    // Study: the results against the prediction, and the measures that show them
    // (chosen at the plan, confirmed at the study); those charts mark the cycle.
    results: { type: String, default: '', trim: true },
    measureIds: { type: [Schema.Types.ObjectId], ref: 'Measure', default: [] },
    // Act
    decision: { type: String, enum: [...PDSA_DECISIONS, null], default: null },
    nextSteps: { type: String, default: '', trim: true },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  },
  { timestamps: true },
)
pdsaCycleSchema.index({ projectId: 1, number: 1 }, { unique: true })

export type PdsaCycleFields = InferSchemaType<typeof pdsaCycleSchema>
export const PdsaCycle = model('PdsaCycle', pdsaCycleSchema)
