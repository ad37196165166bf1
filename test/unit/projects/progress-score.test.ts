import { expect } from 'chai'
import { PROGRESS_SCORES } from '../../../models/qi-project'
import { PROGRESS_SCALE_NAMES, progressSteps, suggestProgress, type ProgressEvidence } from '../../../server/projects/progress-score'

const none: ProgressEvidence = { charterComplete: false, pdsaPlanned: 0, pdsaCompleted: 0, measuresWithBaseline: 0, improvementSignals: 0, sustainedImprovement: 0 }
const upTo25: ProgressEvidence = { ...none, charterComplete: true, pdsaPlanned: 1, measuresWithBaseline: 1, pdsaCompleted: 1 }

describe('suggested progress score (IHI scale)', () => {
  it('starts at 0.5 and names the charter as the next step', () => {
    const s = suggestProgress(none)
    expect(s.score).to.equal(0.5)
    expect(s.reasons).to.deep.equal(['0.5 Intent: the project has been started'])
    expect(s.next).to.deep.include({ score: 1, name: 'Charter' })
  })

  it('climbs one step for each piece of evidence, in order', () => {
    const cases: [Partial<ProgressEvidence>, number][] = [
      [{ charterComplete: true }, 1],
      [{ charterComplete: true, pdsaPlanned: 1 }, 1.5],
      [{ charterComplete: true, pdsaPlanned: 2, measuresWithBaseline: 1 }, 2],
      [upTo25, 2.5],
      [{ ...upTo25, improvementSignals: 1 }, 3],
      [{ ...upTo25, measuresWithBaseline: 2, improvementSignals: 2 }, 3.5],
      [{ ...upTo25, measuresWithBaseline: 2, improvementSignals: 2, sustainedImprovement: 1 }, 4],
      [{ ...upTo25, measuresWithBaseline: 2, improvementSignals: 2, sustainedImprovement: 2 }, 4.5],
    ]
    for (const [evidence, score] of cases) expect(suggestProgress({ ...none, ...evidence }).score, JSON.stringify(evidence)).to.equal(score)
  })

  it('does not skip a missing step: a signal without a studied cycle stays at 2.0', () => {
    const s = suggestProgress({ ...none, charterComplete: true, pdsaPlanned: 1, measuresWithBaseline: 1, improvementSignals: 1, sustainedImprovement: 1 })
    expect(s.score).to.equal(2)
    expect(s.next?.evidence).to.equal('a PDSA cycle has been carried out and studied')
    expect(s.reasons).to.have.length(4)
  })

  it('does not count evidence on an incomplete charter', () => {
    expect(suggestProgress({ ...upTo25, charterComplete: false, improvementSignals: 3 }).score).to.equal(0.5)
  })

  it('reaches 3.5 and 4.0 with one measure whose improvement has held', () => {
    // The measures work may count a measure as held without counting it as a signal: it still improves.
    const held = suggestProgress({ ...upTo25, improvementSignals: 0, sustainedImprovement: 1 })
    expect(held.score).to.equal(4)
    expect(held.reasons.slice(-3)).to.deep.equal([
      '3.0 Modest improvement: a measure shows special-cause improvement',
      '3.5 Improvement: more than one measure shows special-cause improvement, or improvement has held on one',
      '4.0 Significant improvement: improvement has held on a measure',
    ])
    expect(held.next).to.deep.include({ score: 4.5, name: 'Sustainable improvement' })
    // One measure improving, not yet held: 3.0, with 3.5 next.
    expect(suggestProgress({ ...upTo25, improvementSignals: 1 }).next?.score).to.equal(3.5)
  })

  it('never suggests 5.0, and has no next step after 4.5', () => {
    const s = suggestProgress({ charterComplete: true, pdsaPlanned: 9, pdsaCompleted: 9, measuresWithBaseline: 9, improvementSignals: 9, sustainedImprovement: 9 })
    expect(s.score).to.equal(4.5)
    expect(s.next).to.equal(undefined)
    expect(s.reasons).to.have.length(9)
  })

  it('names every score on the scale, and its steps are the scale below 5.0', () => {
    expect(PROGRESS_SCORES.map(score => PROGRESS_SCALE_NAMES[score])).to.not.include(undefined)
    expect(progressSteps(none).map(s => s.score)).to.deep.equal(PROGRESS_SCORES.filter(s => s < 5))
  })
})
