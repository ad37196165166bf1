// Everything matching needs about a cohort, read from the database in a few
// queries: each doctor's and manager's profile and ranking as a candidate, the
// exclusions, and who is already in a published pair (left alone unless re-opened).
import type { Types } from 'mongoose'
import { Enrolment } from '../../models/enrolment'
import { Exclusion } from '../../models/exclusion'
import { Pair } from '../../models/pair'
import { Profile } from '../../models/profile'
import { Ranking } from '../../models/ranking'
import type { DoctorCandidate, ManagerCandidate } from '../matching/criteria'

export type { DoctorCandidate, ManagerCandidate }

export type CohortCandidates = {
  doctors: DoctorCandidate[]
  managers: ManagerCandidate[]
  exclusions: [doctorId: string, managerId: string][]
  /** Doctors already paired, and how many places each manager has already filled. */
  pairedDoctors: Set<string>
  placesTaken: Map<string, number>
}

export async function loadCandidates(cohortId: Types.ObjectId): Promise<CohortCandidates> {
  const enrolments = await Enrolment.find({ cohortId }).lean()
  const [profiles, exclusions, pairs, rankings] = await Promise.all([
    Profile.find({ userId: { $in: enrolments.map(e => e.userId) } }).lean(),
    Exclusion.find({ cohortId }).lean(),
    Pair.find({ cohortId }).lean(),
    Ranking.find({ cohortId }).lean(),
  ])
  const profileOf = new Map(profiles.map(p => [String(p.userId), p]))
  const ranksOf = new Map(rankings.map(r => [String(r.userId), r.ranked.map(String)]))
  const doctors: DoctorCandidate[] = []
  const managers: ManagerCandidate[] = []
  // Sorted by id so that the same cohort always gives the same input order.
  for (const e of [...enrolments].sort((a, b) => String(a.userId).localeCompare(String(b.userId)))) {
    const p = profileOf.get(String(e.userId))
    const common = { id: String(e.userId), site: p?.site ?? '', interests: [...(p?.interests ?? [])], tags: [...(p?.tags ?? [])], availability: [...(p?.availability ?? [])], ranks: ranksOf.get(String(e.userId)) ?? [] }
    if (e.side === 'doctor') doctors.push({ ...common, specialty: p?.specialty ?? '' })
    else managers.push({ ...common, specialtiesCovered: [...(p?.specialtiesCovered ?? [])], capacity: p?.capacity ?? 1 })
  }
  const placesTaken = new Map<string, number>()
  for (const pair of pairs) placesTaken.set(String(pair.managerId), (placesTaken.get(String(pair.managerId)) ?? 0) + 1)
  return {
    doctors,
    managers,
    exclusions: exclusions.map(x => [String(x.doctorId), String(x.managerId)]),
    pairedDoctors: new Set(pairs.map(p => String(p.doctorId))),
    placesTaken,
  }
}
