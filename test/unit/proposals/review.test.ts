import { expect } from 'chai'
import type { DoctorCandidate, ManagerCandidate } from '../../../server/matching/criteria'
import { runMatchingJob, type MatchingJobInput } from '../../../server/proposals/matching-job'
import { doctorAlternatives, managerAlternatives, pairScorer, swapOption, whyNot } from '../../../server/proposals/review'

// Preference weighed 0: specialty 33, interests 25, site 17, availability 25 points.
const settings = { weights: { specialty: 4, interests: 3, site: 2, availability: 3, preference: 0 }, required: [] }
const doctor = (id: string, site: string, extra: Partial<DoctorCandidate> = {}): DoctorCandidate => ({ id, specialty: 'Cardiology', site, interests: [], tags: [], availability: [], ...extra })
const manager = (id: string, site: string, capacity = 1, extra: Partial<ManagerCandidate> = {}): ManagerCandidate => ({ id, specialtiesCovered: ['Cardiology'], site, interests: [], tags: [], availability: [], capacity, ...extra })

// Same site: 50 (33 + 17); other site: 33.
const input = (over: Partial<MatchingJobInput> = {}): MatchingJobInput => ({
  mode: 'optimal',
  doctors: [doctor('ada', 'North'), doctor('ben', 'South'), doctor('cy', 'North')],
  managers: [manager('nia', 'North'), manager('sam', 'South')],
  exclusions: [],
  locked: [],
  settings,
  ...over,
})

describe('reviewing a proposal', () => {
  it('prices a swap as the change in the two pairs’ scores, and refuses one into an excluded pair', () => {
    const score = pairScorer(input().doctors, input().managers, settings, new Set(['ben:nia']))
    // ada–nia 50 + ben–sam 50 → ada–sam 33 + ben–nia 33: −34.
    expect(swapOption(score, { doctorId: 'ada', managerId: 'nia' }, { doctorId: 'ben', managerId: 'sam' })).to.deep.include({ change: -34, refused: 'one of the new pairs is excluded from being matched' })
    // cy (unmatched) takes ada's place with nia: +50 − 50.
    expect(swapOption(score, { doctorId: 'cy', managerId: undefined }, { doctorId: 'ada', managerId: 'nia' })).to.deep.equal({ otherDoctorId: 'ada', change: 0, warnings: [] })
  })

  it('warns when a swap would break a hard requirement, without refusing it', () => {
    const strict = { ...settings, required: ['site' as const] }
    const score = pairScorer(input().doctors, input().managers, strict, new Set())
    const option = swapOption(score, { doctorId: 'ada', managerId: 'nia' }, { doctorId: 'ben', managerId: 'sam' })
    expect(option.refused).to.equal(undefined)
    expect(option.warnings).to.have.length(2)
    expect(option.warnings[0]).to.contain('this cohort requires the same site')
  })

  it('lists a doctor’s best other managers with who holds their places and each swap', () => {
    const { doctors, managers } = input({ managers: [manager('nia', 'North'), manager('sam', 'South', 2), manager('zoe', 'East')] })
    const score = pairScorer(doctors, managers, settings, new Set(['ada:zoe']))
    const pairs = [{ doctorId: 'ada', managerId: 'nia' }, { doctorId: 'ben', managerId: 'sam' }]
    const alternatives = doctorAlternatives('ada', managers, pairs, score)
    // sam and zoe both score 33; the excluded zoe comes last.
    expect(alternatives.map(a => [a.personId, a.score.total, a.holders, a.freePlaces, a.swaps.map(s => [s.otherDoctorId, s.change])])).to.deep.equal([
      ['sam', 33, ['ben'], 1, [[undefined, -17], ['ben', -34]]],
      ['zoe', 33, [], 1, [[undefined, -17]]],
    ])
    expect(alternatives[1]!.score.excluded).to.equal(true)
    const forManager = managerAlternatives({ id: 'nia', capacity: 1 }, doctors, pairs, score)
    expect(forManager.map(a => [a.personId, a.score.total, a.holders])).to.deep.equal([['cy', 50, []], ['ben', 33, ['sam']]])
  })

  it('says how far a pair’s score must rise to be chosen, or that no rise would do', () => {
    // Best: ada–nia 50 + ben–sam 50 = 100. Forcing ada–sam: 33 + (cy or ben)–nia 50 = 83, so 17.
    expect(whyNot(input(), 'ada', 'sam')).to.deep.equal({ kind: 'needs-points', points: 17, score: 33 })
    expect(whyNot(input(), 'ben', 'sam')).to.deep.equal({ kind: 'already-paired' })
    // ada and cy tie for nia: whichever the tie-break leaves out needs no extra points.
    const tied = [whyNot(input(), 'ada', 'nia'), whyNot(input(), 'cy', 'nia')]
    expect(tied).to.deep.include({ kind: 'already-paired' })
    expect(tied).to.deep.include({ kind: 'needs-points', points: 0, score: 50 })
    expect(whyNot(input({ exclusions: [['ada', 'sam']] }), 'ada', 'sam')).to.deep.equal({ kind: 'excluded' })
    // With the same site required, only ben may go to sam; forcing ada there leaves ben out, and no score changes that.
    const strict = input({ doctors: [doctor('ada', 'North'), doctor('ben', 'South')], settings: { ...settings, required: ['site'] } })
    expect(whyNot(strict, 'ada', 'sam')).to.deep.include({ kind: 'fewer-matched', fewer: 1, score: 33 })
    expect(whyNot(input({ locked: [['cy', 'sam']] }), 'ada', 'sam')).to.deep.equal({ kind: 'places-locked' })
  })
})

describe('a run of matching', () => {
  it('explains each pair and keeps locks, even one a hard requirement would rule out', () => {
    const result = runMatchingJob(input({ locked: [['ada', 'sam']], settings: { ...settings, required: ['site'] } }))
    expect(result.pairs.map(p => [p.doctorId, p.managerId, p.score, p.locked])).to.deep.equal([
      ['ada', 'sam', 33, true],
      ['cy', 'nia', 50, false],
    ])
    expect(result.pairs[0]!.ineligibleReason).to.contain('requires the same site')
    expect(result.pairs[1]!.contributions.map(c => c.points)).to.deep.equal([33, 0, 17, 0, 0])
    expect(result.unmatched.map(u => [u.doctorId, u.reason])).to.deep.equal([['ben', 'eligible-managers-full']])
    expect(result).to.include({ matched: 2, total: 83 })
  })

  it('in stable mode pairs by rankings and says why a doctor was left out', () => {
    const result = runMatchingJob(
      input({
        mode: 'stable',
        doctors: [doctor('ada', 'North', { ranks: ['sam'] }), doctor('ben', 'South', { ranks: ['sam', 'nia'] }), doctor('cy', 'North')],
        managers: [manager('nia', 'North', 1, { ranks: ['cy'] }), manager('sam', 'South', 1, { ranks: ['ada', 'ben'] })],
      }),
    )
    expect(result.pairs.map(p => `${p.doctorId}-${p.managerId}`)).to.deep.equal(['ada-sam'])
    expect(result.blocking).to.deep.equal([])
    expect(result.unmatched.map(u => [u.doctorId, u.explanation])).to.deep.equal([
      ['ben', 'every manager who ranked them in return filled their places with doctors they ranked higher, or may not be paired with them'],
      ['cy', 'ranked no managers'],
    ])
  })
})
