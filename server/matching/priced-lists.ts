// Candidate lists chosen at the auction's prices: each doctor's managers worth most,
// value − price. Lists by score (candidates.ts) are a poor guess where everyone wants
// the same popular managers: the optimum sends many doctors to managers far down their
// scores, but cheap. Once the auction's first phases show who is in demand, lists by
// worth find those managers.
//
// One pass over the matrix; a small min-heap per doctor keeps the best so far, so most
// pairs cost one comparison. What the heap turns away sets the doctor's bounds for the
// certificate: the highest score (ceiling) and the highest worth (reach) left out.
// Prices only rise in the auction, so reach stays a bound as the auction goes on.
import type { Lists, ValueScale } from './candidates'
import type { Market } from './market'

/**
 * Each doctor's `want` managers worth most at `price` (per manager), plus, when `keep`
 * is given, every pair it lists.
 */
export function pricedLists(
  market: Market,
  want: number,
  { bonus, scale }: ValueScale,
  price: Float64Array,
  keep?: Lists,
): Lists {
  const { managers, columns, points, eligible } = market
  const n = market.doctors.length
  const m = managers.length
  const k = Math.max(1, Math.min(want, m))
  const heapWorth = new Float64Array(k)
  const heapManager = new Int32Array(k)
  // 1: kept (listed whatever its worth); 2: excluded.
  const mark = new Uint8Array(m)
  const start = new Int32Array(n + 1)
  const manager = new Int32Array(n * k + (keep ? keep.manager.length : 0))
  const score = new Int16Array(manager.length)
  const ceiling = new Int16Array(n)
  const reach = new Float64Array(n)
  const worthOf = Float64Array.from({ length: market.top + 1 }, (_, s) => (bonus + s) * scale)
  let size = 0
  for (let i = 0; i < n; i++) {
    const base = market.doctors[i]! * columns
    const excluded = market.excluded.get(i)
    if (excluded) for (const o of excluded) mark[o] = 2
    if (keep)
      for (let x = keep.start[i]!; x < keep.start[i + 1]!; x++) {
        const o = keep.manager[x]!
        mark[o] = 1
        manager[size] = o
        score[size++] = keep.score[x]!
      }
    let kept = 0
    let top = -1
    let most = -Infinity
    let least = -Infinity // the heap's least worth, once it is full
    for (let o = 0; o < m; o++) {
      const at = base + managers[o]!
      if ((eligible !== undefined && eligible[at] === 0) || mark[o] !== 0) continue
      const s = points[at]!
      const w = worthOf[s]! - price[o]!
      if (w <= least) {
        if (w > most) most = w
        if (s > top) top = s
        continue
      }
      if (kept === k) {
        // The least leaves the heap for good: it bounds what is left out.
        const out = heapManager[0]!
        if (least > most) most = least
        const outScore = points[base + managers[out]!]!
        if (outScore > top) top = outScore
        siftDown(heapWorth, heapManager, k, w, o)
      } else siftUp(heapWorth, heapManager, kept++, w, o)
      if (kept === k) least = heapWorth[0]!
    }
    for (let x = 0; x < kept; x++) {
      const o = heapManager[x]!
      manager[size] = o
      score[size++] = points[base + managers[o]!]!
    }
    if (keep) for (let x = keep.start[i]!; x < keep.start[i + 1]!; x++) mark[keep.manager[x]!] = 0
    if (excluded) for (const o of excluded) mark[o] = 0
    ceiling[i] = top
    reach[i] = most
    start[i + 1] = size
  }
  return { start, manager: manager.subarray(0, size), score: score.subarray(0, size), ceiling, reach }
}

/** Puts (w, o) at position `at` of a min-heap of worths and moves it up into place. */
function siftUp(worth: Float64Array, manager: Int32Array, at: number, w: number, o: number) {
  while (at > 0) {
    const up = (at - 1) >> 1
    if (worth[up]! <= w) break
    worth[at] = worth[up]!
    manager[at] = manager[up]!
    at = up
  }
  worth[at] = w
  manager[at] = o
}

/** Replaces the root of a full min-heap of `size` with (w, o) and moves it down into place. */
function siftDown(worth: Float64Array, manager: Int32Array, size: number, w: number, o: number) {
  let at = 0
  for (;;) {
    let child = 2 * at + 1
    if (child >= size) break
    if (child + 1 < size && worth[child + 1]! < worth[child]!) child++
    if (worth[child]! >= w) break
    worth[at] = worth[child]!
    manager[at] = manager[child]!
    at = child
  }
  worth[at] = w
  manager[at] = o
}
