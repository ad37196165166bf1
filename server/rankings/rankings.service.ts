// Stable-mode rankings: each doctor and manager of a cohort may rank up to five of
// their top candidates on the other side; the lead's matching reads them back.
// Who may rank is decided here: only a person enrolled in the cohort, for themselves.
import { isValidObjectId, type Types } from 'mongoose'
import { Cohort, type CohortFields, type CohortStatus } from '../../models/cohort'
import { Enrolment, type Side } from '../../models/enrolment'
import { Ranking, RANKING_LENGTH } from '../../models/ranking'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../errors'
import { isDuplicateKeyError } from '../db/duplicate-key'
import { ordinal } from '../matching/explain'
import { describePeople, topCandidates } from './ranking-candidates'

const OPEN_STATUSES: readonly CohortStatus[] = ['recruiting', 'matching']

export const rankingsOpen = (cohort: Pick<CohortFields, 'status'>) => OPEN_STATUSES.includes(cohort.status as CohortStatus)

/** The form field of the nth choice (1-based), so errors link to the right select. */
export const choiceField = (n: number) => `choice-${n}`

const OBJECT_ID = /^[0-9a-f]{24}$/i

export type RankingsService = ReturnType<typeof createRankingsService>

export function createRankingsService() {
  async function cohortOf(cohortId: Types.ObjectId) {
    const cohort = await Cohort.findById(cohortId).lean()
    if (!cohort) throw new NotFoundError()
    return cohort
  }

  /** The person's side in the cohort; anyone not enrolled in it is refused. */
  async function sideOf(cohortId: Types.ObjectId, userId: string): Promise<Side> {
    const enrolment = isValidObjectId(userId) ? await Enrolment.findOne({ cohortId, userId }).lean() : null
    if (!enrolment) throw new ForbiddenError('Only doctors and managers taking part in this cohort can rank partners in it')
    return enrolment.side
  }

  /** The person's ranked ids, best first ([] if they have not ranked). */
  async function get(cohortId: Types.ObjectId, userId: string): Promise<string[]> {
    const ranking = await Ranking.findOne({ cohortId, userId }).lean()
    return (ranking?.ranked ?? []).map(String)
  }

  return {
    sideOf,

    /** The person's top candidates on the other side, best first. */
    async candidatesFor(cohortId: Types.ObjectId, userId: string) {
      const [cohort, side] = await Promise.all([cohortOf(cohortId), sideOf(cohortId, userId)])
      return topCandidates(cohort, userId, side)
    },

    get,

    /** The person and the people they ranked, with names and descriptions, for showing a ranking back. */
    async describe(cohortId: Types.ObjectId, userId: string) {
      const side = await sideOf(cohortId, userId)
      const ranked = await get(cohortId, userId)
      const [people, self] = await Promise.all([describePeople(ranked, side === 'doctor' ? 'manager' : 'doctor'), describePeople([userId], side)])
      const unknown = { name: 'Someone no longer in the programme', description: '' }
      return { side, person: self.get(userId) ?? unknown, ranked: ranked.map(id => ({ id, ...(people.get(id) ?? unknown) })) }
    },

    /**
     * Replaces the person's ranking. Throws ValidationError (fields choice-1…choice-5)
     * unless every id is one of their current candidates, once, and there are at most 5;
     * ConflictError when the cohort's rankings are closed.
     */
    async save(cohortId: Types.ObjectId, userId: string, rankedIds: readonly unknown[]): Promise<void> {
      const cohort = await cohortOf(cohortId)
      const side = await sideOf(cohortId, userId)
      if (!rankingsOpen(cohort)) throw new ConflictError(`Rankings for ${cohort.name} are closed, so your ranking was not changed`)
      const errors: FieldError[] = []
      if (rankedIds.length > RANKING_LENGTH) errors.push({ field: choiceField(1), message: `Choose at most ${RANKING_LENGTH} people` })
      // Only ids that look like ids reach a query; anything else is an error, never an operator.
      const candidates = await topCandidates(cohort, userId, side)
      const nameOf = new Map(candidates.map(c => [c.id, c.name]))
      rankedIds.slice(0, RANKING_LENGTH).forEach((id, i) => {
        const field = choiceField(i + 1)
        const earlier = rankedIds.indexOf(id)
        if (typeof id !== 'string' || !OBJECT_ID.test(id) || !nameOf.has(id)) errors.push({ field, message: `Choose your ${ordinal(i + 1)} choice from the list` })
        else if (earlier < i) errors.push({ field, message: `${nameOf.get(id)} is already your ${ordinal(earlier + 1)} choice: choose someone else as your ${ordinal(i + 1)} choice` })
      })
      if (errors.length) throw new ValidationError(errors)
      const update = { $set: { side, ranked: rankedIds as string[] } }
      try {
        await Ranking.updateOne({ cohortId, userId }, update, { upsert: true, runValidators: true })
      } catch (error) {
        // The same person saving twice at once: the other upsert made the row, so update it.
        if (!isDuplicateKeyError(error)) throw error
        await Ranking.updateOne({ cohortId, userId }, update, { runValidators: true })
      }
    },

    /** Every ranking in the cohort (userId → ranked ids), and how many on each side have ranked. */
    async forCohort(cohortId: Types.ObjectId) {
      const rankings = (await Ranking.find({ cohortId }).lean()).filter(r => r.ranked.length > 0)
      return {
        ranks: new Map(rankings.map(r => [String(r.userId), r.ranked.map(String)])),
        doctorsRanked: rankings.filter(r => r.side === 'doctor').length,
        managersRanked: rankings.filter(r => r.side === 'manager').length,
      }
    },

    /** Of the person's cohorts, those whose rankings are open, and whether they have ranked in each. */
    async openFor(userId: string, cohorts: readonly (Pick<CohortFields, 'name' | 'status'> & { _id: Types.ObjectId })[]) {
      const open = cohorts.filter(rankingsOpen)
      if (!open.length) return []
      const ranked = new Set(
        (await Ranking.find({ userId, cohortId: { $in: open.map(c => c._id) } }).lean()).filter(r => r.ranked.length > 0).map(r => String(r.cohortId)),
      )
      return open.map(c => ({ cohortId: String(c._id), cohortName: c.name, ranked: ranked.has(String(c._id)) }))
    },
  }
}
