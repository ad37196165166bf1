// One run of matching for a cohort: the pairs it proposes with each score explained,
// the doctors it could not place and why, and what the lead has done with it since
// (locks, swaps, publication). Proposals are numbered per cohort so that each can
// be compared with the one before; only the newest can be changed or published.
import { Schema, model, type HydratedDocument, type InferSchemaType } from 'mongoose'

export const PROPOSAL_MODES = ['optimal', 'stable'] as const
export type ProposalMode = (typeof PROPOSAL_MODES)[number]
export const PROPOSAL_STATUSES = ['running', 'ready', 'failed', 'published'] as const
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number]

const contributionSchema = new Schema(
  { criterion: String, points: Number, outOf: Number, explanation: String },
  { _id: false },
)

const proposedPairSchema = new Schema(
  {
    doctorId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    managerId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    score: { type: Number, required: true },
    contributions: { type: [contributionSchema], default: [] },
    // Kept as it is when matching runs again (the lead locked it, or made it by a swap).
    locked: { type: Boolean, default: false },
    // A hard requirement this pair does not meet (possible only for a pair the lead chose).
    ineligibleReason: { type: String },
  },
  { _id: false },
)

const unmatchedSchema = new Schema(
  { doctorId: { type: Schema.Types.ObjectId, ref: 'User', required: true }, reason: String, explanation: String },
  { _id: false },
)

const blockingSchema = new Schema(
  { doctorId: Schema.Types.ObjectId, managerId: Schema.Types.ObjectId, explanation: String },
  { _id: false },
)

const refusedSchema = new Schema({ doctorId: String, managerId: String, reason: String }, { _id: false })

const proposalSchema = new Schema(
  {
    cohortId: { type: Schema.Types.ObjectId, ref: 'Cohort', required: true },
    number: { type: Number, required: true, min: 1 },
    mode: { type: String, enum: PROPOSAL_MODES, required: true },
    status: { type: String, enum: PROPOSAL_STATUSES, default: 'running' },
    // What the worker is doing now, for the progress indicator on large cohorts.
    progress: { stage: { type: String, default: 'Starting' }, percent: { type: Number, default: 0 } },
    startedAt: { type: Date, required: true },
    finishedAt: { type: Date },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User' },
    // The settings the run used, so that a later change of settings cannot misexplain it.
    weights: { type: Schema.Types.Mixed, default: {} },
    required: { type: [String], default: [] },
    doctorCount: { type: Number, default: 0 },
    managerCount: { type: Number, default: 0 },
    pairs: { type: [proposedPairSchema], default: [] },
    unmatched: { type: [unmatchedSchema], default: [] },
    blocking: { type: [blockingSchema], default: [] },
    matched: { type: Number, default: 0 },
    total: { type: Number, default: 0 },
    error: { type: String },
    edited: { type: Boolean, default: false },
    publishedAt: { type: Date },
    publishedBy: { type: Schema.Types.ObjectId, ref: 'User' },
    published: { type: Number },
    refused: { type: [refusedSchema], default: [] },
  },
  { timestamps: true },
)
proposalSchema.index({ cohortId: 1, number: 1 }, { unique: true })

export type ProposalFields = InferSchemaType<typeof proposalSchema>
export type ProposalDocument = HydratedDocument<ProposalFields>
export const Proposal = model('Proposal', proposalSchema)
