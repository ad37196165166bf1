// Fixtures for cohort tests, built with overrides.
import type { Types } from 'mongoose'
import { Cohort, type CohortStatus } from '../../models/cohort'
import { Enrolment, type Side } from '../../models/enrolment'
import { Profile } from '../../models/profile'
import { insertUser } from './users'

export const SITES = ['St Thomas’ Hospital', 'Guy’s Hospital']

export function insertCohort(overrides: Partial<{ name: string; sites: string[]; status: CohortStatus }> = {}) {
  return Cohort.create({
    name: 'Surgery and Medicine, spring 2027',
    startDate: new Date('2027-03-01T00:00:00Z'),
    endDate: new Date('2027-08-31T00:00:00Z'),
    sites: SITES,
    status: 'recruiting' as CohortStatus,
    ...overrides,
  })
}

/** A person enrolled on one side of a cohort, with an empty profile. */
export async function insertMember(cohortId: Types.ObjectId, side: Side, overrides: Parameters<typeof insertUser>[0] = {}) {
  const user = await insertUser({ roles: [side], ...overrides })
  await Enrolment.create({ cohortId, userId: user._id, side })
  await Profile.create({ userId: user._id })
  return user
}
