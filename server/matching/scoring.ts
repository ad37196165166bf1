// How well a doctor and a manager suit each other, as whole points out of 100 made
// of one contribution per criterion, each with words the programme lead can read.
//
// The lead weighs each criterion 0–10 per cohort (models/cohort.ts stores the same
// shape). The 100 points are shared out in proportion to the weights, so a criterion's
// weight is simply "how many of the 100 points it is worth"; a pair earns a fraction
// of each criterion's share:
//   specialty     1 if the manager's service covers the doctor's specialty,
//                 1/2 if it covers another specialty in the same group, else 0
//   interests     shared themes and tags (one set, ignoring case), capped:
//                 min(shared, 3) / 3 — a count rather than Jaccard, so that someone
//                 who lists many interests is not marked down with everybody
//   site          1 if the same site, else 0
//   availability  min(common free half-days a week, 3) / 3
//   preference    only when both ranked each other: 1st choice is worth 5, 5th is
//                 worth 1, on each side; (doctor's + manager's) / 10
// Points are rounded per criterion and the total is their sum, so the parts shown to
// the lead always add up, and integer totals make ties exact.
//
// A criterion the lead makes a hard requirement must earn something (a related
// specialty, one shared interest, the same site, one common half-day, ranked each
// other); otherwise the pair is ineligible, though its score is still worked out so
// the lead can see "why not".
//
// Preference earns nothing until people rank, so a cohort that has not collected
// rankings should weigh preference 0 and let the other criteria share all 100 points.
import type { MatchingCriterion } from '../../models/cohort'
import {
  AVAILABILITY_CAP,
  INTEREST_CAP,
  measure,
  prepareDoctor,
  prepareManager,
  RANK_LIST_LENGTH,
  type DoctorCandidate,
  type ManagerCandidate,
  type Measures,
} from './criteria'
import { explain, unmetRequirement } from './explain'

export const CRITERIA = ['specialty', 'interests', 'site', 'availability', 'preference'] as const
export type Criterion = (typeof CRITERIA)[number]
// The cohort model and the solver must name the same criteria; this fails to compile if they drift.
const _sameCriteria: [Criterion] extends [MatchingCriterion]
  ? [MatchingCriterion] extends [Criterion]
    ? true
    : never
  : never = true

export type Weights = Record<Criterion, number>

/** The cohort model's defaults: specialty matters most, then interests and time together. */
export const DEFAULT_WEIGHTS: Weights = {
  specialty: 4,
  interests: 3,
  site: 2,
  availability: 3,
  preference: 2,
}

export type ScoringSettings = { weights: Weights; required: readonly Criterion[] }
export const DEFAULT_SETTINGS: ScoringSettings = { weights: DEFAULT_WEIGHTS, required: [] }

export type Contribution = { criterion: Criterion; points: number; outOf: number; explanation: string }
export type PairScore = {
  total: number
  contributions: Contribution[]
  eligible: boolean
  ineligibleReason?: string
}

/**
 * Each criterion's share of 100 points, by largest remainder so the shares add up to
 * exactly 100 (ties in the remainder go to the heavier weight, then to CRITERIA order).
 */
export function pointsAvailable(weights: Weights): Record<Criterion, number> {
  const sum = CRITERIA.reduce((s, c) => s + Math.max(0, weights[c]), 0)
  const shares = Object.fromEntries(CRITERIA.map(c => [c, 0])) as Record<Criterion, number>
  if (sum <= 0) return shares
  const exact = CRITERIA.map(c => ({ c, quota: (100 * Math.max(0, weights[c])) / sum }))
  for (const { c, quota } of exact) shares[c] = Math.floor(quota)
  let left = 100 - CRITERIA.reduce((s, c) => s + shares[c], 0)
  const byRemainder = exact
    .map((e, order) => ({ ...e, order, remainder: e.quota - Math.floor(e.quota) }))
    .sort((a, b) => b.remainder - a.remainder || weights[b.c] - weights[a.c] || a.order - b.order)
  for (const e of byRemainder) if (left-- > 0) shares[e.c]++
  return shares
}

/** The fraction of a criterion's points a pair earns, as numerator / denominator. */
function fraction(c: Criterion, m: Measures): [number, number] {
  switch (c) {
    case 'specialty':
      return [m.specialty === 'covered' ? 2 : m.specialty === 'same-group' ? 1 : 0, 2]
    case 'interests':
      return [Math.min(m.sharedInterests, INTEREST_CAP), INTEREST_CAP]
    case 'site':
      return [m.sameSite ? 1 : 0, 1]
    case 'availability':
      return [Math.min(m.commonSlots, AVAILABILITY_CAP), AVAILABILITY_CAP]
    case 'preference': {
      if (m.doctorRank === undefined || m.managerRank === undefined) return [0, 1]
      const worth = (rank: number) => RANK_LIST_LENGTH + 1 - Math.min(rank, RANK_LIST_LENGTH)
      return [worth(m.doctorRank) + worth(m.managerRank), 2 * RANK_LIST_LENGTH]
    }
  }
}

/** share × num / den rounded half up, in integers so that no float error decides a tie. */
const points = (share: number, [num, den]: [number, number]) =>
  Math.floor((2 * share * num + den) / (2 * den))

function score(measures: Measures, shares: Record<Criterion, number>, required: readonly Criterion[]) {
  let total = 0
  let eligible = true
  for (const c of CRITERIA) {
    const f = fraction(c, measures)
    total += points(shares[c], f)
    if (f[0] === 0 && required.includes(c)) eligible = false
  }
  return { total, eligible }
}

/** One pair's score with every criterion's contribution in words, for the lead. */
export function scorePair(
  doctor: DoctorCandidate,
  manager: ManagerCandidate,
  settings: ScoringSettings = DEFAULT_SETTINGS,
): PairScore {
  const d = prepareDoctor(doctor)
  const m = prepareManager(manager)
  const measures = measure(d, m)
  const shares = pointsAvailable(settings.weights)
  const words = explain(d, m, measures)
  const contributions = CRITERIA.map(c => ({
    criterion: c,
    points: points(shares[c], fraction(c, measures)),
    outOf: shares[c],
    explanation: words[c],
  }))
  const unmet = CRITERIA.filter(c => settings.required.includes(c) && fraction(c, measures)[0] === 0)
  const total = contributions.reduce((s, c) => s + c.points, 0)
  if (unmet.length === 0) return { total, contributions, eligible: true }
  return {
    total,
    contributions,
    eligible: false,
    ineligibleReason: unmet.map(c => unmetRequirement(c, words[c])).join('; '),
  }
}

/**
 * Scores for every doctor × manager, doctor-major (`points[d * managerCount + m]`), in
 * the order given. Bytes are enough for 0–100 and keep a 5,000 × 2,500 cohort at 12 MB.
 */
export type ScoreMatrix = {
  doctorCount: number
  managerCount: number
  points: Uint8Array
  eligible: Uint8Array
}

export function scoreMatrix(
  doctors: readonly DoctorCandidate[],
  managers: readonly ManagerCandidate[],
  settings: ScoringSettings = DEFAULT_SETTINGS,
): ScoreMatrix {
  const ds = doctors.map(prepareDoctor)
  const ms = managers.map(prepareManager)
  const shares = pointsAvailable(settings.weights)
  const out: ScoreMatrix = {
    doctorCount: ds.length,
    managerCount: ms.length,
    points: new Uint8Array(ds.length * ms.length),
    eligible: new Uint8Array(ds.length * ms.length),
  }
  for (let i = 0; i < ds.length; i++) {
    for (let j = 0; j < ms.length; j++) {
      const { total, eligible } = score(measure(ds[i]!, ms[j]!), shares, settings.required)
      out.points[i * ms.length + j] = total
      out.eligible[i * ms.length + j] = eligible ? 1 : 0
    }
  }
  return out
}
