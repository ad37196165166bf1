// Rebasing and frozen baselines, in the maths and on the drawings. Expected
// values are worked out by hand in the comments.
import { expect } from 'chai'
import { runChartSvg } from '../../../server/charts/run-chart-svg'
import { assuranceIcon, runChart, segmentsOf, variationIcon, xmr } from '../../../server/charts/spc'
import { xmrChartSvg } from '../../../server/charts/xmr-svg'

const close = (actual: number, expected: number) => expect(actual).to.be.closeTo(expected, 1e-9)

describe('chart periods (rebasing and frozen baselines)', () => {
  it('cuts a series at its rebase points, ignoring 0, repeats, fractions and points past the end', () => {
    expect(segmentsOf(5, [0, 3, 3, 7, 2.5])).to.deep.equal([{ start: 0, end: 3 }, { start: 3, end: 5 }])
    expect(segmentsOf(4)).to.deep.equal([{ start: 0, end: 4 }])
    expect(segmentsOf(0, [2])).to.deep.equal([])
  })

  it('gives each run-chart period its own median, so a step change is not one long pair of shifts', () => {
    const values = [5, 6, 5, 6, 5, 6, 20, 21, 20, 21, 20, 21]
    // One median: (6 + 20) / 2 = 13, six points below and six above.
    expect(runChart(values).shifts).to.deep.equal([{ start: 0, end: 5 }, { start: 6, end: 11 }])
    const rebased = runChart(values, { rebaseAt: [6] })
    expect(rebased.medians).to.deep.equal([5.5, 5.5, 5.5, 5.5, 5.5, 5.5, 20.5, 20.5, 20.5, 20.5, 20.5, 20.5])
    expect(rebased.shifts).to.deep.equal([])
    expect(rebased.trends).to.deep.equal([])
  })

  it('judges later points against a frozen baseline median', () => {
    const values = [10, 12, 10, 12, 10, 12, 14, 15, 14, 15, 14, 15, 14, 15]
    // All 14: the 7th and 8th of 10,10,10,12,12,12,14,14,14,14,15,15,15,15 are 14 and 14 → median 14.
    // The six baseline points are below it; the 14s sit on it, so only four 15s are above: one shift.
    const open = runChart(values)
    expect(open.medians[0]).to.equal(14)
    expect(open.shifts).to.deep.equal([{ start: 0, end: 5 }])
    // Frozen after 6: median of 10,12,10,12,10,12 = 11; index 5 (12) and everything after are above: 9 in a row.
    const frozen = runChart(values, { baselineLength: 6 })
    expect(frozen.medians.every(m => m === 11)).to.equal(true)
    expect(frozen.shifts).to.deep.equal([{ start: 5, end: 13 }])
  })

  it('freezes each XmR period’s limits after its first n points, and flags the later point beyond them', () => {
    const values = [9, 11, 9, 11, 9, 11, 19, 21, 19, 21, 19, 21, 30]
    const points = xmr(values, { rebaseAt: [6], baselineLength: 4 })
    // Period 1 from 9,11,9,11: mean 10, moving ranges 2,2,2 → limits 10 ± 5.32.
    close(points[0]!.limits!.upper, 15.32)
    close(points[5]!.limits!.lower, 4.68)
    // Period 2 from 19,21,19,21: mean 20 → limits 14.68 to 25.32; 30 is beyond, and the latest point.
    close(points[6]!.limits!.mean, 20)
    close(points[12]!.limits!.upper, 25.32)
    expect(points.flatMap((p, i) => (p.rules.includes('outside-limits') ? [i] : []))).to.deep.equal([12])
    expect(variationIcon(points, 'up')).to.equal('improvement-high')
    expect(variationIcon(points, 'down')).to.equal('concern-high')
    // Assurance reads the latest limits: a target of 14 (up) is below 14.68 → pass; 26 is above 25.32 → fail.
    expect(assuranceIcon(points, 14, 'up')).to.equal('consistently-pass')
    expect(assuranceIcon(points, 26, 'up')).to.equal('consistently-fail')
    expect(assuranceIcon(points, 26, 'down')).to.equal('consistently-pass')
    expect(assuranceIcon(points, 14, 'down')).to.equal('consistently-fail')
    expect(assuranceIcon(points, 20, 'down')).to.equal('hit-and-miss')
  })

  it('has no limits for a period of one point, and so no icon until the next point comes', () => {
    const points = xmr([5, 6, 5, 6, 9], { rebaseAt: [4] })
    expect(points[4]!.limits).to.equal(undefined)
    expect(variationIcon(points, 'up')).to.equal(undefined)
    expect(assuranceIcon(points, 3, 'up')).to.equal(undefined)
  })
})

describe('drawing periods and too few points', () => {
  it('draws one median per period and says which median it reports', () => {
    const values = [5, 6, 5, 6, 5, 6, 20, 21, 20, 21, 20, 21]
    const svg = runChartSvg({ id: 'r', title: 'T', labels: [], values, rebaseAt: [6], annotations: [{ index: 5.5, label: 'PDSA 1' }] })
    expect(svg.match(/class="median"/g)).to.have.length(2)
    expect(svg).to.contain('<desc id="r-desc">12 points, latest median 20.5. No signals. Marked: PDSA 1.</desc>')
    expect(svg).to.not.contain('NaN')
  })

  it('draws an empty frame, without NaN or Infinity, when there is no data, and says so', () => {
    for (const svg of [
      runChartSvg({ id: 'a', title: 'T', labels: [], values: [] }),
      xmrChartSvg({ id: 'b', title: 'T', labels: [], points: [], direction: 'up' }),
    ]) {
      expect(svg).to.contain('No data yet.')
      expect(svg).to.not.match(/NaN|Infinity/)
      expect(svg).to.not.contain('class="point')
    }
  })

  it('draws a single point with no limits, saying there are too few for them', () => {
    const svg = xmrChartSvg({ id: 'x', title: 'T', labels: ['1 March 2026'], points: xmr([4]), direction: 'up', target: 5 })
    expect(svg).to.contain('<desc id="x-desc">1 point. Too few points for process limits. Target 5.</desc>')
    expect(svg).to.not.match(/NaN|Infinity/)
    expect(svg).to.not.contain('class="upper-limit"')
    expect(svg.match(/class="point common-cause"/g)).to.have.length(1)
  })

  it('colours special causes purple when neither direction is better', () => {
    const points = xmr([10, 12, 11, 13, 12, 11, 10, 12, 11, 30])
    const svg = xmrChartSvg({ id: 'n', title: 'T', labels: [], points, direction: 'neither' })
    expect(svg.match(/<circle class="point neither" [^>]*fill="#330072"/g)).to.have.length(10)
    expect(svg).to.not.contain('improvement').and.not.contain('concern')
  })
})
