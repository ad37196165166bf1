// Expected values below are worked out by hand in the comments.
import { expect } from 'chai'
import { assuranceIcon, astronomicalPoints, limitsOf, median, shifts, trends, variationIcon, xmr } from '../../server/charts/spc'

const close = (actual: number, expected: number) => expect(actual).to.be.closeTo(expected, 1e-9)
const flagged = (points: ReturnType<typeof xmr>, rule: string) => points.flatMap((p, i) => (p.rules.includes(rule as never) ? [i] : []))

describe('run chart rules (IHI)', () => {
  it('finds the median of odd and even counts', () => {
    expect(median([3, 1, 2])).to.equal(2)
    expect(median([4, 1, 3, 2])).to.equal(2.5)
    expect(Number.isNaN(median([]))).to.equal(true)
  })

  it('finds a shift of 6 on each side, not 5; points on the median neither break nor count', () => {
    // Median of these 13 values is the 7th in order: 5.
    expect(shifts([2, 2, 2, 2, 2, 2, 5, 8, 8, 8, 8, 8, 8])).to.deep.equal([{ start: 0, end: 5 }, { start: 7, end: 12 }])
    expect(shifts([2, 2, 2, 2, 2, 8, 8, 8, 8, 8], 5)).to.deep.equal([])
    expect(shifts([1, 1, 1, 5, 1, 1, 1], 5)).to.deep.equal([{ start: 0, end: 6 }])
  })

  it('finds a trend of 5 rising or falling; equal values neither break nor count; turning points are shared', () => {
    expect(trends([1, 2, 2, 3, 4, 5])).to.deep.equal([{ start: 0, end: 5 }])
    expect(trends([1, 2, 3, 4])).to.deep.equal([])
    expect(trends([1, 2, 3, 4, 5, 4, 3, 2, 1])).to.deep.equal([{ start: 0, end: 4 }, { start: 4, end: 8 }])
  })
})

describe('XmR chart (Making Data Count)', () => {
  it('computes limits at mean ± 2.66 × mean moving range', () => {
    // Sum 132 → mean 13.2; moving ranges 2,1,2,1,1,1,2,1,19 → 30/9; 2.66 × 30/9 = 8.8667.
    const limits = limitsOf([10, 12, 11, 13, 12, 11, 10, 12, 11, 30])!
    close(limits.mean, 13.2)
    close(limits.movingRangeMean, 30 / 9)
    close(limits.upper, 13.2 + 2.66 * (30 / 9))
    close(limits.lower, 13.2 - 2.66 * (30 / 9))
    close(limits.nearUpper, 13.2 + (2 / 3) * 2.66 * (30 / 9))
    expect(limitsOf([7])).to.equal(undefined)
  })

  it('flags a point beyond a limit, and the 9 points below an inflated mean as a shift', () => {
    const points = xmr([10, 12, 11, 13, 12, 11, 10, 12, 11, 30])
    expect(flagged(points, 'outside-limits')).to.deep.equal([9])
    expect(flagged(points, 'shift')).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8])
    expect(points[9]!.side).to.equal('high')
    expect(variationIcon(points, 'up')).to.equal('improvement-high')
    expect(variationIcon(points, 'down')).to.equal('concern-high')
    expect(variationIcon(points, 'neither')).to.equal('neither-high')
  })

  it('sees only common cause in steady alternation, and gives assurance against a target', () => {
    // Mean 5.5, moving ranges all 1: limits 2.84 and 8.16.
    const points = xmr([5, 6, 5, 6, 5, 6, 5, 6, 5, 6, 5, 6])
    expect(points.every(p => p.rules.length === 0)).to.equal(true)
    expect(variationIcon(points, 'up')).to.equal('common-cause')
    expect(assuranceIcon(points, 2, 'up')).to.equal('consistently-pass')
    expect(assuranceIcon(points, 4, 'up')).to.equal('hit-and-miss')
    expect(assuranceIcon(points, 9, 'up')).to.equal('consistently-fail')
    expect(assuranceIcon(points, 9, 'down')).to.equal('consistently-pass')
    expect(assuranceIcon(points, undefined, 'up')).to.equal(undefined)
    expect(assuranceIcon(points, 4, 'neither')).to.equal(undefined)
  })

  it('flags 7 points in a row rising, but not 6, and an equal value breaks the run', () => {
    expect(flagged(xmr([1, 2, 3, 4, 5, 6, 7]), 'trend')).to.deep.equal([0, 1, 2, 3, 4, 5, 6])
    expect(xmr([1, 2, 3, 4, 5, 6, 7])[6]!.side).to.equal('high')
    expect(flagged(xmr([1, 2, 3, 4, 5, 6]), 'trend')).to.deep.equal([])
    expect(flagged(xmr([1, 2, 3, 3, 4, 5, 6, 7]), 'trend')).to.deep.equal([])
    expect(flagged(xmr([7, 6, 5, 4, 3, 2, 1]), 'trend')).to.deep.equal([0, 1, 2, 3, 4, 5, 6])
  })

  it('flags 2 of 3 points beyond two-thirds of the way to a limit, against a frozen baseline', () => {
    // Baseline 9,11 ×5: mean 10, mean moving range 2 → limit 15.32, two-thirds 13.5467.
    const points = xmr([9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 14, 9, 14.5], { baselineLength: 10 })
    expect(flagged(points, 'two-of-three')).to.deep.equal([10, 12])
    expect(flagged(points, 'outside-limits')).to.deep.equal([])
    expect(points[12]!.side).to.equal('high')
  })

  it('recalculates limits from a rebase point, so a step change is not flagged against old limits', () => {
    const values = [5, 6, 5, 6, 5, 6, 20, 21, 20, 21, 20, 21]
    // One set of limits: mean 13, mean moving range 24/11 → limits 7.20 and 18.80: every point outside.
    expect(flagged(xmr(values), 'outside-limits')).to.have.length(12)
    const rebased = xmr(values, { rebaseAt: [6] })
    expect(rebased.every(p => p.rules.length === 0)).to.equal(true)
    close(rebased[0]!.limits!.mean, 5.5)
    close(rebased[6]!.limits!.mean, 20.5)
  })

  it('has no limits or icon with fewer than two points', () => {
    const points = xmr([4])
    expect(points[0]!.limits).to.equal(undefined)
    expect(variationIcon(points, 'up')).to.equal(undefined)
  })
})

describe('astronomical points', () => {
  it('flags a value more than 3 SD from the mean of the others, and nothing in steady or stepped data', () => {
    // Without the 30: mean 11.333, sample SD 1.0 (squared deviations sum to 8.0 over 8), so 3 SD = 3: 30 is far out.
    expect(astronomicalPoints([10, 12, 11, 13, 12, 11, 10, 12, 11, 30])).to.deep.equal([9])
    expect(astronomicalPoints([5, 6, 5, 6, 5, 6, 5, 6])).to.deep.equal([])
    expect(astronomicalPoints([2, 2, 2, 2, 2, 2, 5, 8, 8, 8, 8, 8, 8])).to.deep.equal([])
    expect(astronomicalPoints([1, 2])).to.deep.equal([])
  })
})
