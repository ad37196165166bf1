// What a run of matching works on, read from the database: the cohort's doctors
// not yet in a published pair, its managers with places left (capacity less the
// pairs already published), exclusions, the lead's locks on people still free, and
// the cohort's scoring settings. Published pairs are left alone unless the lead
// unpublishes them, which frees both people for the next run.
import type { CohortDocument, CohortFields, MatchingCriterion } from '../../models/cohort'
import { DEFAULT_MATCHING_WEIGHTS, MATCHING_CRITERIA } from '../../models/cohort'
import { MatchingLock } from '../../models/matching-lock'
import type { PairIds } from '../matching/assignment'
import type { ScoringSettings } from '../matching/scoring'
import { loadCandidates } from './candidates'
import type { MatchingJobInput, MatchingMode } from './matching-job'

export function cohortSettings(cohort: Pick<CohortFields, 'matchingWeights' | 'matchingRequired'>): ScoringSettings {
  const stored = cohort.matchingWeights as Partial<Record<MatchingCriterion, number>> | undefined
  const weights = Object.fromEntries(MATCHING_CRITERIA.map(c => [c, stored?.[c] ?? DEFAULT_MATCHING_WEIGHTS[c]])) as Record<MatchingCriterion, number>
  return { weights, required: [...(cohort.matchingRequired ?? [])] }
}

export async function loadMatchingInput(cohort: CohortDocument, mode: MatchingMode, settings = cohortSettings(cohort)): Promise<MatchingJobInput> {
  const candidates = await loadCandidates(cohort._id)
  const doctors = candidates.doctors.filter(d => !candidates.pairedDoctors.has(d.id))
  const managers = candidates.managers
    .map(m => ({ ...m, capacity: Math.max(0, m.capacity - (candidates.placesTaken.get(m.id) ?? 0)) }))
    .filter(m => m.capacity > 0)
  const freeDoctors = new Set(doctors.map(d => d.id))
  const openManagers = new Set(managers.map(m => m.id))
  // Until someone ranks, "ranked each other" can earn nothing; weighing it would only
  // shrink every score, so its share goes to the other criteria (scoring.ts explains).
  const anyRanked = [...doctors, ...managers].some(p => (p.ranks ?? []).length > 0)
  const used = anyRanked ? settings : { ...settings, weights: { ...settings.weights, preference: 0 } }
  const locks = await MatchingLock.find({ cohortId: cohort._id }).lean()
  const locked: PairIds[] = locks
    .map(l => [String(l.doctorId), String(l.managerId)] as const)
    .filter(([d, m]) => freeDoctors.has(d) && openManagers.has(m))
  return {
    mode,
    doctors,
    managers,
    exclusions: candidates.exclusions,
    locked,
    settings: used,
  }
}
