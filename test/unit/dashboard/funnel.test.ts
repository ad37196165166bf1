import { expect } from 'chai'
import { dashboardOf, peopleAt } from '../../../server/dashboard/dashboard-model'
import { FUNNEL_STAGES, pairReach, personReach } from '../../../server/dashboard/funnel'
import { cohortFacts } from './cohort-facts-fixture'

const none = { 'doctor-shadows-manager': 0, 'manager-shadows-doctor': 0 }
const project = { projectId: 'q', pairId: 'p', title: 'T', status: 'planning', lastActivityAt: new Date(), hasPdsa: false, improving: false }

describe('dashboard funnel', () => {
  it('counts the hand-checked cohort at each step, as a share of the ten invited', () => {
    const { funnel } = dashboardOf(cohortFacts())
    expect(funnel.map(s => [s.id, s.count, s.percent])).to.deep.equal([
      ['invited', 10, 100],
      ['profile-complete', 8, 80],
      ['paired', 6, 60],
      ['first-shadowing', 5, 50],
      ['both-directions', 3, 30],
      ['charter', 3, 30],
      ['pdsa', 2, 20],
      ['improvement', 2, 20],
    ])
  })

  it('lists the people behind a count, by name, each with the furthest step they reached', () => {
    const dashboard = dashboardOf(cohortFacts())
    expect(peopleAt(dashboard, 'both-directions').map(p => [p.name, p.furthest])).to.deep.equal([
      ['Dara Okafor', 'Improvement shown'],
      ['Fay Doctor', 'Charter written'],
      ['Mina Shah', 'Improvement shown'],
    ])
    expect(peopleAt(dashboard, 'paired').map(p => p.name)).to.deep.equal(['Ben Doctor', 'Dara Okafor', 'Fay Doctor', 'Max Manager', 'Mina Shah', 'Ola Doctor'])
    // Mina is in two pairs; each is listed with her partner in it.
    expect(peopleAt(dashboard, 'improvement').find(p => p.name === 'Mina Shah')!.pairs).to.deep.equal([
      { pairId: 'p1', partner: 'Dara Okafor' },
      { pairId: 'p3', partner: 'Ben Doctor' },
    ])
    expect(peopleAt(dashboard, 'invited')).to.have.length(10)
  })

  it('counts a step only when every step before it is reached too', () => {
    // A project with PDSA and improvement, but no session done: still only "Paired".
    expect(FUNNEL_STAGES[pairReach({ completed: none, project: { ...project, hasPdsa: true, improving: true } })]!.id).to.equal('paired')
    // One direction done and a charter: "First shadowing".
    expect(FUNNEL_STAGES[pairReach({ completed: { ...none, 'manager-shadows-doctor': 3 }, project })]!.id).to.equal('first-shadowing')
    // Both ways and a charter, no PDSA: "Charter written", even if a measure improved.
    expect(FUNNEL_STAGES[pairReach({ completed: { 'doctor-shadows-manager': 1, 'manager-shadows-doctor': 1 }, project: { ...project, improving: true } })]!.id).to.equal('charter')
    // An incomplete profile stops a person at "Invited", whatever their pair did.
    expect(personReach({ profileComplete: false }, [{ completed: { 'doctor-shadows-manager': 1, 'manager-shadows-doctor': 1 }, project }])).to.equal(0)
    expect(FUNNEL_STAGES[personReach({ profileComplete: true }, [])]!.id).to.equal('profile-complete')
  })

  it('gives 0 % rather than dividing by nobody in an empty cohort', () => {
    const facts = { ...cohortFacts(), people: [], pairs: [] }
    expect(dashboardOf(facts).funnel.map(s => [s.count, s.percent])).to.deep.equal(FUNNEL_STAGES.map(() => [0, 0]))
  })
})
