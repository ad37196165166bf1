// One run of matching, from candidates to explained pairs: score every pair, solve
// (the optimal assignment, or deferred acceptance in stable mode), then put each
// chosen pair's score into words. Pure and synchronous, with plain data in and out,
// so that it can run in a worker thread (run-in-worker.ts) and be tested alone.
import type { PairIds, UnmatchedDoctor } from '../matching/assignment'
import { byId, solveAssignment } from '../matching/assignment'
import type { DoctorCandidate, ManagerCandidate } from '../matching/criteria'
import { scoreMatrix, scorePair, type Contribution, type ScoreMatrix, type ScoringSettings } from '../matching/scoring'
import { blockingPairs, deferredAcceptance, type BlockingPair, type StablePreferences } from '../matching/stable'

export type MatchingMode = 'optimal' | 'stable'

export type MatchingJobInput = {
  mode: MatchingMode
  /** Doctors not yet in a published pair. */
  doctors: DoctorCandidate[]
  /** Managers with places left; `capacity` is the places left, not their profile's capacity. */
  managers: ManagerCandidate[]
  exclusions: PairIds[]
  locked: PairIds[]
  settings: ScoringSettings
}

export type ExplainedPair = {
  doctorId: string
  managerId: string
  score: number
  contributions: Contribution[]
  locked: boolean
  ineligibleReason?: string
}

export type MatchingJobResult = {
  pairs: ExplainedPair[]
  unmatched: UnmatchedDoctor[]
  blocking: BlockingPair[]
  matched: number
  total: number
}

export type Progress = (stage: string, percent: number) => void

export function runMatchingJob(input: MatchingJobInput, progress: Progress = () => {}): MatchingJobResult {
  progress(`Scoring ${(input.doctors.length * input.managers.length).toLocaleString('en-GB')} possible pairs`, 10)
  const scores = scoreMatrix(input.doctors, input.managers, input.settings)
  progress('Finding the best pairs', 40)
  const solved = input.mode === 'stable' ? solveStable(input, scores) : solveOptimal(input, scores)
  progress('Explaining each pair', 85)
  const doctorOf = new Map(input.doctors.map(d => [d.id, d]))
  const managerOf = new Map(input.managers.map(m => [m.id, m]))
  const pairs = solved.pairs.map(p => {
    const explained = scorePair(doctorOf.get(p.doctorId)!, managerOf.get(p.managerId)!, input.settings)
    return {
      doctorId: p.doctorId,
      managerId: p.managerId,
      score: explained.total,
      contributions: explained.contributions,
      locked: p.locked,
      ...(explained.eligible ? {} : { ineligibleReason: explained.ineligibleReason }),
    }
  })
  progress('Saving the proposal', 95)
  return { ...solved, pairs, matched: pairs.length, total: pairs.reduce((s, p) => s + p.score, 0) }
}

type Solved = {
  pairs: { doctorId: string; managerId: string; locked: boolean }[]
  unmatched: UnmatchedDoctor[]
  blocking: BlockingPair[]
}

function solveOptimal(input: MatchingJobInput, scores: ScoreMatrix): Solved {
  const result = solveAssignment({ ...input, scores })
  return { pairs: result.pairs, unmatched: result.unmatched, blocking: [] }
}

/**
 * Deferred acceptance over the people's own rankings. Locked pairs are taken out
 * first (their places with them); hard requirements and exclusions make a pair
 * unacceptable to both sides, as they would in the optimal mode.
 */
function solveStable(input: MatchingJobInput, scores: ScoreMatrix): Solved {
  const lockedDoctors = new Set(input.locked.map(([d]) => d))
  const placesLocked = new Map<string, number>()
  for (const [, m] of input.locked) placesLocked.set(m, (placesLocked.get(m) ?? 0) + 1)
  const unacceptable: PairIds[] = [...input.exclusions]
  input.doctors.forEach((d, i) =>
    input.managers.forEach((m, j) => {
      if (!scores.eligible[i * input.managers.length + j]) unacceptable.push([d.id, m.id])
    }),
  )
  const prefs: StablePreferences = {
    doctors: input.doctors.filter(d => !lockedDoctors.has(d.id)),
    managers: input.managers.map(m => ({ ...m, capacity: Math.max(0, m.capacity - (placesLocked.get(m.id) ?? 0)) })),
    exclusions: unacceptable,
  }
  const stable = deferredAcceptance(prefs)
  const blocking = blockingPairs(stable, prefs)
  const pairs = [
    ...input.locked.map(([doctorId, managerId]) => ({ doctorId, managerId, locked: true })),
    ...stable.pairs.map(p => ({ doctorId: p.doctorId, managerId: p.managerId, locked: false })),
  ].sort((a, b) => byId(a.doctorId, b.doctorId))
  const rankedBy = new Map<string, Set<string>>()
  for (const m of prefs.managers) for (const d of m.ranks ?? []) rankedBy.set(d, (rankedBy.get(d) ?? new Set()).add(m.id))
  const unmatched = stable.unmatched.map(doctorId => {
    const doctor = prefs.doctors.find(d => d.id === doctorId)!
    const mutual = (doctor.ranks ?? []).filter(m => rankedBy.get(doctorId)?.has(m))
    return mutual.length === 0
      ? (doctor.ranks ?? []).length === 0
        ? { doctorId, reason: 'no-eligible-manager' as const, explanation: 'ranked no managers' }
        : { doctorId, reason: 'no-eligible-manager' as const, explanation: 'none of the managers they ranked ranked them' }
      : {
          doctorId,
          reason: 'eligible-managers-full' as const,
          explanation: 'every manager who ranked them in return filled their places with doctors they ranked higher, or may not be paired with them',
        }
  })
  return { pairs, unmatched, blocking }
}
