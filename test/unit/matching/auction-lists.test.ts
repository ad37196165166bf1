// The auction as it runs on large cohorts: doctors bid among short candidate lists, and
// the certificate must catch every pair the lists left out that matters. Small problems
// fit in a default list whole, so here the lists are cut to one to four managers to
// make the certificate, the lists chosen at prices and the warm restarts do the work.
import { expect } from 'chai'
import { randomCohort } from '../../../scripts/bench/cohort'
import { seeded as benchSeeded } from '../../../scripts/bench/random'
import { solveAssignment, type AssignmentProblem } from '../../../server/matching/assignment'
import { auctionAssignment } from '../../../server/matching/auction'
import { DEFAULT_WEIGHTS, scoreMatrix } from '../../../server/matching/scoring'
import { bruteForce, expectFeasible, grid, randomProblem, seeded, shuffled } from './fixtures'

const shortLists = (length: number) => (market: Parameters<typeof auctionAssignment>[0]) =>
  auctionAssignment(market, length)
const summary = ({ matched, total }: { matched: number; total: number }) => ({ matched, total })

/** A generated cohort like the benchmark's, small: scores with many ties, the odd exclusion. */
function cohort(seed: number, doctors: number, managers: number, required: ('site' | 'specialty')[] = []) {
  const { doctors: ds, managers: ms, exclusions } = randomCohort(benchSeeded(seed), doctors, managers)
  const scores = scoreMatrix(ds, ms, { weights: { ...DEFAULT_WEIGHTS, preference: 0 }, required })
  return { doctors: ds, managers: ms, scores, exclusions } satisfies AssignmentProblem
}

describe('auction over short candidate lists', () => {
  it('agrees with exhaustive search on hundreds of small problems with lists of one or two', () => {
    const rng = seeded(404)
    for (let round = 0; round < 300; round++) {
      const problem = randomProblem(rng, rng.int(1, 8), rng.int(2, 5), rng.int(2, 101))
      const expected = bruteForce(problem)
      for (const length of [1, 2]) {
        const context = `round ${round}, lists of ${length}: ${JSON.stringify(problem)}`
        const result = solveAssignment(problem, shortLists(length))
        expect(summary(result), context).to.deep.equal(summary(expected))
        expectFeasible(problem, result, context)
      }
    }
  })

  it('still matches as many doctors as possible first, with lists of one', () => {
    // ana lists X, her best (and Y, whose only possible doctor she is); ben lists X.
    // Worth most by score alone, ana–X (100) leaves ben out; the second run, with
    // placing everyone first, must find ana–Y + ben–X.
    const problem = grid(`
            X:1  Y:1
      ana   100    1
      ben    50    –
    `)
    const result = solveAssignment(problem, shortLists(1))
    expect(result.pairs.map(p => `${p.doctorId}-${p.managerId}`)).to.deep.equal(['ana-Y', 'ben-X'])
    expect(summary(result)).to.deep.equal({ matched: 2, total: 51 })
  })

  it('agrees with dense JV on mid-sized problems, however few managers each doctor lists', () => {
    const rng = seeded(505)
    for (let round = 0; round < 12; round++) {
      const doctors = rng.int(20, 80)
      const problem = randomProblem(rng, doctors, rng.int(10, 60), rng.int(3, 101))
      const expected = summary(solveAssignment(problem, 'jv'))
      for (const length of [1, 3]) {
        const result = solveAssignment(problem, shortLists(length))
        expect(summary(result), `round ${round}, lists of ${length}`).to.deep.equal(expected)
        expectFeasible(problem, result, `round ${round}`)
      }
    }
  })

  it('agrees with dense JV on generated cohorts, with more doctors than places and fewer', () => {
    const cases: [number, number, ('site' | 'specialty')[]][] = [
      [240, 120, []],
      [150, 120, []],
      [200, 100, ['site']],
      [120, 150, ['specialty']],
    ]
    cases.forEach(([doctors, managers, required], k) => {
      const problem = cohort(k + 1, doctors, managers, required)
      const expected = summary(solveAssignment(problem, 'jv'))
      for (const length of [2, 6]) {
        const result = solveAssignment(problem, shortLists(length))
        expect(summary(result), `cohort ${k}, lists of ${length}`).to.deep.equal(expected)
        expectFeasible(problem, result, `cohort ${k}`)
      }
    })
  })

  it('gives the same pairs however the cohort is listed, with short lists too', () => {
    const rng = seeded(606)
    for (let round = 0; round < 8; round++) {
      const problem = randomProblem(rng, rng.int(15, 50), rng.int(8, 30), 4)
      const expected = solveAssignment(problem, shortLists(2))
      for (let k = 0; k < 2; k++)
        expect(solveAssignment(shuffled(problem, rng), shortLists(2))).to.deep.equal(expected)
    }
  })
})
