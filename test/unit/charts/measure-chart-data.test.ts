// From dates to chart positions, signals in words, the evidence for the
// progress score, and reading pasted data. Expected values worked out by hand.
import { expect } from 'chai'
import { Types } from 'mongoose'
import { xmr } from '../../../server/charts/spc'
import { measureChart, positionOf, seriesOf, xmrSignalText, type ChartMeasure } from '../../../server/projects/chart-data'
import { parsePaste } from '../../../server/projects/data-points.form'
import { evidenceOf, measureSignals } from '../../../server/projects/measures-evidence'
import { readNumber } from '../../../server/projects/measures.form'

const day = (iso: string) => new Date(`${iso}T00:00:00Z`)
const weekly = (i: number) => new Date(Date.UTC(2026, 8, 7 + 7 * i))
const measure = (overrides: Partial<ChartMeasure> = {}): ChartMeasure => ({ _id: new Types.ObjectId(), name: 'Length of stay', unit: 'days', direction: 'down', target: null, rebaseDates: [], baselinePoints: null, ...overrides })

describe('measure chart data', () => {
  it('places a date on the x axis: at a point, between two in proportion, or nowhere outside the data', () => {
    const dates = [day('2026-03-01'), day('2026-03-08'), day('2026-03-15')]
    expect(positionOf(dates, day('2026-03-08'))).to.equal(1)
    // 3 days into a 7-day gap after the first point.
    expect(positionOf(dates, day('2026-03-04'))).to.be.closeTo(3 / 7, 1e-12)
    expect(positionOf(dates, day('2026-02-28'))).to.equal(undefined)
    expect(positionOf(dates, day('2026-03-16'))).to.equal(undefined)
    expect(positionOf([], day('2026-03-16'))).to.equal(undefined)
  })

  it('sorts points by date and turns rebase dates into the index of the first point on or after each', () => {
    const points = [2, 0, 1, 3].map(i => ({ date: weekly(i), value: i * 10 }))
    // 8 September falls between the first (7th) and second (14th) points: the period starts at index 1.
    const series = seriesOf(measure({ rebaseDates: [day('2026-09-08'), day('2026-09-07'), day('2027-01-01')], baselinePoints: 12 }), points)
    expect(series.values).to.deep.equal([0, 10, 20, 30])
    expect(series.rebaseAt).to.deep.equal([1])
    expect(series.baselineLength).to.equal(12)
    expect(series.target).to.equal(undefined)
  })

  it('says each XmR signal in words, with what it means for this direction, and keeps rising and falling trends apart', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1]
    const dates = values.map((_, i) => weekly(i))
    // Rising 1→7 (indices 0–6) and falling 7→1 (6–12): the 7 is the turn of both.
    const lines = xmrSignalText(xmr(values), dates, 'up')
    expect(lines).to.include('7 points in a row rising, 7 September 2026 to 19 October 2026 (improvement)')
    expect(lines).to.include('7 points in a row falling, 19 October 2026 to 30 November 2026 (concern)')
    expect(xmrSignalText(xmr([5, 6, 5, 6, 5, 6]), dates, 'up')).to.deep.equal([])
  })

  it('builds both charts with the PDSA cycles marked at the Do date, or the plan date until then', () => {
    const values = [10, 12, 11, 13, 12, 11, 10, 12, 11, 30]
    const points = values.map((value, i) => ({ date: weekly(i), value }))
    const cycles = [
      { _id: new Types.ObjectId(), number: 1, plannedFor: day('2026-09-01'), doneOn: day('2026-09-14') },
      { _id: new Types.ObjectId(), number: 2, plannedFor: day('2026-12-01'), doneOn: null },
    ]
    const chart = measureChart(measure({ target: 15 }), points, cycles)
    expect(chart.marks.map(m => [m.label, m.date, m.index])).to.deep.equal([
      ['PDSA 1', '14 September 2026', 1],
      ['PDSA 2', '1 December 2026', undefined],
    ])
    expect(chart.run.svg).to.contain('Marked: PDSA 1.').and.not.contain('PDSA 2')
    expect(chart.xmr.svg.match(/class="annotation"/g)).to.have.length(1)
    expect(chart.variation?.key).to.equal('concern-high')
    expect(chart.assurance?.key).to.equal('hit-and-miss')
    expect(chart.periods).to.deep.equal([{ from: '7 September 2026', to: '9 November 2026', points: 10, fromCount: 10, frozen: false, median: 11.5, mean: 13.2, lower: 4.33, upper: 22.07 }])
    expect(chart.xmr.rows[9]).to.deep.equal({ date: '9 Nov 2026', value: 30, signal: 'Concern' })
    expect(chart.run.rows[9]!.signal).to.equal('Astronomical')
    expect(chart.cautions).to.have.length(1)
    expect(chart.cautions[0]).to.contain('from 10 points; treat them as provisional until there are 12')
  })

  it('draws nothing and cautions nothing with no data', () => {
    const chart = measureChart(measure(), [], [])
    expect(chart).to.include({ count: 0 })
    expect(chart.run.svg).to.equal('')
    expect(chart.variation).to.equal(undefined)
    expect(chart.cautions).to.deep.equal([])
  })
})

describe('evidence for the progress score', () => {
  const series = (values: number[], overrides: Partial<ReturnType<typeof seriesOf>> = {}) => ({ values, rebaseAt: [], baselineLength: undefined, direction: 'down' as const, target: undefined, ...overrides })

  it('counts a baseline from 10 points, improvement in the better direction only, and never for "neither"', () => {
    // The nine points below the inflated mean are a shift: improvement when lower is better.
    const spike = [10, 12, 11, 13, 12, 11, 10, 12, 11, 30]
    expect(measureSignals(series(spike))).to.deep.equal({ hasBaseline: true, improvement: true, sustained: false })
    expect(measureSignals(series(spike.slice(0, 9)))).to.deep.equal({ hasBaseline: false, improvement: false, sustained: false })
    expect(measureSignals(series(spike, { direction: 'neither' })).improvement).to.equal(false)
  })

  it('calls improvement sustained when the latest 7 points are all improvement, or when a rebased period of 12 is better with no concern', () => {
    // Mean of all 16 is 8; the last 8 (5s) are a shift below it.
    const stepDown = [11, 11, 11, 11, 11, 11, 11, 11, 5, 5, 5, 5, 5, 5, 5, 5]
    expect(measureSignals(series(stepDown)).sustained).to.equal(true)
    expect(measureSignals(series(stepDown, { direction: 'up' })).sustained).to.equal(false)
    // Rebased at the step: period 1 mean 10.5, period 2 (12 points) mean 5.5, no flags in either.
    const rebased = [10, 11, 10, 11, 10, 11, 5, 6, 5, 6, 5, 6, 5, 6, 5, 6, 5, 6]
    expect(measureSignals(series(rebased, { rebaseAt: [6] }))).to.deep.equal({ hasBaseline: true, improvement: false, sustained: true })
    // With only 11 points after the rebase it has not yet held long enough.
    expect(measureSignals(series(rebased.slice(0, 17), { rebaseAt: [6] })).sustained).to.equal(false)
  })

  it('counts cycles planned, and those carried out and studied', () => {
    const evidence = evidenceOf([series([1, 2])], [{ doneOn: null, results: '' }, { doneOn: day('2026-10-01'), results: '' }, { doneOn: day('2026-10-01'), results: 'Fewer late discharges' }])
    expect(evidence).to.deep.equal({ pdsaPlanned: 3, pdsaCompleted: 1, measuresWithBaseline: 0, improvementSignals: 0, sustainedImprovement: 0 })
  })
})

describe('reading data as typed or pasted', () => {
  const today = day('2026-11-23')

  it('reads numbers with a sign or decimals, and nothing else', () => {
    expect(['12', '-4.5', '+.5', ' 7 ', '3.'].map(readNumber)).to.deep.equal([12, -4.5, 0.5, 7, 3])
    expect(['twelve', '45%', '1,200', '', '1e3', 'NaN'].map(readNumber)).to.deep.equal([undefined, undefined, undefined, undefined, undefined, undefined])
  })

  it('reads tab, comma and space separated lines in both date styles, skipping blanks and a heading line', () => {
    const result = parsePaste('Date\tValue\n2026-03-01\t12\n\n02/03/2026, 4.5\n3/3/2026   7\r\n2026-03-04;8', today)
    expect(result.errors).to.deep.equal([])
    expect(result.skippedHeader).to.equal(true)
    expect(result.points.map(p => [p.line, p.date.toISOString().slice(0, 10), p.value])).to.deep.equal([
      [2, '2026-03-01', 12],
      [4, '2026-03-02', 4.5],
      [5, '2026-03-03', 7],
      [6, '2026-03-04', 8],
    ])
  })

  it('names every bad line and what is wrong with it', () => {
    const pasted = ['01/03/2026 12', '31/02/2026 5', '24/11/2026 5', '01/03/2026 6', 'March 2026 4', '2026-03-05 lots', '2026-03-06 45%', '23/11/2026 1'].join('\n')
    const result = parsePaste(pasted, today)
    expect(result.errors.map(e => e.message)).to.deep.equal([
      'Line 2: “31/02/2026” is not a real date',
      'Line 3: 24 November 2026 is in the future',
      'Line 4: 1 March 2026 is also on line 1',
      'Line 5: enter a date and a value, and nothing else, like 01/03/2026 12',
      'Line 6: “lots” is not a number',
      'Line 7: “45%” is not a number: leave out the % sign',
    ])
    // Today itself is allowed.
    expect(result.points.map(p => p.line)).to.deep.equal([1, 8])
  })
})
