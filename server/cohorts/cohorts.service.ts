// Cohorts: create, edit, list, and the counts on a cohort's overview page.
import { isValidObjectId, type Types } from 'mongoose'
import { Cohort, onCohortsChanged, type CohortDocument, type CohortFields, type MatchingCriterion } from '../../models/cohort'
import { Enrolment } from '../../models/enrolment'
import { Profile } from '../../models/profile'
import { User } from '../../models/user'
import { NotFoundError } from '../errors'
import { keptBriefly } from '../kept-briefly'
import { isProfileComplete } from '../people/profile-completeness'
import type { CohortInput } from './cohort.form'

export type CohortOverview = {
  doctors: number
  managers: number
  profilesComplete: number
  pendingInvitations: number
}

export type CohortsService = ReturnType<typeof createCohortsService>

export type KeptCohort = Readonly<CohortFields & { _id: Types.ObjectId; updatedAt: Date }>

// The dashboard and boards show counts made at most once a minute, and ask only for
// the cohort's name and targets on every visit: that read is kept for KEEP_MS, and
// forgotten at once when this process changes a cohort (decision 015).
const keptCohorts = keptBriefly<KeptCohort>({ max: 1_000, forgetOn: onCohortsChanged })

export function createCohortsService() {
  return {
    list: () => Cohort.find().sort({ startDate: -1, name: 1 }).lean(),

    async get(id: unknown): Promise<CohortDocument> {
      if (typeof id !== 'string' || !isValidObjectId(id)) throw new NotFoundError()
      const cohort = await Cohort.findById(id)
      if (!cohort) throw new NotFoundError()
      return cohort
    },

    /** The cohort for reading only, as the programme views show it; NotFoundError as `get`. */
    async kept(id: unknown): Promise<KeptCohort> {
      if (typeof id !== 'string' || !isValidObjectId(id)) throw new NotFoundError()
      const cohort = await keptCohorts.get(id, async () => {
        const found = await Cohort.findById(id).lean<KeptCohort>()
        return found ? Object.freeze(found) : undefined
      })
      if (!cohort) throw new NotFoundError()
      return cohort
    },

    create: (input: CohortInput, createdBy: string) => Cohort.create({ ...input, createdBy }),

    async update(id: Types.ObjectId, input: CohortInput): Promise<void> {
      await Cohort.updateOne({ _id: id }, { $set: input })
    },

    async saveMatchingSettings(id: Types.ObjectId, weights: Record<MatchingCriterion, number>, required: MatchingCriterion[]): Promise<void> {
      await Cohort.updateOne({ _id: id }, { $set: { matchingWeights: weights, matchingRequired: required } })
    },

    /** The cohorts a person takes part in (for doctors and managers). */
    async forPerson(userId: string) {
      const enrolments = await Enrolment.find({ userId }).lean()
      const cohorts = await Cohort.find({ _id: { $in: enrolments.map(e => e.cohortId) } }).lean()
      return cohorts.map(c => ({ cohort: c, side: enrolments.find(e => String(e.cohortId) === String(c._id))!.side }))
    },

    async overview(cohortId: Types.ObjectId): Promise<CohortOverview> {
      const enrolments = await Enrolment.find({ cohortId }).lean()
      const userIds = enrolments.map(e => e.userId)
      const [users, profiles] = await Promise.all([
        User.find({ _id: { $in: userIds } }, { status: 1 }).lean(),
        Profile.find({ userId: { $in: userIds } }).lean(),
      ])
      const profileOf = new Map(profiles.map(p => [String(p.userId), p]))
      const sideOf = new Map(enrolments.map(e => [String(e.userId), e.side]))
      return {
        doctors: enrolments.filter(e => e.side === 'doctor').length,
        managers: enrolments.filter(e => e.side === 'manager').length,
        profilesComplete: [...sideOf].filter(([id, side]) => isProfileComplete(profileOf.get(id), side)).length,
        pendingInvitations: users.filter(u => u.status === 'invited').length,
      }
    },
  }
}
