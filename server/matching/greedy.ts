// The obvious way to pair people, kept only as a baseline for the benchmark and tests:
// take the highest-scoring pair still possible, then the next, and so on. It honours
// the same constraints as the solver but can lose a lot of total score (and leave
// people out) by grabbing a high pair early; solveAssignment is what Tandem uses.
import type { AssignedPair, AssignmentProblem } from './assignment'

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

export function greedyAssignment({
  doctors,
  managers,
  scores,
  exclusions = [],
  locked = [],
}: AssignmentProblem) {
  const m = managers.length
  const places = new Map(managers.map(x => [x.id, x.capacity]))
  const excluded = new Set(exclusions.map(([d, j]) => `${d}\n${j}`))
  const pairs: AssignedPair[] = []
  const placed = new Set<string>()
  const take = (doctorId: string, managerId: string, score: number, isLocked: boolean) => {
    pairs.push({ doctorId, managerId, score, locked: isLocked })
    placed.add(doctorId)
    places.set(managerId, places.get(managerId)! - 1)
  }
  const index = (items: readonly { id: string }[]) => new Map(items.map((x, i) => [x.id, i]))
  const doctorIndex = index(doctors)
  const managerIndex = index(managers)
  for (const [d, j] of locked)
    take(d, j, scores.points[doctorIndex.get(d)! * m + managerIndex.get(j)!]!, true)

  const candidates: { d: number; j: number; score: number }[] = []
  doctors.forEach((doctor, d) =>
    managers.forEach((manager, j) => {
      const eligible = !scores.eligible || scores.eligible[d * m + j] !== 0
      if (eligible && !excluded.has(`${doctor.id}\n${manager.id}`))
        candidates.push({ d, j, score: scores.points[d * m + j]! })
    }),
  )
  // Same tie-break spirit as the solver: on equal scores, lower doctor id, then lower manager id.
  candidates.sort(
    (a, b) =>
      b.score - a.score ||
      byId(doctors[a.d]!.id, doctors[b.d]!.id) ||
      byId(managers[a.j]!.id, managers[b.j]!.id),
  )
  for (const { d, j, score } of candidates) {
    const doctorId = doctors[d]!.id
    const managerId = managers[j]!.id
    if (!placed.has(doctorId) && places.get(managerId)! > 0) take(doctorId, managerId, score, false)
  }
  pairs.sort((a, b) => byId(a.doctorId, b.doctorId))
  return { pairs, matched: pairs.length, total: pairs.reduce((s, p) => s + p.score, 0) }
}
