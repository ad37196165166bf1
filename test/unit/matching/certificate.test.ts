// The certificate that lets the auction bid over short lists and still be exact, and
// the bounds it trusts: each list's ceiling (no unlisted pair scores more) and reach (no
// unlisted pair was worth more at the prices the list was chosen at).
import { expect } from 'chai'
import { solveAssignment, type AssignmentProblem } from '../../../server/matching/assignment'
import { startingLists, valueScale, withPairs, type Lists } from '../../../server/matching/candidates'
import { certify } from '../../../server/matching/certificate'
import { jvAssignment } from '../../../server/matching/jv-dense'
import { pairScore, type Market } from '../../../server/matching/market'
import { pricedLists } from '../../../server/matching/priced-lists'
import { grid, randomProblem, seeded } from './fixtures'

/** The market solveAssignment builds from a problem (doctors and managers in id order). */
function marketOf(problem: AssignmentProblem) {
  let market: Market | undefined
  solveAssignment(problem, built => {
    market = built
    return jvAssignment(built)
  })
  return market!
}

/** Lists by hand: doctor i lists `managers[i]`; the ceiling is what the unlisted score at most. */
function listsOf(market: Market, managers: number[][]): Lists {
  const start = new Int32Array(managers.length + 1)
  managers.forEach((os, i) => (start[i + 1] = start[i]! + os.length))
  const flat = managers.flat()
  const ceiling = Int16Array.from(managers, (os, i) => {
    let top = -1
    for (let o = 0; o < market.managers.length; o++)
      if (!os.includes(o)) top = Math.max(top, pairScore(market, i, o))
    return top
  })
  return {
    start,
    manager: Int32Array.from(flat),
    score: Int16Array.from(flat, (o, k) => pairScore(market, [...start].findIndex(s => s > k) - 1, o)),
    ceiling,
  }
}

describe('optimality certificate', () => {
  // ana: X 90, Y 10; ben: X 20, Y 30. The best is ana–X + ben–Y = 120, but a list that
  // leaves X out of ana's gives at best ana–Y + ben–X = 30.
  const problem = grid(`
          X:1  Y:1
    ana    90   10
    ben    20   30
  `)
  const market = marketOf(problem)
  const values = valueScale(market, 1) // values (1 + score) × 3: 33 for ana–Y, 63 for ben–X, 93 for ben–Y
  // Duals that prove ana–Y + ben–X best among the listed pairs: profits 0 and 60,
  // prices X 3 and Y 33 (ana–Y: 0 + 33 = 33, ben–X: 60 + 3 = 63, ben–Y: 60 + 33 ≥ 93 − 1).
  const duals = { doctor: Float64Array.of(0, 60), manager: Float64Array.of(3, 33) }

  it('rejects a list that leaves out a pair the optimum needs, naming it', () => {
    const lists = listsOf(market, [[1], [0, 1]])
    // ana–X is worth 91 × 3 = 273 against 0 + 3 + 1: it breaks the check.
    expect([...certify(market, lists, values, duals)]).to.deep.equal([[0, [0]]])
    // At ε = 270 it would not: 273 ≤ 0 + 3 + 270.
    expect(certify(market, lists, values, duals, 270).size).to.equal(0)
  })

  it('passes when nothing is left out, and never names a pair that may not be made', () => {
    expect(
      certify(
        market,
        listsOf(market, [
          [0, 1],
          [0, 1],
        ]),
        values,
        duals,
      ).size,
    ).to.equal(0)
    const excluded = marketOf({ ...problem, exclusions: [['ana', 'X']] })
    expect(certify(excluded, listsOf(excluded, [[1], [0, 1]]), values, duals).size).to.equal(0)
    const ruledOut = marketOf({ ...problem, scores: { ...problem.scores, eligible: [0, 1, 1, 1] } })
    expect(certify(ruledOut, listsOf(ruledOut, [[1], [0, 1]]), values, duals).size).to.equal(0)
  })

  it('passes once the pairs it named are added, with duals that prove the new optimum', () => {
    const lists = withPairs(market, listsOf(market, [[1], [0, 1]]), new Map([[0, [0]]]))
    // ana–X + ben–Y: profits 270 and 90, prices X 3 and Y 3 (ana–Y: 270 + 3 ≥ 33, ben–X: 90 + 3 ≥ 63).
    const proof = { doctor: Float64Array.of(270, 90), manager: Float64Array.of(3, 3) }
    expect(certify(market, lists, values, proof).size).to.equal(0)
  })
})

describe('candidate lists', () => {
  /** Every unlisted allowed pair keeps within the list's ceiling and, if priced, its reach. */
  function expectBounds(market: Market, lists: Lists, price?: Float64Array) {
    const { bonus, scale } = valueScale(market, 1)
    for (let i = 0; i < market.doctors.length; i++) {
      const listed = new Set(lists.manager.subarray(lists.start[i]!, lists.start[i + 1]!))
      for (const o of listed) expect(pairScore(market, i, o), `doctor ${i} lists ${o}`).to.be.at.least(0)
      for (let o = 0; o < market.managers.length; o++) {
        const s = pairScore(market, i, o)
        if (s < 0 || listed.has(o)) continue
        expect(s, `doctor ${i}, manager ${o}`).to.be.at.most(lists.ceiling[i]!)
        if (price) expect((bonus + s) * scale - price[o]!).to.be.at.most(lists.reach![i]!)
      }
    }
  }

  it('by score: each doctor’s best, each manager’s best doctors, and a true ceiling', () => {
    const rng = seeded(21)
    for (let round = 0; round < 20; round++) {
      const market = marketOf(randomProblem(rng, rng.int(5, 40), rng.int(3, 30), rng.int(2, 30)))
      const want = rng.int(1, 6)
      const lists = startingLists(market, want)
      expectBounds(market, lists)
      for (let i = 0; i < market.doctors.length; i++) {
        let allowed = 0
        for (let o = 0; o < market.managers.length; o++) if (pairScore(market, i, o) >= 0) allowed++
        expect(lists.start[i + 1]! - lists.start[i]!).to.be.at.least(Math.min(want, allowed))
      }
    }
  })

  it('by worth at prices: the most valuable at those prices, with true ceiling and reach', () => {
    const rng = seeded(22)
    for (let round = 0; round < 20; round++) {
      const market = marketOf(randomProblem(rng, rng.int(5, 40), rng.int(3, 30), rng.int(2, 30)))
      const price = Float64Array.from(market.managers, () => rng.int(0, 500))
      const want = rng.int(1, 6)
      const lists = pricedLists(market, want, valueScale(market, 1), price)
      expectBounds(market, lists, price)
      const { bonus, scale } = valueScale(market, 1)
      for (let i = 0; i < market.doctors.length; i++)
        for (let k = lists.start[i]!; k < lists.start[i + 1]!; k++)
          expect((bonus + lists.score[k]!) * scale - price[lists.manager[k]!]!).to.be.at.least(
            lists.reach![i]!,
          )
      // Keeping earlier lists keeps their pairs and the priced bounds.
      const kept = pricedLists(market, want, valueScale(market, 1), price, startingLists(market, 2))
      expectBounds(market, kept, price)
    }
  })
})
