import { expect } from 'chai'
import { suggestProgress, type ProgressEvidence } from '../../../server/projects/progress-score'

const none: ProgressEvidence = { charterComplete: false, pdsaPlanned: 0, pdsaCompleted: 0, measuresWithBaseline: 0, improvementSignals: 0, sustainedImprovement: 0 }

describe('suggested progress score (IHI scale)', () => {
  it('starts at 0.5 and names the charter as the next step', () => {
    const s = suggestProgress(none)
    expect(s.score).to.equal(0.5)
    expect(s.next?.score).to.equal(1)
  })

  it('climbs one step for each piece of evidence, in order', () => {
    const cases: [Partial<ProgressEvidence>, number][] = [
      [{ charterComplete: true }, 1],
      [{ charterComplete: true, pdsaPlanned: 1 }, 1.5],
      [{ charterComplete: true, pdsaPlanned: 2, measuresWithBaseline: 1 }, 2],
      [{ charterComplete: true, pdsaPlanned: 2, measuresWithBaseline: 1, pdsaCompleted: 1 }, 2.5],
      [{ charterComplete: true, pdsaPlanned: 2, measuresWithBaseline: 1, pdsaCompleted: 1, improvementSignals: 1 }, 3],
      [{ charterComplete: true, pdsaPlanned: 2, measuresWithBaseline: 2, pdsaCompleted: 1, improvementSignals: 2 }, 3.5],
      [{ charterComplete: true, pdsaPlanned: 3, measuresWithBaseline: 2, pdsaCompleted: 2, improvementSignals: 2, sustainedImprovement: 1 }, 4],
      [{ charterComplete: true, pdsaPlanned: 3, measuresWithBaseline: 2, pdsaCompleted: 2, improvementSignals: 2, sustainedImprovement: 2 }, 4.5],
    ]
    for (const [evidence, score] of cases) expect(suggestProgress({ ...none, ...evidence }).score, JSON.stringify(evidence)).to.equal(score)
  })

  it('does not skip a missing step: a signal without a completed cycle stays at 2.0', () => {
    const s = suggestProgress({ ...none, charterComplete: true, pdsaPlanned: 1, measuresWithBaseline: 1, improvementSignals: 1 })
    expect(s.score).to.equal(2)
    expect(s.next?.evidence).to.equal('A change has been tested: a PDSA cycle studied and acted on')
    expect(s.reasons).to.have.length(4)
  })

  it('never suggests 5.0, and has no next step after 4.5', () => {
    const s = suggestProgress({ charterComplete: true, pdsaPlanned: 9, pdsaCompleted: 9, measuresWithBaseline: 9, improvementSignals: 9, sustainedImprovement: 9 })
    expect(s.score).to.equal(4.5)
    expect(s.next).to.equal(undefined)
  })
})
