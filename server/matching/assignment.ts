// The best whole-cohort assignment of doctors to managers, exactly.
//
// Objective, in this order (lexicographic):
//   1. match as many doctors as possible — nobody is left out to raise someone else's score;
//   2. then the highest total score;
//   3. then ties between equally good assignments are settled by putting the problem
//      in id order first (doctors, managers, both by id in code-unit order) and solving
//      that with a deterministic algorithm: the same cohort gets the same pairs, however
//      it was listed. See docs/decisions/005-matching-solver.md for why the old rule
//      ("doctors in id order take the best manager left") was given up.
// Constraints: manager places, exclusions never paired, ineligible pairs (hard
// requirements) never paired, and locked pairs kept as they are, using up places.
// A lock overrides a hard requirement — the lead chose that pair knowingly — but a
// lock on an excluded pair, or more locks than a manager has places, is refused.
//
// No database or Express here: callers pass ids, capacities and a score matrix, so the
// solver can be tested and benchmarked alone. The solver is the ε-scaling auction over
// candidate lists (auction.ts), proven optimal against the whole matrix each time;
// the dense JV and min-cost-flow solvers give the same totals and are there to check it.
import { ConflictError } from '../errors'
import { auctionAssignment } from './auction'
import { flowAssignment } from './flow-assignment'
import { jvAssignment } from './jv-dense'
import type { Market, MarketAssignment } from './market'

export type PairIds = readonly [doctorId: string, managerId: string]

export type AssignmentProblem = {
  doctors: readonly { id: string }[]
  managers: readonly { id: string; capacity: number }[]
  /**
   * Doctor-major, in the order of `doctors` and `managers`: `points[d * managers.length + m]`,
   * whole numbers ≥ 0; `eligible` 0 marks a pair a hard requirement rules out (a ScoreMatrix fits).
   */
  scores: { points: ArrayLike<number>; eligible?: ArrayLike<number> }
  exclusions?: readonly PairIds[]
  locked?: readonly PairIds[]
}

export type AssignedPair = { doctorId: string; managerId: string; score: number; locked: boolean }

export type UnmatchedReason =
  'no-managers' | 'no-eligible-manager' | 'excluded-from-all' | 'eligible-managers-full'
export type UnmatchedDoctor = { doctorId: string; reason: UnmatchedReason; explanation: string }

export type Assignment = {
  pairs: AssignedPair[]
  unmatched: UnmatchedDoctor[]
  matched: number
  total: number
}

/** Plain code-unit order, the same on every machine and locale. */
export const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

function indexIds(items: readonly { id: string }[], side: string) {
  const index = new Map<string, number>()
  items.forEach((item, i) => {
    if (index.has(item.id)) throw new Error(`${side} ${item.id} appears twice`)
    index.set(item.id, i)
  })
  return index
}

const SOLVERS: Record<SolverName, (market: Market) => MarketAssignment> = {
  auction: market => auctionAssignment(market),
  jv: jvAssignment,
  flow: flowAssignment,
}
/**
 * Which exact solver to use; they reach the same matched count and total (tests and the
 * benchmark check). Tests may pass their own, such as the auction with short lists.
 */
export type SolverName = 'auction' | 'jv' | 'flow'
export type Solver = SolverName | ((market: Market) => MarketAssignment)

export function solveAssignment(problem: AssignmentProblem, solver: Solver = 'auction'): Assignment {
  const { doctors, managers, scores } = problem
  const n = doctors.length
  const m = managers.length
  if (scores.points.length !== n * m)
    throw new Error(`Expected ${n * m} scores for ${n} doctors × ${m} managers, got ${scores.points.length}`)
  const doctorIndex = indexIds(doctors, 'Doctor')
  const managerIndex = indexIds(managers, 'Manager')
  const score = (d: number, j: number) => scores.points[d * m + j]!
  const eligible = (d: number, j: number) => !scores.eligible || scores.eligible[d * m + j] !== 0

  // Exclusions may name people no longer in the cohort; those simply do not apply.
  const excluded = new Set<number>()
  for (const [doctorId, managerId] of problem.exclusions ?? []) {
    const d = doctorIndex.get(doctorId)
    const j = managerIndex.get(managerId)
    if (d !== undefined && j !== undefined) excluded.add(d * m + j)
  }

  const places = managers.map(x => {
    if (!Number.isInteger(x.capacity) || x.capacity < 0)
      throw new Error(`Manager ${x.id} has capacity ${x.capacity}`)
    return x.capacity
  })
  const lockedManager = new Map<number, number>()
  for (const [doctorId, managerId] of problem.locked ?? []) {
    const d = doctorIndex.get(doctorId)
    const j = managerIndex.get(managerId)
    if (d === undefined || j === undefined)
      throw new ConflictError(`A locked pair names someone not in this cohort (${doctorId}, ${managerId})`)
    if (lockedManager.has(d)) throw new ConflictError(`Doctor ${doctorId} is locked to two managers`)
    if (excluded.has(d * m + j))
      throw new ConflictError(`The pair ${doctorId} and ${managerId} is both locked and excluded`)
    if (--places[j]! < 0) throw new ConflictError(`Manager ${managerId} has more locked pairs than places`)
    lockedManager.set(d, j)
  }

  const top = highestScore(scores.points)

  // The market: doctors still to place and managers with places, both in id order.
  const free = [...doctors.keys()]
    .filter(d => !lockedManager.has(d))
    .sort((a, b) => byId(doctors[a]!.id, doctors[b]!.id))
  const open = [...managers.keys()]
    .filter(j => places[j]! > 0)
    .sort((a, b) => byId(managers[a]!.id, managers[b]!.id))
  const market: Market = {
    doctors: Int32Array.from(free),
    managers: Int32Array.from(open),
    places: Int32Array.from(open, j => places[j]!),
    columns: m,
    points: scores.points,
    eligible: scores.eligible,
    excluded: excludedOpenManagers(free, open, m, excluded),
    top,
  }
  const managerOf = typeof solver === 'function' ? solver(market) : SOLVERS[solver](market)

  const pairs: AssignedPair[] = []
  for (const [d, j] of lockedManager)
    pairs.push({ doctorId: doctors[d]!.id, managerId: managers[j]!.id, score: score(d, j), locked: true })
  free.forEach((d, i) => {
    const o = managerOf[i]!
    if (o !== -1)
      pairs.push({
        doctorId: doctors[d]!.id,
        managerId: managers[open[o]!]!.id,
        score: score(d, open[o]!),
        locked: false,
      })
  })
  pairs.sort((a, b) => byId(a.doctorId, b.doctorId))

  const unmatched = free
    .filter((_, i) => managerOf[i] === -1)
    .map(d => ({ doctorId: doctors[d]!.id, ...whyUnmatched(d, m, eligible, excluded) }))
  return { pairs, unmatched, matched: pairs.length, total: pairs.reduce((s, p) => s + p.score, 0) }
}

/**
 * The highest score, checking that scores are whole numbers ≥ 0; arrays of unsigned
 * integers (a ScoreMatrix's bytes) cannot hold anything else, so for them only the max.
 */
function highestScore(points: ArrayLike<number>) {
  let top = 0
  if (points instanceof Uint8Array || points instanceof Uint16Array || points instanceof Uint32Array) {
    for (let k = 0; k < points.length; k++) if (points[k]! > top) top = points[k]!
    return top
  }
  for (let k = 0; k < points.length; k++) {
    const p = points[k]!
    if (!Number.isInteger(p) || p < 0) throw new Error(`Scores must be whole numbers ≥ 0, got ${p}`)
    top = Math.max(top, p)
  }
  return top
}

/** Each doctor's excluded open managers, as market indices; exclusions are few, so a map. */
function excludedOpenManagers(free: number[], open: number[], m: number, excluded: Set<number>) {
  const byDoctor = new Map<number, number[]>()
  if (excluded.size === 0) return new Map<number, Int32Array>()
  const freeIndex = new Map(free.map((d, i) => [d, i]))
  const openIndex = new Map(open.map((j, o) => [j, o]))
  for (const k of excluded) {
    const i = freeIndex.get(Math.floor(k / m))
    const o = openIndex.get(k % m)
    if (i === undefined || o === undefined) continue
    const os = byDoctor.get(i) ?? []
    os.push(o)
    byDoctor.set(i, os)
  }
  return new Map([...byDoctor].map(([i, os]) => [i, Int32Array.from(os).sort()]))
}

/**
 * Why a doctor the optimum left out could not be placed. If any manager they may be
 * paired with had a free place, the optimum would have used it (it matches as many
 * as possible), so "could be paired with" and "full" go together.
 */
function whyUnmatched(
  d: number,
  m: number,
  eligible: (d: number, j: number) => boolean,
  excluded: Set<number>,
): Omit<UnmatchedDoctor, 'doctorId'> {
  if (m === 0) return { reason: 'no-managers', explanation: 'there are no managers in the cohort' }
  let suitable = 0
  let allowed = 0
  for (let j = 0; j < m; j++) {
    if (!eligible(d, j)) continue
    suitable++
    if (!excluded.has(d * m + j)) allowed++
  }
  if (suitable === 0)
    return {
      reason: 'no-eligible-manager',
      explanation: "no manager meets the cohort's requirements for this doctor",
    }
  if (allowed === 0)
    return {
      reason: 'excluded-from-all',
      explanation:
        suitable === m
          ? 'excluded from every manager'
          : "excluded from every manager who meets the cohort's requirements",
    }
  return {
    reason: 'eligible-managers-full',
    explanation:
      allowed === 1
        ? 'the one manager they could be paired with is full'
        : `all ${allowed} managers they could be paired with are full`,
  }
}
