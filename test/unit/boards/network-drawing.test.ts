import { expect } from 'chai'
import { groupsOf, layoutNetwork } from '../../../server/boards/network-layout'
import { buildNetworkView, describeNetwork } from '../../../server/boards/network.service'
import { networkSvg, strongestWorkshopLinks } from '../../../server/boards/network-svg'
import { linkRows, pageOf, rowText } from '../../../server/boards/network-table'
import { percentText } from '../../../server/boards/network.controller'
import { buildNetwork } from '../../../server/boards/network-graph'
import { ADA, BEN, CAL, DEE, EVE, FAY, GUS, handDrawnGraph } from './network-fixture'

describe('the network drawing', () => {
  it('puts each manager beside their doctors, then people with no partner, on one named ring for a small cohort', () => {
    const graph = handDrawnGraph()
    expect(groupsOf(graph)).to.deep.equal([[DEE, ADA, BEN], [EVE, CAL], [FAY], [GUS]])
    const layout = layoutNetwork(graph)
    // 7 people and 4 gaps of 0.6, 40 apart, make a ring of 9.4 × 40 ÷ 2π ≈ 60, drawn no smaller than 120;
    // around it 16 + 3 letters × 6.2 for the names: 155 from the centre to each edge.
    expect(layout.labelled).to.equal(true)
    expect(layout.width).to.equal(310)
    // Dee first, at twelve o'clock.
    expect(layout.positions[DEE]).to.deep.include({ x: 155, y: 35 })
    expect(layoutNetwork(graph)).to.deep.equal(layout)
  })

  it('fills rings from the centre for a large cohort, without names, partners still side by side', () => {
    const people = Array.from({ length: 2000 }, (_, i) => ({ id: `p${i}`, name: `Person ${String(i).padStart(4, '0')}`, side: i < 1200 ? ('doctor' as const) : ('manager' as const) }))
    const pairs = Array.from({ length: 1200 }, (_, d) => ({ doctorId: `p${d}`, managerId: `p${1200 + (d % 800)}` }))
    const graph = buildNetwork({ people, pairs, sessions: [], attendance: [] })
    const layout = layoutNetwork(graph)
    expect(layout.labelled).to.equal(false)
    expect(layout.positions.filter(Boolean)).to.have.length(2000)
    // Partners are neighbours: never further apart than three steps of a ring.
    for (const p of graph.pairs) {
      const [a, b] = [layout.positions[p.doctor]!, layout.positions[p.manager]!]
      expect(Math.hypot(a.x - b.x, a.y - b.y)).to.be.lessThan(3 * 24 + 1)
    }
    // Nobody sits on anybody else.
    const spots = new Set(layout.positions.map(p => `${Math.round(p.x / 4)},${Math.round(p.y / 4)}`))
    expect(spots.size).to.equal(2000)
  })

  it('draws doctors as circles and managers as squares, a curved arrow per direction with the count, and one path per kind of straight line', () => {
    const graph = handDrawnGraph()
    const svg = networkSvg(graph, layoutNetwork(graph), { id: 'net', title: 'Network of <Test>', description: 'A & B', workshopLinks: graph.workshops })
    expect(svg).to.match(/^<svg [^>]*role="img" aria-labelledby="net-title net-desc"/)
    expect(svg).to.contain('<title id="net-title">Network of &lt;Test&gt;</title>').and.contain('<desc id="net-desc">A &amp; B</desc>')
    expect(svg.match(/<circle /g)).to.have.length(4)
    expect(svg.match(/<rect /g)).to.have.length(3)
    expect(svg).to.contain('<title>Ada (doctor)</title>').and.contain('<title>Gus (manager)</title>')
    expect(svg).to.contain('marker-end="url(#net-arrow)"')
    expect(svg.match(/<path d="M[^"]*Q/g)).to.have.length(4)
    // Only Ada → Dee had more than one session.
    expect(svg.match(/<g class="shadowing-counts"[^>]*>(.*?)<\/g>/)![1]).to.match(/^<text [^>]*>2<\/text>$/)
    expect(svg.match(/class="pair-links"[^>]*d="([^"]*)"/)![1]!.match(/M/g)).to.have.length(3)
    expect(svg.match(/class="workshop-links"[^>]*d="([^"]*)"/)![1]!.match(/M/g)).to.have.length(3)
    expect(svg.match(/<g class="labels"/g)).to.have.length(1)
  })

  it('draws the links shared at the most workshops when there are too many, and says so', () => {
    const graph = handDrawnGraph()
    expect(strongestWorkshopLinks(graph.workshops, 1)).to.deep.equal([{ a: ADA, b: BEN, workshops: 2 }])
    expect(strongestWorkshopLinks(graph.workshops, 5)).to.deep.equal(graph.workshops)
    expect(describeNetwork(graph, 1)).to.contain('3 links between people at the same workshop, of which the 1 shared at the most workshops are drawn')
    expect(describeNetwork(graph, 3)).to.equal(
      '7 people: 4 doctors drawn as blue circles and 3 managers as pink squares, partners side by side. 3 pairs joined by thick lines; 4 shadowing links (5 completed sessions) drawn as curved lines with an arrow towards the person whose work was shadowed; 3 links between people at the same workshop, drawn as dashed lines. The table after the drawing lists every link.',
    )
    expect(buildNetworkView(graph, 'Network').workshopLinks).to.deep.equal({ drawn: 3, total: 3 })
  })
})

describe('the network table', () => {
  it('lists every link once in the order of the first person, in words', () => {
    const graph = handDrawnGraph()
    const rows = linkRows(graph)
    expect(rows.map(r => rowText(r, graph.people)).map(r => [r.person, r.connection, r.other, r.count].join(' | '))).to.deep.equal([
      'Ada (doctor) | Paired with | Dee (manager) | ',
      'Ada (doctor) | Shadowed | Dee (manager) | 2 sessions',
      'Ada (doctor) | At workshops with | Ben (doctor) | 2 workshops',
      'Ada (doctor) | At workshops with | Cal (doctor) | 1 workshop',
      'Ben (doctor) | Paired with | Dee (manager) | ',
      'Ben (doctor) | Shadowed | Dee (manager) | 1 session',
      'Ben (doctor) | At workshops with | Cal (doctor) | 1 workshop',
      'Cal (doctor) | Paired with | Eve (manager) | ',
      'Dee (manager) | Shadowed | Ada (doctor) | 1 session',
      'Eve (manager) | Shadowed | Cal (doctor) | 1 session',
    ])
    expect(rows[0]).to.deep.equal({ kind: 'pairing', person: ADA, other: DEE, count: 1 })
    expect(rows.some(r => r.person === CAL && r.kind === 'workshop')).to.equal(false)
  })

  it('pages by 50, keeping any page asked for within the pages there are', () => {
    expect(pageOf(120, '3')).to.deep.equal({ page: 3, pages: 3, from: 100, to: 120 })
    expect(pageOf(120, '2')).to.deep.equal({ page: 2, pages: 3, from: 50, to: 100 })
    for (const asked of [undefined, 'x', '0', '-1', ['2'], { $gt: '' }]) expect(pageOf(120, asked).page, String(asked)).to.equal(1)
    expect(pageOf(120, '99').page).to.equal(3)
    expect(pageOf(0, '4')).to.deep.equal({ page: 1, pages: 1, from: 0, to: 0 })
  })

  it('writes shares as percentages people can read', () => {
    expect(percentText(6 / 21)).to.equal('29%')
    expect(percentText(1 / 3)).to.equal('33%')
    expect(percentText(0.0034)).to.equal('0.34%')
    expect(percentText(0.05)).to.equal('5%')
    expect(percentText(0)).to.equal('0%')
    expect(percentText(1)).to.equal('100%')
  })
})
