// Exact ε-scaling auction (Bertsekas, "The auction algorithm: a distributed relaxation
// method", 1988; the reverse step from Bertsekas & Castañon 1992), over candidate lists.
//
// Bidders are units of a row, objects are slots of a column: when doctors bid, a doctor
// is one unit and a manager's places are its slots; when places bid (more places than
// doctors, see candidates.ts), a manager's places are its units and a doctor is one slot.
// A bidder bids for the column's cheapest slot. Every bidder may also drop out, worth 0
// at a price that never moves, so nothing is padded. Values and prices are whole
// numbers; ε falls by a factor each phase down to 1, when the answer is exact.
//
// The optimum leaves no priced slot empty. Bidding from the larger side makes that rare
// (only when hard requirements or exclusions keep people apart); when it happens, such a
// slot bids back (reverse auction) until someone takes it or its price reaches 0.
//
// Then the whole matrix is checked (certify); a bidder whose list was too short gets the
// pairs that broke the check and the auction runs again, warm. Each round adds pairs to
// lists, and with every pair listed the check cannot fail, so this ends.
import {
  candidates,
  startingPairs,
  certify,
  orientation,
  valueScale,
  type Candidates,
  type Duals,
  type ValueScale,
} from './candidates'
import { canPlaceMore, type Market, type MarketAssignment } from './market'

/** Managers per doctor to start with: enough for realistic cohorts to pass first time. */
export const DEFAULT_LIST_LENGTH = 64
/** How much ε falls per phase. */
const SCALING = 8

export function auctionAssignment(market: Market, listLength = DEFAULT_LIST_LENGTH): MarketAssignment {
  // C = 1 first: exact for the total among assignments of its size, and almost always
  // of the largest size too, which canPlaceMore checks; if not, the C that always is.
  const first = solve(market, valueScale(market, 1), listLength)
  if (!canPlaceMore(market, first)) return first
  return solve(market, valueScale(market), listLength)
}

function solve(market: Market, values: ValueScale, listLength: number) {
  const side = orientation(market)
  const base = startingPairs(market, listLength)
  const extra = new Map<number, Set<number>>()
  const allOf = new Set<number>()
  let auction = new Auction(market, values, candidates(market, values, side, base, extra, allOf))
  auction.run(auction.firstEpsilon())
  for (;;) {
    const broken = certify(market, values, auction.duals(), 256)
    if (broken.size === 0) return auction.assignment()
    // A doctor who dropped out must have found every pair no better than nothing, so
    // gets all their pairs at once; others get the pairs that broke the check.
    const out = auction.unplacedDoctors()
    for (const [i, os] of broken) {
      if (out.has(i)) allOf.add(i)
      const also = extra.get(i) ?? new Set<number>()
      for (const o of os) also.add(o)
      extra.set(i, also)
    }
    // Warm start: prices and places carry over.
    auction = auction.withLists(candidates(market, values, side, base, extra, allOf))
    auction.run(auction.firstEpsilon())
  }
}

class Auction {
  private readonly unitStart: Int32Array
  private readonly rowOf: Int32Array
  private readonly slotStart: Int32Array
  private readonly columnOf: Int32Array
  private readonly cheapest: Float64Array
  private readonly cheapestSlot: Int32Array
  private readonly nextCheapest: Float64Array

  constructor(
    private readonly market: Market,
    private readonly values: ValueScale,
    private readonly lists: Candidates,
    /** Per slot: price and the unit holding it (−1 if empty). */
    private readonly price?: Float64Array,
    private readonly holder?: Int32Array,
    /** Per unit: the slot held (−1 if none) and its value. */
    private readonly slotOf?: Int32Array,
    private readonly held?: Float64Array,
  ) {
    const doctorsBid = orientation(market) === 'doctors-bid'
    const n = market.doctors.length
    const m = market.managers.length
    const one = (count: number) => Int32Array.from({ length: count + 1 }, (_, k) => k)
    const byPlaces = new Int32Array(m + 1)
    for (let o = 0; o < m; o++) byPlaces[o + 1] = byPlaces[o]! + market.places[o]!
    this.unitStart = doctorsBid ? one(n) : byPlaces
    this.slotStart = doctorsBid ? byPlaces : one(n)
    this.rowOf = owners(this.unitStart)
    this.columnOf = owners(this.slotStart)
    const units = this.rowOf.length
    const slots = this.columnOf.length
    this.price ??= new Float64Array(slots)
    this.holder ??= new Int32Array(slots).fill(-1)
    this.slotOf ??= new Int32Array(units).fill(-1)
    this.held ??= new Float64Array(units)
    const columns = this.slotStart.length - 1
    this.cheapest = new Float64Array(columns)
    this.cheapestSlot = new Int32Array(columns)
    this.nextCheapest = new Float64Array(columns)
    for (let c = 0; c < columns; c++) this.reprice(c)
  }

  /** The same state with longer lists; values of pairs already held do not change. */
  withLists(lists: Candidates) {
    return new Auction(this.market, this.values, lists, this.price, this.holder, this.slotOf, this.held)
  }

  /** ε starts at a fraction of the largest value, so that early phases settle who is in. */
  firstEpsilon() {
    const { bonus, scale } = this.values
    return Math.max(1, Math.floor(((bonus + this.market.top) * scale) / SCALING))
  }

  run(firstEpsilon: number) {
    for (let epsilon = firstEpsilon; ; epsilon = Math.max(1, Math.floor(epsilon / SCALING))) {
      this.forwardPhase(epsilon)
      this.emptySlotsBidBack(epsilon)
      if (epsilon === 1) return
    }
  }

  /** Cheapest and second-cheapest slot of column c (the lower slot on equal prices). */
  private reprice(c: number) {
    let low = Infinity
    let next = Infinity
    let at = -1
    for (let q = this.slotStart[c]!; q < this.slotStart[c + 1]!; q++) {
      const p = this.price![q]!
      if (p < low) {
        next = low
        low = p
        at = q
      } else if (p < next) next = p
    }
    this.cheapest[c] = low
    this.cheapestSlot[c] = at
    this.nextCheapest[c] = next
  }

  private profit(u: number) {
    const q = this.slotOf![u]!
    return q === -1 ? 0 : this.held![u]! - this.price![q]!
  }

  private take(u: number, q: number, value: number) {
    this.holder![q] = u
    this.slotOf![u] = q
    this.held![u] = value
  }

  /** The best value − price in row r's list, floored at 0 (dropping out). */
  private bestOffer(r: number) {
    const { start, column, value } = this.lists
    let best = 0
    for (let k = start[r]!; k < start[r + 1]!; k++)
      best = Math.max(best, value[k]! - this.cheapest[column[k]!]!)
    return best
  }

  /**
   * Units whose slot no longer satisfies ε-complementary slackness at this ε (they could
   * do better by more than ε), and units without one that could gain more than ε, bid
   * until each holds a slot or prefers none. The rest keep their slots: most still fit,
   * and moving them would only leave priced slots empty.
   */
  private forwardPhase(epsilon: number) {
    const { start, column, value } = this.lists
    const units = this.rowOf.length
    const price = this.price!
    const holder = this.holder!
    const slotOf = this.slotOf!
    // A ring of units waiting to bid, in id order at first, so every run is the same.
    const queue = new Int32Array(units + 1)
    let head = 0
    let tail = 0
    for (let u = 0; u < units; u++) {
      const best = this.bestOffer(this.rowOf[u]!)
      const q = slotOf[u]!
      if (q === -1 ? best <= epsilon : this.held![u]! - price[q]! >= best - epsilon) continue
      if (q !== -1) {
        holder[q] = -1
        slotOf[u] = -1
      }
      queue[tail++] = u
    }
    while (head !== tail) {
      const u = queue[head]!
      head = head === units ? 0 : head + 1
      const r = this.rowOf[u]!
      let best = -Infinity
      let second = 0 // dropping out is always worth 0
      let bestArc = -1
      for (let k = start[r]!; k < start[r + 1]!; k++) {
        const v = value[k]! - this.cheapest[column[k]!]!
        if (v > best) {
          if (best > second) second = best
          best = v
          bestArc = k
        } else if (v > second) second = v
      }
      if (bestArc === -1 || best <= 0) continue // out is as good as anything: stays out
      const c = column[bestArc]!
      second = Math.max(second, value[bestArc]! - this.nextCheapest[c]!)
      const q = this.cheapestSlot[c]!
      const outbid = holder[q]!
      if (outbid !== -1) {
        slotOf[outbid] = -1
        queue[tail] = outbid
        tail = tail === units ? 0 : tail + 1
      }
      price[q] = value[bestArc]! - second + epsilon
      this.take(u, q, value[bestArc]!)
      this.reprice(c)
    }
  }

  /**
   * Reverse auction for empty slots with a price: each offers itself to the unit that
   * would gain most (value − that unit's profit), at a price ε under the runner-up's
   * gain, or drops to 0 if nobody would gain ε. A unit it takes leaves a slot that may
   * then do the same. Prices only fall and profits only rise, so this ends.
   */
  private emptySlotsBidBack(epsilon: number) {
    const price = this.price!
    const waiting: number[] = []
    for (let q = price.length - 1; q >= 0; q--) if (this.holder![q] === -1 && price[q]! > 0) waiting.push(q)
    if (waiting.length === 0) return
    const { start, column, value } = this.lists
    const rows = start.length - 1
    // Each column's arcs, to bid from the column's side.
    const into = new Int32Array(this.cheapest.length + 1)
    for (const c of column) into[c + 1]!++
    for (let c = 0; c < this.cheapest.length; c++) into[c + 1]! += into[c]!
    const fill = into.slice(0, -1)
    const arcs = new Int32Array(column.length)
    const rowOfArc = new Int32Array(column.length)
    for (let r = 0; r < rows; r++)
      for (let k = start[r]!; k < start[r + 1]!; k++) {
        rowOfArc[k] = r
        arcs[fill[column[k]!]!++] = k
      }
    while (waiting.length > 0) {
      const q = waiting.pop()!
      if (this.holder![q] !== -1 || price[q] === 0) continue
      const c = this.columnOf[q]!
      let best = -Infinity
      let second = -Infinity
      let bestUnit = -1
      let bestArc = -1
      for (let x = into[c]!; x < into[c + 1]!; x++) {
        const k = arcs[x]!
        const r = rowOfArc[k]!
        for (let u = this.unitStart[r]!; u < this.unitStart[r + 1]!; u++) {
          const gain = value[k]! - this.profit(u)
          if (gain > best) {
            second = best
            best = gain
            bestUnit = u
            bestArc = k
          } else if (gain > second) second = gain
        }
      }
      if (bestUnit === -1 || best < epsilon) {
        price[q] = 0
      } else {
        const left = this.slotOf![bestUnit]!
        price[q] = Math.max(0, second - epsilon)
        this.take(bestUnit, q, value[bestArc]!)
        if (left !== -1) {
          this.holder![left] = -1
          if (price[left]! > 0) waiting.push(left)
          this.reprice(this.columnOf[left]!)
        }
      }
      this.reprice(c)
    }
  }

  duals(): Duals {
    const doctorsBid = orientation(this.market) === 'doctors-bid'
    const rows = this.unitStart.length - 1
    // Per row, the least profit among its units (a row of one unit when doctors bid).
    const profit = new Float64Array(rows).fill(Infinity)
    for (let u = 0; u < this.rowOf.length; u++)
      profit[this.rowOf[u]!] = Math.min(profit[this.rowOf[u]!]!, this.profit(u))
    return doctorsBid
      ? { doctor: profit, manager: this.cheapest }
      : { doctor: this.cheapest, manager: profit }
  }

  unplacedDoctors() {
    const out = new Set<number>()
    this.assignment().forEach((o, i) => o === -1 && out.add(i))
    return out
  }

  /** Each doctor's open manager, or −1. */
  assignment(): MarketAssignment {
    const doctorsBid = orientation(this.market) === 'doctors-bid'
    const out = new Int32Array(this.market.doctors.length).fill(-1)
    for (let u = 0; u < this.rowOf.length; u++) {
      const q = this.slotOf![u]!
      if (q === -1) continue
      if (doctorsBid) out[this.rowOf[u]!] = this.columnOf[q]!
      else out[this.columnOf[q]!] = this.rowOf[u]!
    }
    return out
  }
}

/** For offsets `start`, the owner of each position: owners([0, 2, 3]) = [0, 0, 1]. */
function owners(start: Int32Array) {
  const out = new Int32Array(start[start.length - 1]!)
  for (let r = 0; r + 1 < start.length; r++) out.fill(r, start[r]!, start[r + 1]!)
  return out
}
