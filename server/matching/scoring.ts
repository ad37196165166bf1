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
  Vocabulary,
} from './criteria'
import { explain, unmetRequirement } from './explain'
import { fillScores } from './score-matrix'

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

/** Each criterion is measured in whole steps: a pair earns `step / STEPS[c]` of its share. */
const STEPS: Record<Criterion, number> = {
  specialty: 2,
  interests: INTEREST_CAP,
  site: 1,
  availability: AVAILABILITY_CAP,
  preference: 2 * RANK_LIST_LENGTH,
}

/** A 1st choice is worth 5 steps of preference, a 5th (or later) choice 1. */
const worth = (rank: number) => RANK_LIST_LENGTH + 1 - Math.min(rank, RANK_LIST_LENGTH)

/**
 * The step each criterion reaches, in CRITERIA order; 0 means it earns nothing (and
 * fails a requirement). Written into `out` because it runs for every pair.
 */
function steps(m: Measures, out: Int32Array) {
  out[0] = m.specialty === 'covered' ? 2 : m.specialty === 'same-group' ? 1 : 0
  out[1] = Math.min(m.sharedInterests, INTEREST_CAP)
  out[2] = m.sameSite ? 1 : 0
  out[3] = Math.min(m.commonSlots, AVAILABILITY_CAP)
  out[4] =
    m.doctorRank === undefined || m.managerRank === undefined ? 0 : worth(m.doctorRank) + worth(m.managerRank)
  return out
}

/**
 * Points for every step of every criterion: share × step / steps rounded half up, in
 * integers so that no float error decides a tie. Worked out once, looked up per pair.
 */
function pointsTable(weights: Weights) {
  const shares = pointsAvailable(weights)
  return CRITERIA.map(c =>
    Array.from({ length: STEPS[c] + 1 }, (_, k) =>
      Math.floor((2 * shares[c] * k + STEPS[c]) / (2 * STEPS[c])),
    ),
  )
}

/** One pair's score with every criterion's contribution in words, for the lead. */
export function scorePair(
  doctor: DoctorCandidate,
  manager: ManagerCandidate,
  settings: ScoringSettings = DEFAULT_SETTINGS,
): PairScore {
  const words = new Vocabulary()
  const d = prepareDoctor(doctor, words)
  const m = prepareManager(manager, words)
  const measures = measure(d, m)
  const shares = pointsAvailable(settings.weights)
  const table = pointsTable(settings.weights)
  const phrases = explain(d, m, measures)
  const reached = steps(measures, new Int32Array(CRITERIA.length))
  const contributions = CRITERIA.map((c, i) => ({
    criterion: c,
    points: table[i]![reached[i]!]!,
    outOf: shares[c],
    explanation: phrases[c],
  }))
  const unmet = CRITERIA.filter((c, i) => settings.required.includes(c) && reached[i] === 0)
  const total = contributions.reduce((s, c) => s + c.points, 0)
  if (unmet.length === 0) return { total, contributions, eligible: true }
  return {
    total,
    contributions,
    eligible: false,
    ineligibleReason: unmet.map(c => unmetRequirement(c, phrases[c])).join('; '),
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
  const words = new Vocabulary()
  const ds = doctors.map(d => prepareDoctor(d, words))
  const ms = managers.map(m => prepareManager(m, words))
  const size = ds.length * ms.length
  const out: ScoreMatrix = {
    doctorCount: ds.length,
    managerCount: ms.length,
    points: new Uint8Array(size),
    eligible: new Uint8Array(size),
  }
  const required = CRITERIA.map(c => settings.required.includes(c))
  fillScores(ds, ms, pointsTable(settings.weights), required, out.points, out.eligible)
  return out
}
