// Candidate lists for the auction: each doctor bids only among their best few managers,
// which is what makes the auction fast on a cohort of thousands. Lists are a guess, so
// the answer is then checked against every allowed pair (certificate.ts), and a doctor
// whose list turned out too short gets the pairs that broke the check.
//
// Values are what the auction maximises: (C + score) × scale, C from cardinalityBonus so
// that the most doctors are matched first, and scale above the number of bidders so
// that ε = 1 at the end of the auction is exact (its answer is within one ε per bidder
// of the optimum, and optima are multiples of scale).
import { cardinalityBonus, pairScore, placeCount, type Market } from './market'

/** Doctor i bids for managers `column[start[i]..start[i+1])` at `value[…]`. */
export type Candidates = { start: Int32Array; column: Int32Array; value: Float64Array }

/** How values are made from scores: (bonus + score) × scale. */
export type ValueScale = { bonus: number; scale: number }
export const valueScale = (market: Market, bonus = cardinalityBonus(market)): ValueScale => ({
  bonus,
  scale: Math.max(market.doctors.length, placeCount(market)) + 1,
})

/**
 * The listed pairs, by doctor: doctor i has `manager[start[i]..start[i+1])` at
 * `score[…]`. `ceiling[i]` is a score no unlisted allowed pair of doctor i beats
 * (−1 when every allowed pair is listed): what lets the certificate skip most pairs.
 */
export type Lists = {
  start: Int32Array
  manager: Int32Array
  score: Int16Array
  ceiling: Int16Array
  /**
   * For lists chosen at prices (pricedLists), per doctor the most any unlisted pair
   * was worth at those prices, value − price; prices only rise, so it stays a bound.
   */
  reach?: Float64Array
}

/** Each manager's own best doctors are listed too, so that nobody's places go unwanted. */
export const MANAGER_LIST_LENGTH = 8

/**
 * The pairs bidders start with: each doctor's `want` best-scoring allowed managers and
 * each manager's MANAGER_LIST_LENGTH best doctors, in one pass over the matrix.
 * Doctors with equal scores for many managers must not all list the same few, so ties
 * at a doctor's cut-off take a run of the tied managers starting at a point that
 * differs by doctor, and ties at a manager's take the doctors with the highest
 * mixed(doctor, manager), a fixed hash. Scores are small whole numbers, so a doctor's
 * cut-off is found by counting rather than sorting.
 */
export function startingLists(market: Market, want: number): Lists {
  const n = market.doctors.length
  const m = market.managers.length
  const row = new Int16Array(m)
  const count = new Int32Array(market.top + 1)
  const picks = new ManagerPicks(m, MANAGER_LIST_LENGTH)
  const start = new Int32Array(n + 1)
  const manager = new Int32Array(n * Math.min(want, m))
  const score = new Int16Array(manager.length)
  const ceiling = new Int16Array(n)
  let size = 0
  const { managers, columns, points, eligible } = market
  for (let i = 0; i < n; i++) {
    const base = market.doctors[i]! * columns
    const excluded = market.excluded.get(i)
    if (excluded) for (const o of excluded) row[o] = -2
    count.fill(0)
    let allowed = 0
    for (let o = 0; o < m; o++) {
      const k = base + managers[o]!
      if (row[o] === -2 || (eligible !== undefined && eligible[k] === 0)) {
        row[o] = -1
        continue
      }
      const s = points[k]!
      row[o] = s
      count[s]!++
      allowed++
      picks.offer(o, s, i)
    }
    if (allowed <= want) {
      ceiling[i] = -1
      for (let o = 0; o < m; o++) {
        if (row[o]! < 0) continue
        manager[size] = o
        score[size++] = row[o]!
      }
    } else {
      // The cut-off: every score above `cut`, and `take` of the `tied` pairs at it.
      let cut = market.top
      let room = want
      while (room > count[cut]!) room -= count[cut--]!
      const tied = count[cut]!
      const take = room
      const first = (i * 7919) % tied
      let below = cut - 1
      while (below >= 0 && count[below] === 0) below--
      ceiling[i] = take === tied ? below : cut
      let seen = 0
      for (let o = 0; o < m; o++) {
        const s = row[o]!
        if (s < cut || (s === cut && (seen++ - first + tied) % tied >= take)) continue
        manager[size] = o
        score[size++] = s
      }
    }
    start[i + 1] = size
  }
  const own = { start, manager: manager.subarray(0, size), score: score.subarray(0, size), ceiling }
  return withPairs(market, own, picks.byDoctor())
}

/** A fixed hash of a pair, to break ties among a manager's equal-scoring doctors. */
const mixed = (i: number, o: number) => (Math.imul(i ^ Math.imul(o, 0x2c1b3c6d), 0x297a2d39) >>> 16) & 0xffff

/**
 * Each manager's `keep` best doctors seen so far, by (score, mixed): a key of
 * score × 2¹⁶ + mixed, with the least key of each manager kept at hand so that most
 * pairs are turned away by one comparison.
 */
class ManagerPicks {
  private readonly key: Int32Array
  private readonly doctor: Int32Array
  private readonly least: Int32Array
  private readonly leastAt: Int32Array

  constructor(
    managers: number,
    private readonly keep: number,
  ) {
    this.key = new Int32Array(managers * keep).fill(-1)
    this.doctor = new Int32Array(managers * keep)
    this.least = new Int32Array(managers).fill(-1)
    this.leastAt = Int32Array.from({ length: managers }, (_, o) => o * keep)
  }

  offer(o: number, s: number, i: number) {
    if ((s << 16) + 0xffff <= this.least[o]!) return
    const key = (s << 16) + mixed(i, o)
    if (key <= this.least[o]!) return
    const { keep } = this
    this.key[this.leastAt[o]!] = key
    this.doctor[this.leastAt[o]!] = i
    let least = 0x7fffffff
    let at = 0
    for (let x = o * keep; x < (o + 1) * keep; x++)
      if (this.key[x]! < least) {
        least = this.key[x]!
        at = x
      }
    this.least[o] = least
    this.leastAt[o] = at
  }

  /** The picks as doctor → managers. */
  byDoctor() {
    const out = new Map<number, number[]>()
    for (let x = 0; x < this.key.length; x++) {
      if (this.key[x]! < 0) continue
      const i = this.doctor[x]!
      let mine = out.get(i)
      if (!mine) out.set(i, (mine = []))
      mine.push(Math.floor(x / this.keep))
    }
    return out
  }
}

/** `lists` with `more` pairs added (doctor → managers; pairs already listed are skipped). */
export function withPairs(market: Market, lists: Lists, more: ReadonlyMap<number, readonly number[]>): Lists {
  const n = lists.start.length - 1
  let extra = 0
  for (const os of more.values()) extra += os.length
  const start = new Int32Array(n + 1)
  const manager = new Int32Array(lists.manager.length + extra)
  const score = new Int16Array(manager.length)
  const listed = new Uint8Array(market.managers.length)
  let size = 0
  for (let i = 0; i < n; i++) {
    const from = size
    for (let k = lists.start[i]!; k < lists.start[i + 1]!; k++) {
      manager[size] = lists.manager[k]!
      score[size++] = lists.score[k]!
    }
    const add = more.get(i)
    if (add) {
      for (let k = from; k < size; k++) listed[manager[k]!] = 1
      for (const o of add) {
        if (listed[o]) continue
        const s = pairScore(market, i, o)
        if (s < 0) continue
        listed[o] = 1
        manager[size] = o
        score[size++] = s
      }
      for (let k = from; k < size; k++) listed[manager[k]!] = 0
    }
    start[i + 1] = size
  }
  return { ...lists, start, manager: manager.subarray(0, size), score: score.subarray(0, size) }
}

/** The doctors' lists with values (bonus + score) × scale. */
export function candidates(lists: Lists, { bonus, scale }: ValueScale): Candidates {
  const value = new Float64Array(lists.score.length)
  for (let k = 0; k < value.length; k++) value[k] = (bonus + lists.score[k]!) * scale
  return { start: lists.start, column: lists.manager, value }
}
