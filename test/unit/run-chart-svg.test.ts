import { expect } from 'chai'
import { runChartSvg } from '../../server/charts/run-chart-svg'

describe('run chart SVG', () => {
  it('draws the median and marks a shift of 6 below it, described for screen readers', () => {
    // Median of these 13 values is 5: six 2s below, the 5 on it, six 8s above.
    const values = [2, 2, 2, 2, 2, 2, 5, 8, 8, 8, 8, 8, 8]
    const svg = runChartSvg({ id: 'r', title: 'Discharges before noon', labels: values.map((_, i) => `Week ${i + 1}`), values })
    expect(svg.match(/<circle class="point/g)).to.have.length(13)
    expect(svg.match(/class="median"/g)).to.have.length(1)
    expect(svg.match(/class="point signal shift"/g)).to.have.length(12)
    expect(svg).to.contain('<desc id="r-desc">13 points, median 5. Signals: 2 shifts.</desc>')
    expect(svg).to.contain('Week 7: 5</title>')
  })

  it('marks a trend and an astronomical point, and says when there is no signal', () => {
    const trend = runChartSvg({ id: 't', title: 'T', labels: [], values: [1, 2, 3, 4, 5] })
    expect(trend).to.contain('Signals: 1 trend.')
    const spike = runChartSvg({ id: 's', title: 'S', labels: [], values: [10, 12, 11, 13, 12, 11, 10, 12, 11, 30] })
    expect(spike).to.contain('astronomical')
    const flat = runChartSvg({ id: 'f', title: 'F', labels: [], values: [5, 6, 5, 6, 5] })
    expect(flat).to.contain('No signals.')
  })
})
