import { expect } from 'chai'
import { xmr } from '../../server/charts/spc'
import { xmrChartSvg } from '../../server/charts/xmr-svg'

describe('XmR chart SVG', () => {
  const values = [10, 12, 11, 13, 12, 11, 10, 12, 11, 30]
  const labels = values.map((_, i) => `Week ${i + 1}`)

  it('draws every point, the mean and both limits, with a title and a description of the signals', () => {
    const svg = xmrChartSvg({ id: 'los', title: 'Length of stay <days>', labels, points: xmr(values), direction: 'down' })
    expect(svg.match(/class="point /g)).to.have.length(10)
    expect(svg.match(/class="mean"/g)).to.have.length(1)
    expect(svg).to.contain('class="upper-limit"').and.contain('class="lower-limit"')
    expect(svg).to.contain('role="img"').and.contain('aria-labelledby="los-title los-desc"')
    expect(svg).to.contain('<title id="los-title">Length of stay &lt;days&gt;</title>')
    // Improvement is down: the 9 low points of the shift are improvement, the high outlier a concern (a square).
    // Mean 13.2, 2.66 × 30/9 = 8.8667: limits 4.33 and 22.07; the 30 is beyond, the nine below the mean a run.
    expect(svg).to.contain(
      '<desc id="los-desc">10 points. Mean 13.2, process limits 4.33 to 22.07. 10 show special-cause variation (1 beyond a limit; 9 in a run of 7 or more on one side of the mean).</desc>',
    )
    expect(svg.match(/<rect class="point concern"/g)).to.have.length(1)
    expect(svg.match(/class="point improvement"/g)).to.have.length(9)
    expect(svg).to.contain('Week 10: 30, special cause (concern)')
  })

  it('draws one mean per segment after a rebase, a target line and annotations', () => {
    const points = xmr([5, 6, 5, 6, 5, 6, 20, 21, 20, 21, 20, 21], { rebaseAt: [6] })
    const svg = xmrChartSvg({ id: 'x', title: 'T', labels: [], points, direction: 'up', target: 18, annotations: [{ index: 6, label: 'PDSA 1 <adopt>' }] })
    expect(svg.match(/class="mean"/g)).to.have.length(2)
    expect(svg).to.contain('class="target"')
    expect(svg).to.contain('PDSA 1 &lt;adopt&gt;')
    expect(svg.match(/class="point common-cause"/g)).to.have.length(12)
  })
})
