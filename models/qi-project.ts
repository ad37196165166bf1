// A pair's joint quality-improvement project: the charter (problem, SMART aim,
// the organisational priority it serves — the golden thread), the wider team,
// its status and its progress score on the IHI 0.5–5.0 scale. One per pair.
// Measures, data, PDSA cycles and the progress log are their own collections,
// so two partners adding at the same moment never overwrite each other
// (decision 003).
import { Schema, model, type HydratedDocument, type InferSchemaType } from 'mongoose'

export const PROJECT_STATUSES = ['planning', 'testing-changes', 'sustaining', 'completed', 'on-hold'] as const
export type ProjectStatus = (typeof PROJECT_STATUSES)[number]

/** The IHI progress scale, in half steps. */
export const PROGRESS_SCORES = [0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5] as const

const teamMemberSchema = new Schema(
  {
    // Colleagues beyond the pair need no account: a name and a role are enough.
    name: { type: String, required: true, trim: true },
    role: { type: String, default: '', trim: true },
  },
  { _id: false },
)

const aimSchema = new Schema(
  {
    // "What will improve, from what baseline, to what target, by when."
    what: { type: String, default: '', trim: true },
    baseline: { type: String, default: '', trim: true },
    target: { type: String, default: '', trim: true },
    by: { type: Date, default: null },
  },
  { _id: false },
)

const progressChangeSchema = new Schema(
  {
    score: { type: Number, required: true },
    // What Tandem suggested from the evidence at the time, and the pair's reason when they chose otherwise.
    suggested: { type: Number, default: null },
    reason: { type: String, default: '' },
    by: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    at: { type: Date, required: true },
  },
  { _id: false },
)

const qiProjectSchema = new Schema(
  {
    cohortId: { type: Schema.Types.ObjectId, ref: 'Cohort', required: true },
    pairId: { type: Schema.Types.ObjectId, ref: 'Pair', required: true, unique: true },
    doctorId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    managerId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    title: { type: String, required: true, trim: true },
    problem: { type: String, default: '', trim: true },
    aim: { type: aimSchema, default: () => ({}) },
    priorityId: { type: Schema.Types.ObjectId, ref: 'Priority', required: true },
    team: { type: [teamMemberSchema], default: [] },
    status: { type: String, enum: PROJECT_STATUSES, default: 'planning' },
    // Everyone in the cohort may read the charter and charts once the pair shares it.
    shared: { type: Boolean, default: false },
    progressScore: { type: Number, default: 0.5 },
    progressHistory: { type: [progressChangeSchema], default: [] },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    // When anything in the project last changed (charter, data, cycles, log), for "last update".
    lastActivityAt: { type: Date, required: true },
    // Moved by every change to the project's measures, data, cycles or log (touchProject), after
    // the change is written: in-process copies of them are kept for one revision (server/projects/project-data.ts).
    revision: { type: Number, default: 0 },
  },
  { timestamps: true },
)
qiProjectSchema.index({ cohortId: 1, priorityId: 1 })

export type QiProjectFields = InferSchemaType<typeof qiProjectSchema>
export type QiProjectDocument = HydratedDocument<QiProjectFields>
export const QiProject = model('QiProject', qiProjectSchema)
