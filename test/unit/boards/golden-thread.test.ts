import { expect } from 'chai'
import { Types } from 'mongoose'
import { groupBoard, mainOutcomeMeasure, type BoardProject } from '../../../server/boards/golden-thread'

const project = (id: string, priorityId: string, score: number, variation?: 'improvement-high' | 'concern-low' | 'common-cause'): BoardProject => ({
  id,
  title: `Project ${id}`,
  priorityId,
  doctor: 'Dara',
  manager: 'Mina',
  score,
  lastActivityAt: new Date('2026-11-20T10:00:00Z'),
  shared: false,
  measure: variation ? { name: 'Length of stay', variation: { key: variation, svg: '', heading: '', text: '' }, assurance: undefined } : undefined,
})

describe('the golden-thread board', () => {
  const priorities = [
    { id: 'flow', title: 'Patient flow', archived: false },
    { id: 'elective', title: 'Elective recovery', archived: false },
    { id: 'old', title: 'Old priority', archived: true },
    { id: 'unused-old', title: 'Unused old priority', archived: true },
  ]

  it('gives each current priority a column, in title order, projects furthest along first, with improvement and concern counted', () => {
    const board = groupBoard(priorities, [project('a', 'flow', 1, 'improvement-high'), project('b', 'flow', 3, 'concern-low'), project('c', 'flow', 3, 'improvement-high'), project('d', 'flow', 2)])
    expect(board.columns.map(c => c.priority.title)).to.deep.equal(['Elective recovery', 'Patient flow'])
    expect(board.columns[0]!.projects).to.deep.equal([])
    const flow = board.columns[1]!
    expect(flow.projects.map(p => p.id)).to.deep.equal(['b', 'c', 'd', 'a'])
    expect([flow.improving, flow.concern]).to.deep.equal([2, 1])
    expect(board.archived).to.deep.equal([])
    expect(board.unlinked).to.equal(undefined)
    expect(board.projectCount).to.equal(4)
  })

  it('calls out projects of an archived priority, and projects whose priority no longer exists', () => {
    const board = groupBoard(priorities, [project('a', 'flow', 1), project('b', 'old', 2), project('c', 'gone', 1), project('d', 'gone', 4)])
    expect(board.columns.flatMap(c => c.projects.map(p => p.id))).to.deep.equal(['a'])
    // An archived priority no project serves is not shown at all.
    expect(board.archived.map(c => [c.priority.title, c.projects.map(p => p.id)])).to.deep.equal([['Old priority', ['b']]])
    expect(board.unlinked!.priority.title).to.equal('No priority')
    expect(board.unlinked!.projects.map(p => p.id)).to.deep.equal(['d', 'c'])
  })

  it('takes the first outcome measure added as the main one', () => {
    const at = (iso: string) => new Date(iso)
    const [early, late] = [new Types.ObjectId('000000000000000000000001'), new Types.ObjectId('000000000000000000000002')]
    const measures = [
      { _id: new Types.ObjectId(), type: 'process', name: 'Process first', createdAt: at('2026-09-01T09:00:00Z') },
      { _id: new Types.ObjectId(), type: 'outcome', name: 'Outcome later', createdAt: at('2026-09-03T09:00:00Z') },
      { _id: late, type: 'outcome', name: 'Outcome second in the same instant', createdAt: at('2026-09-02T09:00:00Z') },
      { _id: early, type: 'outcome', name: 'Outcome first', createdAt: at('2026-09-02T09:00:00Z') },
    ]
    expect(mainOutcomeMeasure(measures)!.name).to.equal('Outcome first')
    expect(mainOutcomeMeasure(measures.slice(0, 1))).to.equal(undefined)
  })
})
