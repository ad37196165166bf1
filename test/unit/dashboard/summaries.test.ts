import { expect } from 'chai'
import { compactAgreedAt } from '../../../server/compact/compact-agreed'
import { dashboardOf } from '../../../server/dashboard/dashboard-model'
import { recentMonths } from '../../../server/dashboard/reflection-summary'
import { cohortFacts, NOW } from './cohort-facts-fixture'

describe('dashboard summaries', () => {
  it('counts shadowing each way against the target, current pairs only', () => {
    // Targets: 2 doctor→manager, 1 manager→doctor. The ended pair's session is left out.
    expect(dashboardOf(cohortFacts()).shadowing).to.deep.equal([
      { direction: 'doctor-shadows-manager', name: 'Doctor shadows manager', target: 2, pairs: 4, pairsMetTarget: 1, completed: 4, booked: 0 },
      { direction: 'manager-shadows-doctor', name: 'Manager shadows doctor', target: 1, pairs: 4, pairsMetTarget: 2, completed: 2, booked: 1 },
    ])
  })

  it('counts workshop attendance per module of each series, leaving out cancelled sessions', () => {
    expect(dashboardOf(cohortFacts()).workshops).to.deep.equal([
      { series: 'Lean for Leaders', moduleNumber: 1, title: 'Value and waste', sessions: 2, places: 5, attended: 2, apologies: 1, absent: 1, notMarked: 1 },
      // Still to come: unmarked places are not "not marked" yet.
      { series: 'Lean for Leaders', moduleNumber: 2, title: 'Flow', sessions: 1, places: 2, attended: 0, apologies: 0, absent: 0, notMarked: 0 },
      { series: 'Coaching', moduleNumber: null, title: 'Coaching conversations', sessions: 1, places: 1, attended: 1, apologies: 0, absent: 0, notMarked: 0 },
    ])
  })

  it('counts reflections due and in for the open month and the two before, and concerns raised', () => {
    const { reflections, concernsEver } = dashboardOf(cohortFacts())
    expect(reflections).to.deep.equal([
      // P1, P2 and P4 (agreed 20 November) are due; Dara, Mina and Ola are in.
      { month: '2026-11', name: 'November 2026', pairs: 3, due: 6, received: 3, percent: 50, concerns: 1 },
      // P4 had not agreed yet; P2 agreed on 1 October, in time.
      { month: '2026-10', name: 'October 2026', pairs: 2, due: 4, received: 3, percent: 75, concerns: 0 },
      // September's reflection closed at midnight London time on 1 October, before P2 agreed.
      { month: '2026-09', name: 'September 2026', pairs: 1, due: 2, received: 1, percent: 50, concerns: 1 },
    ])
    expect(concernsEver).to.equal(2)
  })

  it('names the recent months in London time, before and after the reflection day', () => {
    expect(recentMonths(NOW, 1)).to.deep.equal(['2026-11', '2026-10', '2026-09'])
    expect(recentMonths(NOW, 25)).to.deep.equal(['2026-10', '2026-09', '2026-08'])
    // 23:30 UTC on 31 January is still January in London; 1 February 00:30 London is February.
    expect(recentMonths(new Date('2027-01-31T23:30:00Z'), 1, 1)).to.deep.equal(['2027-01'])
    expect(recentMonths(new Date('2027-02-01T00:30:00Z'), 1, 1)).to.deep.equal(['2027-02'])
  })

  it('dates a compact agreed when the second partner agreed a version the first had agreed', () => {
    const at = (day: number) => new Date(Date.UTC(2026, 9, day))
    const agreed = compactAgreedAt([
      // Pair a: version 1 by one partner only; version 2 by both, the second on the 5th.
      { pairId: 'a', version: 1, userId: 'd', createdAt: at(1) },
      { pairId: 'a', version: 2, userId: 'd', createdAt: at(3) },
      { pairId: 'a', version: 2, userId: 'm', createdAt: at(5) },
      // Pair b: only one partner has agreed anything.
      { pairId: 'b', version: 1, userId: 'd', createdAt: at(1) },
      // Pair c: version 1 agreed by both on the 9th, version 2 by both on the 7th: the earlier counts.
      { pairId: 'c', version: 1, userId: 'd', createdAt: at(2) },
      { pairId: 'c', version: 1, userId: 'm', createdAt: at(9) },
      { pairId: 'c', version: 2, userId: 'd', createdAt: at(6) },
      { pairId: 'c', version: 2, userId: 'm', createdAt: at(7) },
    ])
    expect([...agreed]).to.deep.equal([
      ['a', at(5)],
      ['c', at(7)],
    ])
  })
})
