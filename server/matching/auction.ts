// Exact ε-scaling auction (Bertsekas, "The auction algorithm: a distributed relaxation
// method", 1988), over candidate lists, on the problem made square without padding it.
//
// Doctors bid for manager places ("slots"), one doctor at a time (Gauss–Seidel), so each
// bid sees every price before it; a doctor bids for the cheapest slot of the manager
// worth most to them at the prices, and raises its price to ε beyond the point where
// their next best would do as well. Values and prices are whole numbers; ε falls by a
// factor each phase down to 1, when the answer is exact.
//
// Leaving someone out, or a place empty, is the same as sitting anyone in any slot at
// value 0. So the auction runs on a square problem: as many bidders as slots, the
// shorter side made up with stand-ins (doctors who value nothing, or places nobody
// values), and everyone may always take the cheapest slot of all at value 0 (found by
// a tournament tree, cheapest-slots.ts). Square, every slot ends held, which is what a
// forward auction needs to be exact; no reverse auction. A doctor who holds a slot at
// value 0 is unmatched, and that place is empty.
//
// Lists: doctors bid among a few managers each (candidates.ts, priced-lists.ts), and
// the certificate (certificate.ts) checks, after each phase, the unlisted pairs that
// could break ε-complementary slackness; a doctor whose list was too short gets the
// pairs that broke it. At ε = 1 the check must pass on the lists the last phase ran on,
// which makes the answer exact over the whole matrix. Each failed check adds pairs, and
// with every pair listed it cannot fail, so this ends.
//
// Nothing here depends on the order of anything but the market (doctors and managers
// in id order), so the same cohort always gets the same pairs (decision 005).
import { CheapestSlots } from './cheapest-slots'
import {
  candidates,
  startingLists,
  valueScale,
  withPairs,
  type Candidates,
  type Lists,
  type ValueScale,
} from './candidates'
import { certify, type Duals } from './certificate'
import { pricedLists } from './priced-lists'
import { canPlaceMore, placeCount, type Market, type MarketAssignment } from './market'

/** Managers per doctor to start with: enough for realistic cohorts to pass first time. */
export const DEFAULT_LIST_LENGTH = 24
/** How much ε falls per phase. */
const SCALING = 6

export function auctionAssignment(market: Market, listLength = DEFAULT_LIST_LENGTH): MarketAssignment {
  if (market.doctors.length === 0 || market.managers.length === 0)
    return new Int32Array(market.doctors.length).fill(-1)
  // C = 1 first: exact for the total among assignments of its size, and almost always
  // of the largest size too, which canPlaceMore checks; if not, the C that always is.
  const first = solve(market, valueScale(market, 1), startingLists(market, listLength), listLength)
  if (!canPlaceMore(market, first.assignment)) return first.assignment
  return solve(market, valueScale(market), first.lists, listLength).assignment
}

/** Once no more than this share of doctors break the check after a phase, lists are chosen again by worth. */
const SETTLED = 0.2

/**
 * The ε-scaling phases, with lists in three stages. Lists by score are a poor guess
 * where everyone wants the same managers, but they set first prices; then each
 * doctor's list gains the managers worth most at those prices; phases go on, the
 * certificate adding what breaks it, until prices have settled enough to choose every
 * list by worth alone. At ε = 1 the certificate must pass on the lists the last phase
 * ran on.
 */
function solve(market: Market, values: ValueScale, lists: Lists, listLength: number) {
  const auction = new Auction(market, candidates(lists, values))
  const complete = !lists.ceiling.some(c => c >= 0)
  let stage = complete ? 'priced' : 'scores'
  const first = Math.max(1, Math.floor(((values.bonus + market.top) * values.scale) / SCALING))
  for (let epsilon = first; ; epsilon = Math.max(1, Math.floor(epsilon / SCALING))) {
    for (;;) {
      auction.phase(epsilon)
      if (stage === 'scores') {
        stage = 'widened'
        lists = pricedLists(market, listLength, values, auction.prices(), lists)
        auction.setLists(candidates(lists, values))
        break
      }
      const broken = certify(market, lists, values, auction.duals(), epsilon)
      if (stage === 'widened' && broken.size <= SETTLED * market.doctors.length) {
        stage = 'priced'
        lists = pricedLists(market, listLength, values, auction.prices())
      } else if (broken.size > 0) lists = withPairs(market, lists, broken)
      else if (epsilon === 1) return { assignment: auction.assignment(), lists }
      auction.setLists(candidates(lists, values))
      if (epsilon > 1) break
    }
  }
}

class Auction {
  private readonly doctors: number
  private readonly units: number
  private readonly slotStart: Int32Array
  private readonly columnOf: Int32Array
  /** Per slot: price and the bidder holding it (−1 if none). */
  private readonly price: Float64Array
  private readonly holder: Int32Array
  /** Per bidder: the slot held (−1 if none) and what it is worth to them. */
  private readonly slotOf: Int32Array
  private readonly held: Float64Array
  /** Per manager: their cheapest slot, its price, and the next price up. */
  private readonly cheapest: Float64Array
  private readonly cheapestSlot: Int32Array
  private readonly nextCheapest: Float64Array
  private readonly cheapestOfAll: CheapestSlots

  constructor(
    private readonly market: Market,
    private lists: Candidates,
  ) {
    const m = market.managers.length
    this.doctors = market.doctors.length
    const places = placeCount(market)
    // Bidders: doctors, then stand-ins if places outnumber them. Slots: managers'
    // places, then, if doctors outnumber places, a column of stand-in places.
    this.units = Math.max(this.doctors, places)
    const columns = this.doctors > places ? m + 1 : m
    this.slotStart = new Int32Array(columns + 1)
    for (let o = 0; o < m; o++) this.slotStart[o + 1] = this.slotStart[o]! + market.places[o]!
    this.slotStart[columns] = this.units
    this.columnOf = new Int32Array(this.units)
    for (let c = 0; c < columns; c++) this.columnOf.fill(c, this.slotStart[c]!, this.slotStart[c + 1]!)
    this.price = new Float64Array(this.units)
    this.holder = new Int32Array(this.units).fill(-1)
    this.slotOf = new Int32Array(this.units).fill(-1)
    this.held = new Float64Array(this.units)
    this.cheapest = new Float64Array(columns)
    this.cheapestSlot = new Int32Array(columns)
    this.nextCheapest = new Float64Array(columns)
    for (let c = 0; c < columns; c++) this.reprice(c)
    this.cheapestOfAll = new CheapestSlots(this.price)
  }

  /** Longer lists; the values of pairs already held do not change. */
  setLists(lists: Candidates) {
    this.lists = lists
  }

  /** Cheapest and second-cheapest slot of column c (the lower slot on equal prices). */
  private reprice(c: number) {
    const price = this.price
    let low = Infinity
    let next = Infinity
    let at = -1
    for (let q = this.slotStart[c]!; q < this.slotStart[c + 1]!; q++) {
      const p = price[q]!
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

  /**
   * Bidders whose slot no longer satisfies ε-complementary slackness at this ε (they
   * could do better by more than ε) let it go; then every bidder without a slot bids,
   * in a ring, until all hold one. The rest keep their slots: most still fit.
   */
  phase(epsilon: number) {
    const { start, column, value } = this.lists
    const { price, holder, slotOf, held, cheapest, units, doctors } = this
    // A ring of bidders waiting to bid, in id order at first, so every run is the same.
    const queue = new Int32Array(units + 1)
    let head = 0
    let tail = 0
    const anywhere = -price[this.cheapestOfAll.cheapest()]!
    for (let u = 0; u < units; u++) {
      const q = slotOf[u]!
      if (q !== -1) {
        let best = anywhere
        if (u < doctors)
          for (let k = start[u]!; k < start[u + 1]!; k++) {
            const v = value[k]! - cheapest[column[k]!]!
            if (v > best) best = v
          }
        if (held[u]! - price[q]! >= best - epsilon) continue
        holder[q] = -1
        slotOf[u] = -1
      }
      queue[tail++] = u
    }
    while (head !== tail) {
      const u = queue[head]!
      head = head === units ? 0 : head + 1
      const outbid = this.bid(u, epsilon)
      if (outbid !== -1) {
        queue[tail] = outbid
        tail = tail === units ? 0 : tail + 1
      }
    }
  }

  /** Bidder u takes the slot worth most to them; returns whom they displaced, or −1. */
  private bid(u: number, epsilon: number) {
    const { start, column, value } = this.lists
    const { price, cheapest, cheapestOfAll } = this
    let best = -Infinity
    let second = -Infinity
    let bestArc = -1
    if (u < this.doctors)
      for (let k = start[u]!; k < start[u + 1]!; k++) {
        const v = value[k]! - cheapest[column[k]!]!
        if (v > best) {
          second = best
          best = v
          bestArc = k
        } else if (v > second) second = v
      }
    const anywhere = cheapestOfAll.cheapest()
    let q: number
    let w: number
    if (bestArc !== -1 && best >= -price[anywhere]!) {
      const c = column[bestArc]!
      q = this.cheapestSlot[c]!
      w = value[bestArc]!
      second = Math.max(
        second,
        w - this.nextCheapest[c]!,
        -(q === anywhere ? cheapestOfAll.cheapestPriceBut(q) : price[anywhere]!),
      )
    } else {
      // Sitting in the cheapest slot of all, at value 0, beats every listed manager.
      q = anywhere
      w = 0
      second = Math.max(best, -cheapestOfAll.cheapestPriceBut(q))
    }
    // With nothing else to want (one slot in all), any rise will do.
    price[q] = second === -Infinity ? price[q]! + epsilon : w - second + epsilon
    const outbid = this.holder[q]!
    if (outbid !== -1) this.slotOf[outbid] = -1
    this.holder[q] = u
    this.slotOf[u] = q
    this.held[u] = w
    this.reprice(this.columnOf[q]!)
    cheapestOfAll.update(q)
    return outbid
  }

  prices() {
    return this.cheapest.subarray(0, this.market.managers.length)
  }

  /** A doctor's profit and a manager's cheapest slot: what the certificate checks pairs against. */
  duals(): Duals {
    const doctor = new Float64Array(this.doctors)
    for (let i = 0; i < this.doctors; i++) doctor[i] = this.held[i]! - this.price[this.slotOf[i]!]!
    return { doctor, manager: this.cheapest.subarray(0, this.market.managers.length) }
  }

  /** Each doctor's manager, or −1 for those sitting at value 0. */
  assignment(): MarketAssignment {
    const out = new Int32Array(this.doctors).fill(-1)
    for (let i = 0; i < this.doctors; i++) if (this.held[i]! > 0) out[i] = this.columnOf[this.slotOf[i]!]!
    return out
  }
}
