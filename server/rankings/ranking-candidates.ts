// Whom a person may rank: the people on the other side of their cohort, best
// score first, scored with the cohort's own weights and requirements. Preference
// counts for nothing here, because rankings are what this collects.
import type { Types } from 'mongoose'
import type { CohortFields } from '../../models/cohort'
import type { Side } from '../../models/enrolment'
import { Profile } from '../../models/profile'
import { User } from '../../models/user'
import { scoreMatrix, scorePair, type ScoringSettings } from '../matching/scoring'
import type { DoctorCandidate, ManagerCandidate } from '../matching/criteria'
import { loadCandidates } from '../proposals/candidates'
import { cohortSettings } from '../proposals/matching-input'

/** How many candidates a person is shown, and may choose from. */
export const CANDIDATE_LIST_LENGTH = 10

export type RankingCandidate = { id: string; name: string; description: string; score: number; reasons: string[] }
export type PersonSummary = { name: string; description: string }

export function settingsForRanking(cohort: Pick<CohortFields, 'matchingWeights' | 'matchingRequired'>): ScoringSettings {
  const { weights, required } = cohortSettings(cohort)
  // "Ranked each other" as a requirement would rule out everyone before anyone has ranked.
  return { weights: { ...weights, preference: 0 }, required: required.filter(c => c !== 'preference') }
}

/** Name and a one-line description of each person: grade, specialty, site for a doctor; job title, directorate, site for a manager. */
export async function describePeople(ids: readonly string[], side: Side): Promise<Map<string, PersonSummary>> {
  const [users, profiles] = await Promise.all([
    User.find({ _id: { $in: ids } }, { name: 1, email: 1 }).lean(),
    Profile.find({ userId: { $in: ids } }).lean(),
  ])
  const profileOf = new Map(profiles.map(p => [String(p.userId), p]))
  return new Map(
    users.map(u => {
      const p = profileOf.get(String(u._id))
      const parts = side === 'doctor' ? [p?.grade, p?.specialty, p?.site] : [p?.jobTitle, p?.directorate, p?.site]
      return [String(u._id), { name: u.name || u.email, description: parts.filter(Boolean).join(', ') }]
    }),
  )
}

export async function topCandidates(cohort: CohortFields & { _id: Types.ObjectId }, userId: string, side: Side): Promise<RankingCandidate[]> {
  const { doctors, managers, exclusions } = await loadCandidates(cohort._id)
  const settings = settingsForRanking(cohort)
  const me = (side === 'doctor' ? doctors : managers).find(p => p.id === userId)
  if (!me) return []
  const others: readonly (DoctorCandidate | ManagerCandidate)[] = side === 'doctor' ? managers : doctors
  const pairOf = (other: DoctorCandidate | ManagerCandidate) =>
    (side === 'doctor' ? [me, other] : [other, me]) as [DoctorCandidate, ManagerCandidate]
  const excluded = new Set(
    side === 'doctor' ? exclusions.filter(([d]) => d === userId).map(([, m]) => m) : exclusions.filter(([, m]) => m === userId).map(([d]) => d),
  )
  // One row (or column) of the cohort's matrix: the doctor-major index is simply j or i.
  const matrix = side === 'doctor' ? scoreMatrix([me as DoctorCandidate], managers, settings) : scoreMatrix(doctors, [me as ManagerCandidate], settings)
  const people = await describePeople(others.map(o => o.id), side === 'doctor' ? 'manager' : 'doctor')
  const eligible = others
    .map((other, i) => ({ other, score: matrix.points[i]!, ok: matrix.eligible[i] === 1 && !excluded.has(other.id) }))
    .filter(c => c.ok && people.has(c.other.id))
    .map(c => ({ ...c, ...people.get(c.other.id)! }))
  // Equal scores in name order, then id order, so the list reads the same every time.
  eligible.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'en-GB') || (a.other.id < b.other.id ? -1 : 1))
  return eligible.slice(0, CANDIDATE_LIST_LENGTH).map(({ other, name, description, score }) => ({
    id: other.id,
    name,
    description,
    score,
    reasons: scorePair(...pairOf(other), settings)
      .contributions.filter(c => c.points > 0)
      .map(c => c.explanation),
  }))
}
