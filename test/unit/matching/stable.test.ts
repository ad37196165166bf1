import { expect } from 'chai'
import { blockingPairs, deferredAcceptance, type StablePreferences } from '../../../server/matching/stable'
import { seeded } from './fixtures'

// Gale & Shapley (1962), Example 2. Entry "r,s": man ranks woman r-th, woman ranks man s-th.
//          A     B     C     D
//    α   1,3   2,3   3,2   4,3
//    β   1,4   4,1   3,3   2,2
//    γ   2,2   1,4   3,4   4,1
//    δ   4,1   2,2   3,1   1,4
// The paper shows the only stable matching is αC, βD, γA, δB. Doctors are the men here.
const galeShapley: StablePreferences = {
  doctors: [
    { id: 'α', ranks: ['A', 'B', 'C', 'D'] },
    { id: 'β', ranks: ['A', 'D', 'C', 'B'] },
    { id: 'γ', ranks: ['B', 'A', 'C', 'D'] },
    { id: 'δ', ranks: ['D', 'B', 'C', 'A'] },
  ],
  managers: [
    { id: 'A', capacity: 1, ranks: ['δ', 'γ', 'α', 'β'] },
    { id: 'B', capacity: 1, ranks: ['β', 'δ', 'α', 'γ'] },
    { id: 'C', capacity: 1, ranks: ['δ', 'α', 'β', 'γ'] },
    { id: 'D', capacity: 1, ranks: ['γ', 'β', 'α', 'δ'] },
  ],
}

const pairsOf = (r: { pairs: { doctorId: string; managerId: string }[] }) =>
  r.pairs.map(p => `${p.doctorId}${p.managerId}`)

describe('stable matching (doctor-proposing deferred acceptance)', () => {
  it('finds the known stable matching of Gale and Shapley’s Example 2', () => {
    // α→A held; β→A rejected (A prefers α) → β→D held; γ→B held; δ→D rejected (D prefers β)
    // → δ→B, B prefers δ to γ; γ→A, A prefers γ to α; α→B rejected; α→C held.
    const result = deferredAcceptance(galeShapley)
    expect(pairsOf(result)).to.deep.equal(['αC', 'βD', 'γA', 'δB'])
    expect(result.pairs[0]).to.deep.equal({ doctorId: 'α', managerId: 'C', doctorRank: 3, managerRank: 2 })
    expect(result.unmatched).to.deep.equal([])
    expect(blockingPairs(result, galeShapley)).to.deep.equal([])
  })

  it('lists the blocking pairs of a deliberately unstable matching', () => {
    // αA βB γC δD: β has their last choice B and would rather have D (D ranks β 2nd, δ 4th)
    // or C (C ranks β 3rd, γ 4th); γ would rather have A, who ranks γ 2nd and α 3rd.
    const unstable = {
      pairs: ['αA', 'βB', 'γC', 'δD'].map(([doctorId, managerId]) => ({
        doctorId: doctorId!,
        managerId: managerId!,
      })),
    }
    expect(blockingPairs(unstable, galeShapley)).to.deep.equal([
      { doctorId: 'β', managerId: 'D', explanation: 'β ranks D number 2, above B, and D ranks β above δ' },
      { doctorId: 'β', managerId: 'C', explanation: 'β ranks C number 3, above B, and C ranks β above γ' },
      { doctorId: 'γ', managerId: 'A', explanation: 'γ ranks A number 2, above C, and A ranks γ above α' },
    ])
  })

  it('fills manager places, lets a manager trade up, and treats the unranked as unacceptable', () => {
    // X takes two, Y takes two.  ana: X, Y   ben: X   cat: X, Y   dan: X, Y   eve: Y
    // X ranks dan, cat, ana, ben;  Y ranks ana, cat, dan (not eve).
    // ana→X, ben→X (X full); cat→X, X drops ben (last); ben has no one left.
    // dan→X, X drops ana; ana→Y held; eve→Y but Y did not rank eve.
    const prefs: StablePreferences = {
      doctors: [
        { id: 'ana', ranks: ['X', 'Y'] },
        { id: 'ben', ranks: ['X'] },
        { id: 'cat', ranks: ['X', 'Y'] },
        { id: 'dan', ranks: ['X', 'Y'] },
        { id: 'eve', ranks: ['Y'] },
      ],
      managers: [
        { id: 'X', capacity: 2, ranks: ['dan', 'cat', 'ana', 'ben'] },
        { id: 'Y', capacity: 2, ranks: ['ana', 'cat', 'dan'] },
      ],
    }
    const result = deferredAcceptance(prefs)
    expect(pairsOf(result)).to.deep.equal(['anaY', 'catX', 'danX'])
    expect(result.unmatched).to.deep.equal(['ben', 'eve'])
    // Y still has a place, but eve is not acceptable to Y, so that is no blocking pair.
    expect(blockingPairs(result, prefs)).to.deep.equal([])
    expect(
      blockingPairs({ pairs: [{ doctorId: 'ana', managerId: 'X' }] }, prefs).map(b => b.explanation),
    ).to.include('cat ranks X first and has no partner, and X has a free place')
  })

  it('never pairs an excluded pair, even if both ranked each other first', () => {
    const prefs: StablePreferences = {
      doctors: [{ id: 'ana', ranks: ['X', 'Y'] }],
      managers: [
        { id: 'X', capacity: 1, ranks: ['ana'] },
        { id: 'Y', capacity: 1, ranks: ['ana'] },
      ],
      exclusions: [['ana', 'X']],
    }
    expect(pairsOf(deferredAcceptance(prefs))).to.deep.equal(['anaY'])
    expect(blockingPairs(deferredAcceptance(prefs), prefs)).to.deep.equal([])
  })

  it('leaves no blocking pair on random cohorts, whatever the input order', () => {
    const rng = seeded(5)
    for (let round = 0; round < 100; round++) {
      const doctors = Array.from({ length: rng.int(1, 20) }, (_, i) => `d${i}`)
      const managers = Array.from({ length: rng.int(1, 10) }, (_, j) => `m${j}`)
      const prefs: StablePreferences = {
        doctors: doctors.map(id => ({ id, ranks: rng.shuffle(managers).slice(0, rng.int(0, 5)) })),
        managers: managers.map(id => ({
          id,
          capacity: rng.int(1, 3),
          ranks: rng.shuffle(doctors).slice(0, rng.int(0, 5)),
        })),
      }
      const result = deferredAcceptance(prefs)
      expect(blockingPairs(result, prefs)).to.deep.equal([])
      expect(
        deferredAcceptance({ doctors: rng.shuffle(prefs.doctors), managers: rng.shuffle(prefs.managers) }),
      ).to.deep.equal(result)
    }
  })
})
