// The three exact solvers behind solveAssignment: the auction Tandem uses, and the dense
// JV and min-cost-flow solvers it is checked against. They may pick different optima
// when several tie, so they are compared on what defines an optimum: matched, total.
import { expect } from 'chai'
import { solveAssignment, type AssignmentProblem, type SolverName } from '../../../server/matching/assignment'
import { bruteForce, expectFeasible, grid, randomProblem, seeded, shuffled, type Random } from './fixtures'

const SOLVERS: SolverName[] = ['auction', 'jv', 'flow']
const summary = (problem: AssignmentProblem, solver: SolverName) => {
  const { matched, total } = solveAssignment(problem, solver)
  return { matched, total }
}

/** A random problem of another shape: rectangular either way, some doctors nobody can take. */
function oddProblem(rng: Random, doctors: number, managers: number) {
  const problem = randomProblem(rng, doctors, managers, rng.int(2, 101))
  const m = problem.managers.length
  const eligible = Array.from(problem.scores.eligible!)
  for (let d = 0; d < doctors; d++) if (rng.next() < 0.05) eligible.fill(0, d * m, (d + 1) * m)
  const locked = (problem.locked ?? []).filter(
    ([d]) => eligible[problem.doctors.findIndex(x => x.id === d) * m],
  )
  return { ...problem, scores: { ...problem.scores, eligible }, locked }
}

describe('exact solvers', () => {
  it('solve hand-checked cases the same way', () => {
    // Cardinality before score: ana–X alone is 100, but ana–Y + ben–X places both (51).
    const both = grid(`
            X:1  Y:1
      ana   100    1
      ben    50    –
    `)
    // Capacity: X takes the two who gain most over Y (ana +50, ben +40): 90 + 80 + 40.
    const capacity = grid(`
            X:2  Y:1
      ana    90   40
      ben    80   40
      cat    50   40
    `)
    // More places than doctors, and a doctor nobody may take. Z has one place: ana–Y +
    // ben–Z = 20 + 30 beats ana–Z + ben–X = 30 + 10.
    const spare = grid(`
            X:3  Y:2  Z:1
      ana    10   20   30
      ben    10    –   30
      cat     –    –    –
    `)
    for (const solver of SOLVERS) {
      expect(summary(both, solver), solver).to.deep.equal({ matched: 2, total: 51 })
      expect(
        solveAssignment(both, solver).pairs.map(p => p.managerId),
        solver,
      ).to.deep.equal(['Y', 'X'])
      expect(summary(capacity, solver), solver).to.deep.equal({ matched: 3, total: 210 })
      expect(summary(spare, solver), solver).to.deep.equal({ matched: 2, total: 50 })
      expect(
        solveAssignment(spare, solver).unmatched.map(u => u.reason),
        solver,
      ).to.deep.equal(['no-eligible-manager'])
    }
  })

  it('agree with exhaustive search on hundreds of random problems of up to 8 doctors', () => {
    const rng = seeded(31)
    for (let round = 0; round < 300; round++) {
      const problem = oddProblem(rng, rng.int(1, 8), rng.int(1, 5))
      const { matched, total } = bruteForce(problem)
      for (const solver of SOLVERS) {
        const context = `${solver}, round ${round}: ${JSON.stringify(problem)}`
        const result = solveAssignment(problem, solver)
        expect({ matched: result.matched, total: result.total }, context).to.deep.equal({ matched, total })
        expectFeasible(problem, result, context)
      }
    }
  })

  it('agree with each other on mid-sized problems, keeping places, exclusions and locks', () => {
    const rng = seeded(77)
    for (let round = 0; round < 12; round++) {
      const doctors = rng.int(20, 90)
      const problem = oddProblem(rng, doctors, rng.int(5, doctors))
      const context = `round ${round}`
      const expected = summary(problem, 'flow')
      for (const solver of SOLVERS) {
        expect(summary(problem, solver), `${solver}, ${context}`).to.deep.equal(expected)
        expectFeasible(problem, solveAssignment(problem, solver), `${solver}, ${context}`)
      }
    }
  })

  it('give the same pairs however the cohort is listed', () => {
    const rng = seeded(5)
    for (let round = 0; round < 15; round++) {
      const problem = oddProblem(rng, rng.int(10, 60), rng.int(3, 25))
      for (const solver of SOLVERS) {
        const expected = solveAssignment(problem, solver)
        for (let k = 0; k < 2; k++)
          expect(solveAssignment(shuffled(problem, rng), solver), solver).to.deep.equal(expected)
      }
    }
  })
})
