// The part of an assignment problem a solver sees: doctors still to place and managers
// with places left, both in id order, and the pairs allowed between them. Locks have
// already taken their places; exclusions and ineligible pairs are simply not allowed.
// Every solver (auction, dense JV, min-cost flow) works on this, so they cannot differ
// in how they read the problem, only in how they solve it.
//
// Scores stay in the caller's matrix (often a Uint8Array): nothing n × m is copied.

export type Market = {
  /** Doctors to place, in id order: `doctors[i]` is the row in the caller's matrix. */
  doctors: Int32Array
  /** Managers with places left, in id order: `managers[o]` is the column in the caller's matrix. */
  managers: Int32Array
  /** Places left per open manager. */
  places: Int32Array
  /** Columns in the caller's matrix, for `points[row * columns + column]`. */
  columns: number
  points: ArrayLike<number>
  eligible: ArrayLike<number> | undefined
  /** Excluded open managers of each doctor to place (usually none), by doctor index. */
  excluded: Map<number, Int32Array>
  /** The highest score anywhere in the matrix. */
  top: number
}

export const placeCount = (market: Market) => market.places.reduce((s, p) => s + p, 0)

/**
 * The managers doctor i may be paired with, in id order, written into `row.manager` and
 * `row.score`; returns how many. One call per doctor rather than per pair keeps the
 * loops over millions of pairs tight.
 */
export function allowedRow(market: Market, i: number, row: Row): number {
  const { managers, columns, points, eligible } = market
  const { manager, score, blocked } = row
  const base = market.doctors[i]! * columns
  const excluded = market.excluded.get(i)
  if (excluded) for (const o of excluded) blocked[o] = 1
  let size = 0
  for (let o = 0; o < managers.length; o++) {
    const k = base + managers[o]!
    if (blocked[o] === 1 || (eligible !== undefined && eligible[k] === 0)) continue
    manager[size] = o
    score[size++] = points[k]!
  }
  if (excluded) for (const o of excluded) blocked[o] = 0
  return size
}

/** One pair's score, or −1 if it is not allowed; for checks that visit a few pairs of a row. */
export function pairScore(market: Market, i: number, o: number) {
  const k = market.doctors[i]! * market.columns + market.managers[o]!
  if (market.eligible !== undefined && market.eligible[k] === 0) return -1
  const excluded = market.excluded.get(i)
  if (excluded) for (let x = 0; x < excluded.length; x++) if (excluded[x] === o) return -1
  return market.points[k]!
}

/** Scratch space for allowedRow, one per loop. */
export type Row = { manager: Int32Array; score: Int32Array; blocked: Uint8Array }
export const newRow = (market: Market): Row => ({
  manager: new Int32Array(market.managers.length),
  score: new Int32Array(market.managers.length),
  blocked: new Uint8Array(market.managers.length),
})

/**
 * The constant that makes "as many doctors as possible" come first when a solver
 * maximises the sum of (C + score), whatever the problem. Swapping along an augmenting
 * path adds one pair and changes at most min(doctors, places) − 1 others, each by at
 * most `top` points, so any assignment with one more pair is worth more once
 * C > top × min(doctors, places). Among assignments of the same size, C cancels and
 * only the total score counts. (The auction tries C = 1 first and checks the size
 * afterwards with canPlaceMore: a large C makes its prices climb a long way.)
 */
export const cardinalityBonus = (market: Market) =>
  market.top * Math.min(market.doctors.length, placeCount(market)) + 1

/** The result every solver returns: for each doctor to place, an open manager or −1. */
export type MarketAssignment = Int32Array

/**
 * Whether some doctor left out could still be placed by moving others along (an
 * augmenting path over allowed pairs): if not, the assignment matches as many doctors
 * as possible (Berge). One breadth-first search from every unplaced doctor at once.
 */
export function canPlaceMore(market: Market, assignment: MarketAssignment): boolean {
  const n = market.doctors.length
  const m = market.managers.length
  const load = new Int32Array(m)
  let placed = 0
  for (const o of assignment) {
    if (o === -1) continue
    load[o]!++
    placed++
  }
  // Everyone placed, or every place taken: nothing can be larger, no search needed.
  if (placed === n || placed === placeCount(market)) return false
  const memberStart = new Int32Array(m + 1)
  for (let o = 0; o < m; o++) memberStart[o + 1] = memberStart[o]! + load[o]!
  const fill = memberStart.slice(0, m)
  const members = new Int32Array(memberStart[m]!)
  assignment.forEach((o, i) => {
    if (o !== -1) members[fill[o]!++] = i
  })
  const seenDoctor = new Uint8Array(n)
  const seenManager = new Uint8Array(m)
  const queue: number[] = []
  assignment.forEach((o, i) => {
    if (o === -1) {
      seenDoctor[i] = 1
      queue.push(i)
    }
  })
  const row = newRow(market)
  for (let head = 0; head < queue.length; head++) {
    const size = allowedRow(market, queue[head]!, row)
    for (let x = 0; x < size; x++) {
      const o = row.manager[x]!
      if (seenManager[o]) continue
      seenManager[o] = 1
      if (load[o]! < market.places[o]!) return true
      for (let k = memberStart[o]!; k < memberStart[o + 1]!; k++) {
        const d = members[k]!
        if (!seenDoctor[d]) {
          seenDoctor[d] = 1
          queue.push(d)
        }
      }
    }
  }
  return false
}
