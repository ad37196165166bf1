// Names, emails and sides of a batch of a cohort's people, for a download's rows.
import type { Types } from 'mongoose'
import { Enrolment, type Side } from '../../models/enrolment'
import { User } from '../../models/user'

export type CohortPerson = { name: string; email: string; side: Side | '' }

export async function peopleInCohort(cohortId: Types.ObjectId, userIds: readonly Types.ObjectId[]): Promise<(id: unknown) => CohortPerson> {
  const [users, enrolments] = await Promise.all([
    User.find({ _id: { $in: userIds } }, { name: 1, email: 1 }).lean(),
    Enrolment.find({ cohortId, userId: { $in: userIds } }, { userId: 1, side: 1 }).lean(),
  ])
  const userOf = new Map(users.map(u => [String(u._id), u]))
  const sideOf = new Map(enrolments.map(e => [String(e.userId), e.side]))
  return id => {
    const user = userOf.get(String(id))
    return { name: user?.name ?? '', email: user?.email ?? '', side: sideOf.get(String(id)) ?? '' }
  }
}
