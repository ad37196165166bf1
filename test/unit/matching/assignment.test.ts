import { expect } from 'chai'
import { solveAssignment, type PairIds } from '../../../server/matching/assignment'
import { greedyAssignment } from '../../../server/matching/greedy'
import { bruteForce, expectFeasible, grid, randomProblem, seeded, shuffled } from './fixtures'

const pairsOf = (a: { pairs: { doctorId: string; managerId: string }[] }) =>
  a.pairs.map(p => `${p.doctorId}-${p.managerId}`)

describe('optimal assignment', () => {
  it('beats greedy when the highest pair is the wrong one to take', () => {
    const problem = grid(`
            X:1  Y:1
      ana    90   80
      ben    85   10
      cat    20   30
    `)
    // Greedy takes ana–X (90), then the best pair left with Y is cat–Y (30): total 120.
    // Every pair of pairs on different managers, for comparison:
    //   ana–X + ben–Y = 100   ana–X + cat–Y = 120   ana–Y + ben–X = 165
    //   ana–Y + cat–X = 100   ben–X + cat–Y = 115   ben–Y + cat–X = 30
    // so the optimum is ana–Y + ben–X = 165, and cat waits because both managers are full.
    const greedy = greedyAssignment(problem)
    expect(pairsOf(greedy)).to.deep.equal(['ana-X', 'cat-Y'])
    expect(greedy.total).to.equal(120)

    const best = solveAssignment(problem)
    expect(pairsOf(best)).to.deep.equal(['ana-Y', 'ben-X'])
    expect(best).to.include({ matched: 2, total: 165 })
    expect(best.unmatched).to.deep.equal([
      {
        doctorId: 'cat',
        reason: 'eligible-managers-full',
        explanation: 'all 2 managers they could be paired with are full',
      },
    ])
  })

  it('matches as many doctors as possible before it looks at the total', () => {
    // ana–X alone scores 100; ana–Y + ben–X scores 1 + 50 = 51 but places both doctors.
    const problem = grid(`
            X:1  Y:1
      ana   100    1
      ben    50    –
    `)
    expect(pairsOf(solveAssignment(problem))).to.deep.equal(['ana-Y', 'ben-X'])
    expect(solveAssignment(problem).total).to.equal(51)
  })

  it('fills a manager up to their capacity and no further', () => {
    // Everyone prefers X, who takes two: the two who gain most over Y get X.
    // ana gains 50, ben 40, cat 10: ana and ben go to X (90 + 80), cat to Y (40): 210.
    const problem = grid(`
            X:2  Y:1
      ana    90   40
      ben    80   40
      cat    50   40
    `)
    const result = solveAssignment(problem)
    expect(pairsOf(result)).to.deep.equal(['ana-X', 'ben-X', 'cat-Y'])
    expect(result.total).to.equal(210)
  })

  it('never pairs an excluded pair, even the best one', () => {
    const problem = grid(
      `
            X:1  Y:1
      ana    90   10
      ben    20   30
      `,
      { exclusions: [['ana', 'X']] },
    )
    expect(pairsOf(solveAssignment(problem))).to.deep.equal(['ana-Y', 'ben-X'])
  })

  it('keeps locked pairs, which use up the manager’s places', () => {
    // ana is locked to Y (10) though X would be better. X's one place goes to ben (80)
    // rather than cat (60); Y's second place goes to cat (50). Total 10 + 80 + 50 = 140,
    // against ben–Y + cat–X = 70 + 60 = 130.
    const problem = grid(
      `
            X:1  Y:2
      ana    90   10
      ben    80   70
      cat    60   50
      `,
      { locked: [['ana', 'Y']] },
    )
    const result = solveAssignment(problem)
    expect(result.pairs).to.deep.equal([
      { doctorId: 'ana', managerId: 'Y', score: 10, locked: true },
      { doctorId: 'ben', managerId: 'X', score: 80, locked: false },
      { doctorId: 'cat', managerId: 'Y', score: 50, locked: false },
    ])
    expect(result.total).to.equal(140)
  })

  it('refuses locks it cannot keep', () => {
    const problem = grid(`
            X:1
      ana    90
      ben    80
    `)
    const both: PairIds[] = [
      ['ana', 'X'],
      ['ben', 'X'],
    ]
    expect(() => solveAssignment({ ...problem, locked: both })).to.throw('more locked pairs than places')
    expect(() =>
      solveAssignment({ ...problem, locked: [['ana', 'X']], exclusions: [['ana', 'X']] }),
    ).to.throw('both locked and excluded')
    expect(() => solveAssignment({ ...problem, locked: [['zed', 'X']] })).to.throw('not in this cohort')
  })

  it('says why each unmatched doctor is unmatched', () => {
    // ana is the only one placed. ben: no manager meets the requirements. cat: excluded
    // from both. dan: X went to ana (50 beats 30) and Y is ruled out. eve: excluded from
    // Y and X is ruled out.
    const problem = grid(
      `
            X:1  Y:0
      ana    50    –
      ben     –    –
      cat    40   40
      dan    30    –
      eve     –   60
      `,
      {
        exclusions: [
          ['cat', 'X'],
          ['cat', 'Y'],
          ['eve', 'Y'],
        ],
      },
    )
    const result = solveAssignment(problem)
    expect(pairsOf(result)).to.deep.equal(['ana-X'])
    expect(result.unmatched).to.deep.equal([
      {
        doctorId: 'ben',
        reason: 'no-eligible-manager',
        explanation: "no manager meets the cohort's requirements for this doctor",
      },
      { doctorId: 'cat', reason: 'excluded-from-all', explanation: 'excluded from every manager' },
      {
        doctorId: 'dan',
        reason: 'eligible-managers-full',
        explanation: 'the one manager they could be paired with is full',
      },
      {
        doctorId: 'eve',
        reason: 'excluded-from-all',
        explanation: "excluded from every manager who meets the cohort's requirements",
      },
    ])
    const noManagers = solveAssignment({ doctors: [{ id: 'ana' }], managers: [], scores: { points: [] } })
    expect(noManagers.unmatched).to.deep.equal([
      { doctorId: 'ana', reason: 'no-managers', explanation: 'there are no managers in the cohort' },
    ])
  })

  it('breaks ties the same way whatever order the cohort is listed in', () => {
    // ana–X + ben–Y = 70 + 40 and ana–Y + ben–X = 50 + 60 both make 110. Which one is
    // chosen is the solver's on the id-sorted problem (decision 005), so listing the
    // cohort backwards must not change it.
    const forwards = grid(`
            X:1  Y:1
      ana    70   50
      ben    60   40
    `)
    const backwards = grid(`
            Y:1  X:1
      ben    40   60
      ana    50   70
    `)
    const chosen = solveAssignment(forwards)
    expect(chosen.total).to.equal(110)
    expect(solveAssignment(backwards)).to.deep.equal(chosen)
    // One place, equal scores: one of the two, the same one both ways round.
    const onePlace = solveAssignment(
      grid(`
            X:1
      ana     5
      ben     5
    `),
    )
    expect(onePlace.matched).to.equal(1)
    expect(
      solveAssignment(
        grid(`
            X:1
      ben     5
      ana     5
    `),
      ),
    ).to.deep.equal(onePlace)
  })

  it('gives the same pairs whatever order the input is in', () => {
    const rng = seeded(7)
    for (let round = 0; round < 20; round++) {
      const problem = randomProblem(rng, 30, 12, 3)
      const expected = solveAssignment(problem)
      for (let k = 0; k < 3; k++) expect(solveAssignment(shuffled(problem, rng))).to.deep.equal(expected)
    }
  })

  it('agrees with exhaustive search on hundreds of small random problems', () => {
    const rng = seeded(2024)
    for (let round = 0; round < 400; round++) {
      const problem = randomProblem(rng, rng.int(1, 8), rng.int(1, 4))
      const expected = bruteForce(problem)
      const result = solveAssignment(problem)
      const context = `round ${round}: ${JSON.stringify(problem)}`
      expect({ matched: result.matched, total: result.total }, context).to.deep.equal({
        matched: expected.matched,
        total: expected.total,
      })
      expectFeasible(problem, result, context)
    }
  })

  it('honours capacities, exclusions, requirements and locks on larger random problems', () => {
    const rng = seeded(99)
    for (let round = 0; round < 10; round++) {
      const problem = randomProblem(rng, 120, 50, 101)
      expectFeasible(problem, solveAssignment(problem), `round ${round}`)
    }
  })
})
