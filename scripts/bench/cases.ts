// The problems bench:match times: realistic cohorts scored from random profiles
// (managers half as many as doctors, capacity 1–3), and square ones (capacity 1).
import type { AssignmentProblem } from '../../server/matching/assignment'
import { DEFAULT_WEIGHTS, scoreMatrix } from '../../server/matching/scoring'
import { randomCohort } from './cohort'
import { seeded } from './random'

export type BenchCase = { name: string; problem: AssignmentProblem; places: number }

export function benchCase(doctors: number, managers: number, square: boolean, seed: number): BenchCase {
  return scoredCase(randomCohort(seeded(seed), doctors, managers), square)
}

/** A generated cohort scored as bench:match scores it; separate so that scoring can be timed alone. */
export function scoredCase(cohort: ReturnType<typeof randomCohort>, square: boolean): BenchCase {
  const people = square ? cohort.managers.map(m => ({ ...m, capacity: 1 })) : cohort.managers
  // Nobody has ranked anyone in a generated cohort, so preference is weighed 0.
  const scores = scoreMatrix(cohort.doctors, people, {
    weights: { ...DEFAULT_WEIGHTS, preference: 0 },
    required: [],
  })
  const places = people.reduce((s, m) => s + m.capacity, 0)
  const n = cohort.doctors.length.toLocaleString('en-GB')
  const m = people.length.toLocaleString('en-GB')
  return {
    name: square ? `square ${n}²` : `${n} × ${m}`,
    problem: { doctors: cohort.doctors, managers: people, scores, exclusions: cohort.exclusions },
    places,
  }
}
