// Fixtures for matching tests: cohort members with the profile fields that scoring reads.
import type { Types } from 'mongoose'
import { Cohort } from '../../models/cohort'
import type { Side } from '../../models/enrolment'
import { Profile, type ProfileFields } from '../../models/profile'
import { insertCohort, insertMember } from './cohorts'

/** A member whose profile has the given fields (site and specialty are what most tests vary). */
export async function insertProfiled(cohortId: Types.ObjectId, side: Side, name: string, fields: Partial<ProfileFields>) {
  const user = await insertMember(cohortId, side, { name })
  await Profile.updateOne({ userId: user._id }, { $set: fields })
  return user
}

/**
 * Scores are easy to check by hand with preference weighed 0: the 100 points are
 * specialty 33 (17 for the same group), interests 25, site 17, availability 25.
 */
export async function useSimpleWeights(cohortId: Types.ObjectId) {
  await Cohort.updateOne({ _id: cohortId }, { $set: { matchingWeights: { specialty: 4, interests: 3, site: 2, availability: 3, preference: 0 } } })
  return (await Cohort.findById(cohortId))!
}

/**
 * Two doctors and two managers of one specialty on two sites, with useSimpleWeights:
 * each doctor scores 50 with the manager on their own site (specialty 33 + site 17)
 * and 33 with the other, so the best pairs are Ada–Nia and Ben–Sam (total 100).
 */
export async function insertTwoSiteCohort(overrides: Parameters<typeof insertCohort>[0] = {}) {
  const cohort = await useSimpleWeights((await insertCohort({ status: 'matching', ...overrides }))._id)
  const ada = await insertProfiled(cohort._id, 'doctor', 'Ada Doctor', { specialty: 'Cardiology', site: 'North' })
  const ben = await insertProfiled(cohort._id, 'doctor', 'Ben Doctor', { specialty: 'Cardiology', site: 'South' })
  const nia = await insertProfiled(cohort._id, 'manager', 'Nia North', { specialtiesCovered: ['Cardiology'], site: 'North' })
  const sam = await insertProfiled(cohort._id, 'manager', 'Sam South', { specialtiesCovered: ['Cardiology'], site: 'South' })
  return { cohort, ada, ben, nia, sam }
}
