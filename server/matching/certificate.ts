// The proof that the auction's answer is optimal over the whole matrix, not just the
// candidate lists, without looking at most of the matrix.
//
// The auction ends with duals: one number per doctor and one per manager, such that a
// pair (i, o) is "fine" when its value ≤ doctor[i] + manager[o] + 1 (ε-complementary
// slackness at ε = 1). Listed pairs are fine by construction. If every unlisted allowed
// pair is fine too, every empty place (or unmatched doctor) is priced 0 and nobody's
// profit is negative, which the auction sees to, then no assignment beats this one by
// as much as one scale step, and values are multiples of the scale: it is optimal.
//
// Checking every pair would read the whole matrix again (200 million pairs at
// 20,000 × 10,000). But an unlisted pair of doctor i scores at most ceiling[i], so it
// can only break the check at a manager whose dual is below
// (bonus + ceiling[i]) × scale − doctor[i] − 1. With managers sorted by dual, each
// doctor reads only the pairs of those managers, which are few once the auction has
// priced the popular managers up.
import type { Lists, ValueScale } from './candidates'
import type { Market } from './market'

/**
 * Duals from the auction, one per doctor and one per manager: a doctor's profit and a
 * manager's cheapest place when doctors bid; a doctor's price and the least profit
 * among a manager's places when places bid.
 */
export type Duals = { doctor: Float64Array; manager: Float64Array }

/**
 * The unlisted pairs that break the check at `epsilon`, as doctor → up to `most`
 * managers, those that break it by most first (an empty map when the answer is
 * proven optimal, at ε = 1).
 */
export function certify(
  market: Market,
  lists: Lists,
  { bonus, scale }: ValueScale,
  duals: Duals,
  epsilon = 1,
  most = 64,
) {
  const m = market.managers.length
  const order = Int32Array.from({ length: m }, (_, o) => o).sort(
    (a, b) => duals.manager[a]! - duals.manager[b]! || a - b,
  )
  const sorted = Float64Array.from(order, o => duals.manager[o]!)
  // The matrix column of each manager in that order, so the walk reads the row directly.
  const column = Int32Array.from(order, o => market.managers[o]!)
  const { points, eligible, columns } = market
  const blocked = new Uint8Array(m)
  const broken = new Map<number, number[]>()
  const excess = new Float64Array(m)
  for (let i = 0; i < lists.ceiling.length; i++) {
    const ceiling = lists.ceiling[i]!
    if (ceiling < 0) continue
    const slack = duals.doctor[i]! + epsilon
    if (lists.reach && lists.reach[i]! <= slack) continue
    const below = (bonus + ceiling) * scale - slack
    if (!(sorted[0]! < below)) continue
    const base = market.doctors[i]! * columns
    const excluded = market.excluded.get(i)
    if (excluded) for (const o of excluded) blocked[o] = 1
    let worst: number[] | undefined
    for (let x = 0; x < m && sorted[x]! < below; x++) {
      const k = base + column[x]!
      if (eligible !== undefined && eligible[k] === 0) continue
      const by = (bonus + points[k]!) * scale - sorted[x]! - slack
      if (by <= 0 || blocked[order[x]!] === 1) continue
      const o = order[x]!
      excess[o] = by
      ;(worst ??= []).push(o)
    }
    if (excluded) for (const o of excluded) blocked[o] = 0
    if (worst)
      broken.set(
        i,
        worst.length <= most ? worst : worst.sort((a, b) => excess[b]! - excess[a]! || a - b).slice(0, most),
      )
  }
  return broken
}
