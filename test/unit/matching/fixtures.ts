// Shared by the matching tests: a seeded random source, random small problems, and an
// exhaustive search that states the solver's objective and tie-break independently.
import { expect } from 'chai'
import { mulberry32 } from '../../../scripts/seeded-random'
import type {
  AssignedPair,
  Assignment,
  AssignmentProblem,
  PairIds,
} from '../../../server/matching/assignment'

/** mulberry32: a tiny seeded generator, so a failing random case can be replayed. */
export function seeded(seed: number) {
  const next = mulberry32(seed)
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1))
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!
  const shuffle = <T>(items: readonly T[]) => {
    const out = [...items]
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1))
      ;[out[i], out[j]] = [out[j]!, out[i]!]
    }
    return out
  }
  return { next, int, pick, shuffle }
}
export type Random = ReturnType<typeof seeded>

/**
 * A problem from a table as one would draw it: a header of managers as "id:places",
 * then a row per doctor with their score for each manager, "–" where a hard
 * requirement rules the pair out.
 *
 *        X:1  Y:1
 *   ana   90   80
 */
export function grid(text: string, extra: Partial<AssignmentProblem> = {}): AssignmentProblem {
  const [header = [], ...rows] = text
    .trim()
    .split('\n')
    .map(line => line.trim().split(/\s+/).filter(Boolean))
  const cells = rows.flatMap(row => row.slice(1))
  return {
    doctors: rows.map(row => ({ id: row[0]! })),
    managers: header.map(cell => ({ id: cell.split(':')[0]!, capacity: Number(cell.split(':')[1]) })),
    scores: {
      points: cells.map(c => (c === '–' ? 0 : Number(c))),
      eligible: cells.map(c => (c === '–' ? 0 : 1)),
    },
    ...extra,
  }
}

/**
 * A random problem with many ties (scores from a small range), some ineligible and
 * excluded pairs, and sometimes a lock. Ids are zero-padded so id order is obvious.
 */
export function randomProblem(
  rng: Random,
  doctorCount: number,
  managerCount: number,
  scoreRange = 6,
): AssignmentProblem {
  const doctors = Array.from({ length: doctorCount }, (_, i) => ({ id: `d${String(i).padStart(3, '0')}` }))
  const managers = Array.from({ length: managerCount }, (_, j) => ({
    id: `m${String(j).padStart(3, '0')}`,
    capacity: rng.int(1, 3),
  }))
  const points = Array.from({ length: doctorCount * managerCount }, () => rng.int(0, scoreRange - 1) * 10)
  const eligible = points.map(() => (rng.next() < 0.15 ? 0 : 1))
  const exclusions: PairIds[] = []
  for (const d of doctors) for (const m of managers) if (rng.next() < 0.1) exclusions.push([d.id, m.id])
  const locked: PairIds[] = []
  if (doctorCount > 1 && rng.next() < 0.3) {
    const d = rng.pick(doctors).id
    const m = rng.pick(managers).id
    if (!exclusions.some(([x, y]) => x === d && y === m)) locked.push([d, m])
  }
  return { doctors, managers, scores: { points, eligible }, exclusions, locked }
}

/** The same problem with doctors and managers listed in another order. */
export function shuffled(problem: AssignmentProblem, rng: Random): AssignmentProblem {
  const n = problem.doctors.length
  const m = problem.managers.length
  const dOrder = rng.shuffle([...Array(n).keys()])
  const mOrder = rng.shuffle([...Array(m).keys()])
  const remap = (values: ArrayLike<number>) => dOrder.flatMap(d => mOrder.map(j => values[d * m + j]!))
  return {
    doctors: dOrder.map(d => problem.doctors[d]!),
    managers: mOrder.map(j => problem.managers[j]!),
    scores: {
      points: remap(problem.scores.points),
      eligible: problem.scores.eligible && remap(problem.scores.eligible),
    },
    exclusions: rng.shuffle(problem.exclusions ?? []),
    locked: rng.shuffle(problem.locked ?? []),
  }
}

/**
 * The best answer by exhaustive search: every assignment, keeping the first found with
 * the most doctors and then the highest total (doctors in id order, each doctor's
 * options best first, so the answer itself is a fixed one of the optima).
 */
export function bruteForce(problem: AssignmentProblem): {
  pairs: AssignedPair[]
  matched: number
  total: number
} {
  const { doctors, managers, scores } = problem
  const m = managers.length
  const at = (id: string, list: readonly { id: string }[]) => list.findIndex(x => x.id === id)
  const excluded = new Set((problem.exclusions ?? []).map(([d, j]) => `${d}\n${j}`))
  const lockOf = new Map((problem.locked ?? []).map(([d, j]) => [d, j]))
  const order = [...doctors].map(d => d.id).sort()
  const options = order.map(doctorId => {
    const d = at(doctorId, doctors)
    if (lockOf.has(doctorId)) return [at(lockOf.get(doctorId)!, managers)]
    const allowed = managers
      .map((x, j) => j)
      .filter(j => scores.eligible?.[d * m + j] !== 0 && !excluded.has(`${doctorId}\n${managers[j]!.id}`))
      .sort(
        (a, b) =>
          scores.points[d * m + b]! - scores.points[d * m + a]! ||
          (managers[a]!.id < managers[b]!.id ? -1 : 1),
      )
    return [...allowed, -1]
  })
  const left = managers.map(x => x.capacity)
  const choice: number[] = []
  let best = { matched: -1, total: -1, choice: [] as number[] }
  const visit = (i: number, matched: number, total: number) => {
    if (i === order.length) {
      if (matched > best.matched || (matched === best.matched && total > best.total))
        best = { matched, total, choice: [...choice] }
      return
    }
    const d = at(order[i]!, doctors)
    for (const j of options[i]!) {
      if (j !== -1 && left[j]! === 0) continue
      choice[i] = j
      if (j !== -1) left[j]!--
      visit(i + 1, matched + (j === -1 ? 0 : 1), total + (j === -1 ? 0 : scores.points[d * m + j]!))
      if (j !== -1) left[j]!++
    }
  }
  visit(0, 0, 0)
  const pairs = order
    .map((doctorId, i) => ({ doctorId, j: best.choice[i]! }))
    .filter(x => x.j !== -1)
    .map(({ doctorId, j }) => ({
      doctorId,
      managerId: managers[j]!.id,
      score: scores.points[at(doctorId, doctors) * m + j]!,
      locked: lockOf.get(doctorId) === managers[j]!.id,
    }))
  return { pairs, matched: best.matched, total: best.total }
}

/**
 * The constraints every answer must keep: places, exclusions, hard requirements (unless
 * locked), locks, one manager per doctor, and everyone either paired or explained.
 */
export function expectFeasible(problem: AssignmentProblem, result: Assignment, context: string) {
  const m = problem.managers.length
  const load = new Map<string, number>()
  for (const p of result.pairs) {
    load.set(p.managerId, (load.get(p.managerId) ?? 0) + 1)
    const d = problem.doctors.findIndex(x => x.id === p.doctorId)
    const j = problem.managers.findIndex(x => x.id === p.managerId)
    expect(p.score, context).to.equal(problem.scores.points[d * m + j])
    expect(
      (problem.exclusions ?? []).some(([x, y]) => x === p.doctorId && y === p.managerId),
      context,
    ).to.equal(false)
    if (!p.locked) expect(problem.scores.eligible?.[d * m + j], context).to.not.equal(0)
  }
  for (const x of problem.managers) expect(load.get(x.id) ?? 0, context).to.be.at.most(x.capacity)
  for (const [d, j] of problem.locked ?? [])
    expect(
      result.pairs.find(p => p.doctorId === d),
      context,
    ).to.include({ managerId: j, locked: true })
  expect(new Set(result.pairs.map(p => p.doctorId)).size, context).to.equal(result.pairs.length)
  expect(result.pairs.length + result.unmatched.length, context).to.equal(problem.doctors.length)
  expect(result.total, context).to.equal(result.pairs.reduce((s, p) => s + p.score, 0))
}
