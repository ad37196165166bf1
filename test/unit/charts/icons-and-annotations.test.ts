import { expect } from 'chai'
import { annotationMarks, frameFor } from '../../../server/charts/chart-frame'
import { ASSURANCE_TEXT, VARIATION_TEXT, assuranceIconSvg, variationIconSvg } from '../../../server/charts/mdc-icons'

describe('Making Data Count icons', () => {
  it('draws each variation icon in its colour with H or L, hidden from screen readers, with words for every icon', () => {
    const improvementHigh = variationIconSvg('improvement-high')
    expect(improvementHigh).to.contain('aria-hidden="true"').and.contain('stroke="#005eb8"').and.contain('>H</text>')
    expect(variationIconSvg('concern-low')).to.contain('stroke="#ed8b00"').and.contain('>L</text>')
    expect(variationIconSvg('neither-high')).to.contain('stroke="#330072"').and.contain('>H</text>')
    const common = variationIconSvg('common-cause')
    expect(common).to.contain('stroke="#768692"').and.not.contain('<text')
    expect(VARIATION_TEXT['improvement-low'].text).to.equal('The latest point is unusually low, and lower is better.')
    expect(Object.keys(VARIATION_TEXT)).to.have.length(7)
  })

  it('draws P, F and ? for the assurance icons', () => {
    expect(assuranceIconSvg('consistently-pass')).to.contain('>P</text>').and.contain('#005eb8')
    expect(assuranceIconSvg('consistently-fail')).to.contain('>F</text>').and.contain('#ed8b00')
    expect(assuranceIconSvg('hit-and-miss')).to.contain('>?</text>')
    expect(ASSURANCE_TEXT['hit-and-miss'].heading).to.equal('Hit and miss')
  })
})

describe('chart annotations', () => {
  it('places each at its index, between points when it falls between dates, in three label rows, left of its line near the right edge', () => {
    // 5 points across 640 − 56 − 20 = 564 wide: 141 a step, starting at x = 56.
    const frame = frameFor(5, [0, 10])
    const marks = annotationMarks(frame, [
      { index: 4, label: 'PDSA 3' },
      { index: 0.5, label: 'PDSA 1 <a&b>' },
      { index: 2, label: 'PDSA 2' },
    ])
    expect(marks).to.have.length(3)
    expect(marks[0]).to.contain('x1="126.5"').and.contain('y="30"').and.contain('PDSA 1 &lt;a&amp;b&gt;')
    expect(marks[1]).to.contain('x1="338"').and.contain('y="43"')
    expect(marks[2]).to.contain('x1="620"').and.contain('y="56"').and.contain('text-anchor="end"')
  })
})
