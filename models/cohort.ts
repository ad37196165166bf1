// A cohort: one round of the programme, e.g. "Surgery & Medicine, spring 2027".
import { Schema, model, type HydratedDocument, type InferSchemaType } from 'mongoose'
import { announceWrites } from './write-listeners'

export const COHORT_STATUSES = ['draft', 'recruiting', 'matching', 'running', 'closed'] as const
export type CohortStatus = (typeof COHORT_STATUSES)[number]

// What a doctor–manager candidate is scored on; the lead weighs each 0–10 per cohort
// and may make any of them a hard requirement.
export const MATCHING_CRITERIA = ['specialty', 'interests', 'site', 'availability', 'preference'] as const
export type MatchingCriterion = (typeof MATCHING_CRITERIA)[number]
export const DEFAULT_MATCHING_WEIGHTS: Record<MatchingCriterion, number> = { specialty: 4, interests: 3, site: 2, availability: 3, preference: 2 }

// From the NHS–Virginia Mason partnership's compacts; each pair rewords them as it wishes.
export const DEFAULT_COMPACT = [
  'We will speak openly and assume good intent',
  'We give and receive constructive challenge',
  'We keep the patient at the centre',
  'We keep the dates we agree, or rearrange early',
  'What is said between us stays between us unless safety requires otherwise',
]

const weightsSchema = new Schema(
  Object.fromEntries(MATCHING_CRITERIA.map(c => [c, { type: Number, min: 0, max: 10, default: DEFAULT_MATCHING_WEIGHTS[c] }])) as Record<MatchingCriterion, { type: NumberConstructor; min: number; max: number; default: number }>,
  { _id: false },
)

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
    matchingWeights: { type: weightsSchema, default: () => ({}) },
    // Criteria a pair must meet at all (e.g. "site": same site only).
    matchingRequired: { type: [{ type: String, enum: MATCHING_CRITERIA }], default: [] },
    // The behaviours each new pair's compact starts from; the lead edits them.
    compactTemplate: { type: [String], default: () => [...DEFAULT_COMPACT] },
    // The day of the month (1–28) on which partners are asked to reflect on their compact.
    reflectionDay: { type: Number, default: 1, min: 1, max: 28 },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User' },
  },
  { timestamps: true },
)

// The programme views keep a cohort briefly (server/cohorts/cohorts.service.ts): they forget on any change.
export const onCohortsChanged = announceWrites(cohortSchema)

export type CohortFields = InferSchemaType<typeof cohortSchema>
export type CohortDocument = HydratedDocument<CohortFields>
export const Cohort = model('Cohort', cohortSchema)
