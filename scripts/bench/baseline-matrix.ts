// What the general-purpose solvers get: one column per manager place, and values that
// make their plain "best total" the same objective as Tandem's. An allowed pair is
// worth C + score (C from cardinalityBonus, so more pairs always win), a pair Tandem may
// not make is worth 0, as is leaving someone out; the best total of such a matrix is
// C × matched + total, which names both numbers since total < C.
import type { AssignmentProblem } from '../../server/matching/assignment'

export type BaselineMatrix = {
  rows: number
  columns: number
  /** Row-major values, rows = doctors, columns = places. */
  value: Int32Array
  bonus: number
}

export function baselineMatrix(problem: AssignmentProblem): BaselineMatrix {
  const { doctors, managers, scores } = problem
  const m = managers.length
  const column = managers.flatMap((x, j) => Array<number>(x.capacity).fill(j))
  const excluded = new Set((problem.exclusions ?? []).map(([d, j]) => `${d}\n${j}`))
  let top = 0
  for (let k = 0; k < scores.points.length; k++) top = Math.max(top, scores.points[k]!)
  const bonus = top * Math.min(doctors.length, column.length) + 1
  const value = new Int32Array(doctors.length * column.length)
  doctors.forEach((d, i) => {
    column.forEach((j, c) => {
      const k = i * m + j
      const allowed = scores.eligible?.[k] !== 0 && !excluded.has(`${d.id}\n${managers[j]!.id}`)
      value[i * column.length + c] = allowed ? bonus + scores.points[k]! : 0
    })
  })
  return { rows: doctors.length, columns: column.length, value, bonus }
}

/** Matched count and total score from the baseline's best value. */
export const decode = (best: number, bonus: number) => ({
  matched: Math.floor(best / bonus),
  total: best % bonus,
})
