// Candidate lists for the auction: each bidder bids only among their best few, which is
// what makes the auction fast on a cohort of thousands. Lists are a guess, so the
// answer is then checked against every allowed pair (certify below), and a bidder whose
// list turned out too short gets the pairs that broke the check.
//
// Who bids: the larger side. Bidders may always drop out (worth 0), so a surplus of
// bidders costs nothing; a surplus of objects would leave priced objects empty, which
// the optimum forbids and only a slow reverse auction could undo. So if there are at
// least as many doctors as places, doctors bid for places; otherwise each manager's
// places bid for doctors.
//
// Values are what the auction maximises: (C + score) × scale, C from cardinalityBonus so
// that the most doctors are matched first, and scale above the number of bidders so
// that ε = 1 at the end of the auction is exact (its answer is within one ε per bidder
// of the optimum, and optima are multiples of scale).
import { allowedRow, cardinalityBonus, newRow, placeCount, type Market } from './market'

/** Row r (a doctor, or a manager) bids for `column[start[r]..start[r+1])` at `value[…]`. */
export type Candidates = { start: Int32Array; column: Int32Array; value: Float64Array }

export type Orientation = 'doctors-bid' | 'places-bid'
export const orientation = (market: Market): Orientation =>
  market.doctors.length >= placeCount(market) ? 'doctors-bid' : 'places-bid'

/** How values are made from scores: (bonus + score) × scale. */
export type ValueScale = { bonus: number; scale: number }
export const valueScale = (market: Market, bonus = cardinalityBonus(market)): ValueScale => ({
  bonus,
  scale: Math.max(market.doctors.length, placeCount(market)) + 1,
})

/**
 * The pairs bidders start with: each doctor's `want` best-scoring allowed managers and
 * each manager's MANAGER_LIST_LENGTH best doctors (so that nobody's places go unlisted),
 * as compressed rows by doctor. Ties at a cut-off take a run of the tied pairs starting
 * at a point that differs by row, so that doctors with equal scores for many managers do
 * not all list the same few. Scores are small whole numbers, so cut-offs are found by
 * counting rather than sorting. Two passes over the matrix.
 */
export function startingPairs(market: Market, want: number): Pairs {
  const n = market.doctors.length
  const m = market.managers.length
  const levels = market.top + 2
  const row = newRow(market)
  const byManager = new Int32Array(m * levels)
  for (let i = 0; i < n; i++) {
    const size = allowedRow(market, i, row)
    for (let x = 0; x < size; x++) byManager[row.manager[x]! * levels + row.score[x]!]!++
  }
  const managerCut = Array.from({ length: m }, (_, o) =>
    cutOff(byManager.subarray(o * levels, (o + 1) * levels), MANAGER_LIST_LENGTH, o),
  )
  const seenByManager = new Int32Array(m)
  const count = new Int32Array(levels)
  const start = new Int32Array(n + 1)
  const manager: number[] = []
  const score: number[] = []
  for (let i = 0; i < n; i++) {
    const size = allowedRow(market, i, row)
    count.fill(0)
    for (let x = 0; x < size; x++) count[row.score[x]!]!++
    const mine = cutOff(count, want, i)
    let seen = 0
    for (let x = 0; x < size; x++) {
      const s = row.score[x]!
      const o = row.manager[x]!
      // Both counters move on every tied pair, so work out both before or-ing.
      const forDoctor = mine.keeps(s, s === mine.cut ? seen++ : 0)
      const forManager = managerCut[o]!.keeps(s, s === managerCut[o]!.cut ? seenByManager[o]!++ : 0)
      if (!forDoctor && !forManager) continue
      manager.push(o)
      score.push(s)
    }
    start[i + 1] = manager.length
  }
  return { start, manager: Int32Array.from(manager), score: Int32Array.from(score) }
}

/** Pairs by doctor: doctor i has `manager[start[i]..start[i+1])` at `score[…]`, managers in id order. */
export type Pairs = { start: Int32Array; manager: Int32Array; score: Int32Array }

/**
 * The bidders' lists: the starting pairs, plus `extra` pairs by doctor, plus every
 * allowed pair of the doctors in `allOf`, as rows of the bidding side (per doctor when
 * doctors bid, per manager when places bid) with values (bonus + score) × scale.
 */
export function candidates(
  market: Market,
  { bonus, scale }: ValueScale,
  side: Orientation,
  base: Pairs,
  extra: ReadonlyMap<number, ReadonlySet<number>>,
  allOf: ReadonlySet<number>,
): Candidates {
  const n = market.doctors.length
  const m = market.managers.length
  const row = newRow(market)
  const mark = new Uint8Array(m)
  const doctorStart = new Int32Array(n + 1)
  const manager: number[] = []
  const value: number[] = []
  const add = (o: number, s: number) => {
    if (mark[o]) return
    mark[o] = 1
    manager.push(o)
    value.push((bonus + s) * scale)
  }
  for (let i = 0; i < n; i++) {
    const from = manager.length
    if (allOf.has(i)) {
      const size = allowedRow(market, i, row)
      for (let x = 0; x < size; x++) add(row.manager[x]!, row.score[x]!)
    } else {
      for (let k = base.start[i]!; k < base.start[i + 1]!; k++) add(base.manager[k]!, base.score[k]!)
      const row0 = market.doctors[i]! * market.columns
      for (const o of extra.get(i) ?? []) add(o, market.points[row0 + market.managers[o]!]!)
    }
    for (let k = from; k < manager.length; k++) mark[manager[k]!] = 0
    doctorStart[i + 1] = manager.length
  }
  if (side === 'doctors-bid')
    return { start: doctorStart, column: Int32Array.from(manager), value: Float64Array.from(value) }
  // Places bid: the same pairs by manager, doctors in id order within each.
  const start = new Int32Array(m + 1)
  for (const o of manager) start[o + 1]!++
  for (let o = 0; o < m; o++) start[o + 1]! += start[o]!
  const fill = start.slice(0, m)
  const column = new Int32Array(manager.length)
  const values = new Float64Array(manager.length)
  for (let i = 0; i < n; i++)
    for (let k = doctorStart[i]!; k < doctorStart[i + 1]!; k++) {
      const at = fill[manager[k]!]!++
      column[at] = i
      values[at] = value[k]!
    }
  return { start, column, value: values }
}

/** Managers' own best doctors, per manager, so that nobody's places go unlisted. */
const MANAGER_LIST_LENGTH = 16

/**
 * Which scores make a list of `want` from a row with `count[s]` allowed pairs at score s:
 * all above the cut-off, and a run of those at it that starts at a point set by `row`.
 * `tiedIndex` numbers the row's pairs at the cut-off 0, 1, 2… as they are met.
 */
function cutOff(count: Int32Array, want: number, row: number) {
  let s = count.length - 1
  let room = want
  while (s > 0 && room > count[s - 1]!) room -= count[--s]!
  const cut = s - 1
  const atCut = s > 0 ? room : 0
  const tied = s > 0 ? count[cut]! : 0
  const firstTied = tied > 0 ? (row * 7919) % tied : 0
  const keeps = (score: number, tiedIndex: number) =>
    score > cut || (score === cut && (tiedIndex - firstTied + tied) % tied < atCut)
  return { cut, keeps }
}

/**
 * Duals from the auction, one per doctor and one per manager, such that pair (i, o) is
 * "fine" when value ≤ doctor[i] + manager[o] + 1 (ε-complementary slackness, ε = 1):
 * a doctor's profit and a manager's cheapest place when doctors bid; a doctor's price
 * and the least profit among a manager's places when places bid.
 */
export type Duals = { doctor: Float64Array; manager: Float64Array }

/**
 * The proof of optimality over the whole matrix, not just the lists: every allowed pair
 * must be fine under the duals. With every empty place (or unmatched doctor) priced 0,
 * which the auction sees to, the answer is then within one ε per bidder of the optimum
 * of the scaled problem, and so exactly optimal. Returns up to `most`
 * of the managers that break it by most, per doctor (none when the answer is proven).
 */
export function certify(market: Market, { bonus, scale }: ValueScale, duals: Duals, most = 8) {
  const row = newRow(market)
  const broken = new Map<number, number[]>()
  const by = new Float64Array(market.managers.length)
  for (let i = 0; i < market.doctors.length; i++) {
    const limit = duals.doctor[i]! + 1
    const size = allowedRow(market, i, row)
    let worst: number[] | undefined
    for (let x = 0; x < size; x++) {
      const o = row.manager[x]!
      const excess = (bonus + row.score[x]!) * scale - duals.manager[o]! - limit
      if (excess <= 0) continue
      by[o] = excess
      ;(worst ??= []).push(o)
    }
    if (worst) broken.set(i, worst.sort((a, b) => by[b]! - by[a]! || a - b).slice(0, most))
  }
  return broken
}
