// What the lead asks of a proposal while reviewing it, answered from the candidates
// and the proposal's pairs: who else would suit this person (the top alternatives),
// what a swap would do to the scores, and "why not X": how far a pair's score would
// have to rise before the best assignment included it. Pure, like the solver.
import { byId, solveAssignment, type PairIds } from '../matching/assignment'
import type { DoctorCandidate, ManagerCandidate } from '../matching/criteria'
import { scoreMatrix, scorePair, type PairScore, type ScoringSettings } from '../matching/scoring'
import type { MatchingJobInput } from './matching-job'

export type CurrentPair = { doctorId: string; managerId: string }

/** Scores of any pair in a cohort, worked out on demand and remembered. */
export function pairScorer(doctors: readonly DoctorCandidate[], managers: readonly ManagerCandidate[], settings: ScoringSettings, excluded: ReadonlySet<string>) {
  const doctorOf = new Map(doctors.map(d => [d.id, d]))
  const managerOf = new Map(managers.map(m => [m.id, m]))
  const known = new Map<string, PairScore & { excluded: boolean }>()
  return (doctorId: string, managerId: string) => {
    const key = `${doctorId}:${managerId}`
    let score = known.get(key)
    if (!score) {
      const d = doctorOf.get(doctorId)
      const m = managerOf.get(managerId)
      if (!d || !m) return undefined
      score = { ...scorePair(d, m, settings), excluded: excluded.has(key) }
      known.set(key, score)
    }
    return score
  }
}
export type PairScorer = ReturnType<typeof pairScorer>

export type SwapOption = {
  /** The doctor who would change places with the one under review. */
  otherDoctorId: string | undefined
  /** Change in the proposal's total if the swap were made. */
  change: number
  /** Why the swap cannot be made (an exclusion), if it cannot. */
  refused?: string
  /** Hard requirements the new pairs would not meet: allowed, but the lead is told. */
  warnings: string[]
}

export type Alternative = {
  personId: string
  score: PairScore & { excluded: boolean }
  /** On a doctor's page: the doctors the manager has now; on a manager's: the doctor's manager now. */
  holders: string[]
  freePlaces: number
  swaps: SwapOption[]
}

/** A doctor and their manager in the proposal; either side may be empty (no manager, or a free place). */
export type Position = { doctorId: string | undefined; managerId: string | undefined }

/**
 * What exchanging two positions' managers does: a doctor without a manager simply
 * takes the other's place (and the other is left without), and a doctor moving into a
 * free place leaves their old place free.
 */
export function swapOption(score: PairScorer, a: Position, b: Position): SwapOption {
  const pairScore = (doctorId: string | undefined, managerId: string | undefined) =>
    doctorId && managerId ? score(doctorId, managerId) : undefined
  const before = [pairScore(a.doctorId, a.managerId), pairScore(b.doctorId, b.managerId)]
  const after = [pairScore(a.doctorId, b.managerId), pairScore(b.doctorId, a.managerId)]
  const sum = (scores: (PairScore | undefined)[]) => scores.reduce((s, x) => s + (x?.total ?? 0), 0)
  const made = after.filter(s => s !== undefined)
  const refused = made.some(s => s.excluded) ? 'one of the new pairs is excluded from being matched' : undefined
  const warnings = made.filter(s => !s.eligible).map(s => s.ineligibleReason ?? '')
  return { otherDoctorId: b.doctorId, change: sum(after) - sum(before), ...(refused ? { refused } : {}), warnings }
}

/** The best three managers for a doctor other than their own, with what moving there would take. */
export function doctorAlternatives(doctorId: string, managers: readonly ManagerCandidate[], pairs: readonly CurrentPair[], score: PairScorer, count = 3): Alternative[] {
  const mine = pairs.find(p => p.doctorId === doctorId)
  const self: Position = { doctorId, managerId: mine?.managerId }
  return rankBy(
    managers.filter(m => m.id !== mine?.managerId),
    m => score(doctorId, m.id)!,
    count,
  ).map(({ person: m, score: s }) => {
    const holders = pairs.filter(p => p.managerId === m.id).map(p => p.doctorId)
    const freePlaces = Math.max(0, m.capacity - holders.length)
    const swaps = [
      ...(freePlaces > 0 ? [swapOption(score, self, { doctorId: undefined, managerId: m.id })] : []),
      ...holders.map(h => swapOption(score, self, { doctorId: h, managerId: m.id })),
    ]
    return { personId: m.id, score: s, holders, freePlaces, swaps }
  })
}

/** The best three doctors for a manager other than their own, and what a swap with each (or taking a free place) would do. */
export function managerAlternatives(manager: { id: string; capacity: number }, doctors: readonly DoctorCandidate[], pairs: readonly CurrentPair[], score: PairScorer, count = 3): Alternative[] {
  const managerId = manager.id
  const theirs = pairs.filter(p => p.managerId === managerId).map(p => p.doctorId)
  const freePlaces = Math.max(0, manager.capacity - theirs.length)
  return rankBy(
    doctors.filter(d => !theirs.includes(d.id)),
    d => score(d.id, managerId)!,
    count,
  ).map(({ person: d, score: s }) => {
    const current = pairs.find(p => p.doctorId === d.id)
    const self: Position = { doctorId: d.id, managerId: current?.managerId }
    return {
      personId: d.id,
      score: s,
      holders: current ? [current.managerId] : [],
      freePlaces,
      swaps: [
        ...(freePlaces > 0 ? [swapOption(score, self, { doctorId: undefined, managerId })] : []),
        ...theirs.map(h => swapOption(score, self, { doctorId: h, managerId })),
      ],
    }
  })
}

/** Allowed pairs first, then the highest score, then id: the same list every time. */
function rankBy<T extends { id: string }>(people: readonly T[], scoreOf: (p: T) => PairScore & { excluded: boolean }, count: number) {
  const usable = (s: PairScore & { excluded: boolean }) => (s.excluded ? 2 : s.eligible ? 0 : 1)
  return people
    .map(person => ({ person, score: scoreOf(person) }))
    .sort((a, b) => usable(a.score) - usable(b.score) || b.score.total - a.score.total || byId(a.person.id, b.person.id))
    .slice(0, count)
}

export type WhyNot =
  | { kind: 'excluded' }
  | { kind: 'already-paired' }
  | { kind: 'places-locked' }
  | { kind: 'fewer-matched'; fewer: number; score: number; ineligibleReason?: string }
  | { kind: 'needs-points'; points: number; score: number; ineligibleReason?: string }

/**
 * How much the pair's score would have to rise for the best assignment to include it.
 * Forcing the pair and solving again gives the best total that includes it; the gap
 * to the best total overall is the answer, because raising this one pair's score by
 * that much raises the forced total by as much and leaves every other assignment as it
 * was. If forcing it leaves more doctors unmatched, no score would do, since matching
 * as many doctors as possible comes first. Zero means an equally good assignment has
 * it and the tie-break chose another.
 */
export function whyNot(input: MatchingJobInput, doctorId: string, managerId: string): WhyNot {
  if (input.exclusions.some(([d, m]) => d === doctorId && m === managerId)) return { kind: 'excluded' }
  const scores = scoreMatrix(input.doctors, input.managers, input.settings)
  const base = solveAssignment({ ...input, scores })
  if (base.pairs.some(p => p.doctorId === doctorId && p.managerId === managerId)) return { kind: 'already-paired' }
  const locked: PairIds[] = [...input.locked.filter(([d]) => d !== doctorId), [doctorId, managerId]]
  const manager = input.managers.find(m => m.id === managerId)
  if (!manager || locked.filter(([, m]) => m === managerId).length > manager.capacity) return { kind: 'places-locked' }
  const forced = solveAssignment({ ...input, scores, locked })
  const pair = forced.pairs.find(p => p.doctorId === doctorId)!
  const score = scorePair(input.doctors.find(d => d.id === doctorId)!, manager, input.settings)
  const ineligible = score.eligible ? {} : { ineligibleReason: score.ineligibleReason }
  if (forced.matched < base.matched) return { kind: 'fewer-matched', fewer: base.matched - forced.matched, score: pair.score, ...ineligible }
  return { kind: 'needs-points', points: base.total - forced.total, score: pair.score, ...ineligible }
}
