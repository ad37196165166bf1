import { expect } from 'chai'
import { buildNetwork, networkFigures } from '../../../server/boards/network-graph'
import { ADA, BEN, CAL, DEE, EVE, handDrawnGraph } from './network-fixture'

describe('the network graph', () => {
  it('numbers people by name and keeps each kind of link once, with its count, leaving out people not in the cohort', () => {
    const graph = handDrawnGraph()
    expect(graph.people.map(p => p.name)).to.deep.equal(['Ada', 'Ben', 'Cal', 'Dee', 'Eve', 'Fay', 'Gus'])
    expect(graph.pairs).to.deep.equal([
      { doctor: ADA, manager: DEE },
      { doctor: BEN, manager: DEE },
      { doctor: CAL, manager: EVE },
    ])
    expect(graph.shadowing).to.deep.equal([
      { from: ADA, to: DEE, sessions: 2 },
      { from: BEN, to: DEE, sessions: 1 },
      { from: DEE, to: ADA, sessions: 1 },
      { from: EVE, to: CAL, sessions: 1 },
    ])
    expect(graph.workshops).to.deep.equal([
      { a: ADA, b: BEN, workshops: 2 },
      { a: ADA, b: CAL, workshops: 1 },
      { a: BEN, b: CAL, workshops: 1 },
    ])
  })

  it('gives the figures worked out by hand', () => {
    const figures = networkFigures(handDrawnGraph())
    // Links between two people: Ada–Dee, Ben–Dee, Cal–Eve, Ada–Ben, Ada–Cal, Ben–Cal = 6 of 7 × 6 / 2 = 21.
    expect(figures.people).to.equal(7)
    expect(figures.connections).to.equal(6)
    expect(figures.possibleConnections).to.equal(21)
    expect(figures.density).to.be.closeTo(6 / 21, 1e-12)
    // Only Ada and Dee shadowed each other.
    expect(figures.pairs).to.equal(3)
    expect(figures.reciprocalPairs).to.equal(1)
    expect(figures.reciprocalShare).to.be.closeTo(1 / 3, 1e-12)
    // Dee and Eve are linked only to their doctors; Fay (alone at her workshop) and Gus to nobody.
    expect(figures.isolated.map(p => p.name)).to.deep.equal(['Dee', 'Eve', 'Fay', 'Gus'])
  })

  it('counts nothing for an empty cohort or a single person, never dividing by zero', () => {
    const empty = networkFigures(buildNetwork({ people: [], pairs: [], sessions: [], attendance: [] }))
    expect(empty).to.deep.include({ people: 0, connections: 0, possibleConnections: 0, density: 0, pairs: 0, reciprocalShare: 0 })
    expect(Object.is(empty.possibleConnections, 0)).to.equal(true)
    const one = networkFigures(buildNetwork({ people: [{ id: 'a', name: 'Ada', side: 'doctor' }], pairs: [], sessions: [], attendance: [] }))
    expect(one).to.deep.include({ people: 1, possibleConnections: 0, density: 0 })
    expect(one.isolated.map(p => p.name)).to.deep.equal(['Ada'])
  })

  it('counts a link to someone other than a partner, of any kind, as a wider connection', () => {
    const graph = buildNetwork({
      people: [
        { id: 'a', name: 'Ada', side: 'doctor' },
        { id: 'd', name: 'Dee', side: 'manager' },
        { id: 'e', name: 'Eve', side: 'manager' },
      ],
      pairs: [{ doctorId: 'a', managerId: 'd' }],
      // A session with a former partner, whose pair has ended.
      sessions: [{ guestId: 'a', hostId: 'e' }],
      attendance: [],
    })
    expect(networkFigures(graph).isolated.map(p => p.name)).to.deep.equal(['Dee'])
  })
})
