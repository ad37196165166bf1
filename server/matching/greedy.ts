// The obvious way to pair people, kept only as a baseline for the benchmark and tests:
// take the highest-scoring pair still possible, then the next, and so on. It honours
// the same constraints as the solver but can lose total score (and leave people out)
// by grabbing a high pair early; solveAssignment is what Tandem uses.
import { byId, type AssignedPair, type AssignmentProblem } from './assignment'


export function greedyAssignment({
  doctors,
  managers,
  scores,
  exclusions = [],
  locked = [],
}: AssignmentProblem) {
  const n = doctors.length
  const m = managers.length
  const doctorIndex = new Map(doctors.map((x, i) => [x.id, i]))
  const managerIndex = new Map(managers.map((x, j) => [x.id, j]))
  const places = managers.map(x => x.capacity)
  const placed = new Uint8Array(n)
  const excluded = new Set<number>()
  for (const [d, j] of exclusions)
    if (doctorIndex.has(d) && managerIndex.has(j))
      excluded.add(doctorIndex.get(d)! * m + managerIndex.get(j)!)

  const pairs: AssignedPair[] = []
  const take = (d: number, j: number, isLocked: boolean) => {
    pairs.push({
      doctorId: doctors[d]!.id,
      managerId: managers[j]!.id,
      score: scores.points[d * m + j]!,
      locked: isLocked,
    })
    placed[d] = 1
    places[j]!--
  }
  for (const [d, j] of locked) take(doctorIndex.get(d)!, managerIndex.get(j)!, true)

  // Highest score first; on equal scores, doctors then managers in id order, so the
  // baseline is as deterministic as the solver. Scores are small whole numbers, so
  // bucket the pairs by score rather than sort them all.
  const doctorOrder = [...doctors.keys()].sort((a, b) => byId(doctors[a]!.id, doctors[b]!.id))
  const managerOrder = [...managers.keys()].sort((a, b) => byId(managers[a]!.id, managers[b]!.id))
  const buckets = new Map<number, number[]>()
  for (const d of doctorOrder)
    for (const j of managerOrder) {
      const k = d * m + j
      if ((scores.eligible && scores.eligible[k] === 0) || excluded.has(k)) continue
      const score = scores.points[k]!
      if (!buckets.has(score)) buckets.set(score, [])
      buckets.get(score)!.push(k)
    }
  for (const score of [...buckets.keys()].sort((a, b) => b - a))
    for (const k of buckets.get(score)!) {
      const d = Math.floor(k / m)
      const j = k % m
      if (!placed[d] && places[j]! > 0) take(d, j, false)
    }

  pairs.sort((a, b) => byId(a.doctorId, b.doctorId))
  return { pairs, matched: pairs.length, total: pairs.reduce((s, p) => s + p.score, 0) }
}
