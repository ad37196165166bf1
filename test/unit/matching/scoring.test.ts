import { expect } from 'chai'
import type { DoctorCandidate, ManagerCandidate } from '../../../server/matching/criteria'
import {
  DEFAULT_SETTINGS,
  DEFAULT_WEIGHTS,
  pointsAvailable,
  scoreMatrix,
  scorePair,
  type Weights,
} from '../../../server/matching/scoring'
import { seeded } from './fixtures'

const doctor = (over: Partial<DoctorCandidate> = {}): DoctorCandidate => ({
  id: 'd1',
  specialty: 'Cardiology',
  site: "St Mary's",
  interests: [],
  tags: [],
  availability: [],
  ...over,
})
const manager = (over: Partial<ManagerCandidate> = {}): ManagerCandidate => ({
  id: 'm1',
  specialtiesCovered: ['Cardiology'],
  site: "St Mary's",
  interests: [],
  tags: [],
  availability: [],
  capacity: 1,
  ...over,
})
const only = (criterion: keyof Weights): Weights => ({
  specialty: 0,
  interests: 0,
  site: 0,
  availability: 0,
  preference: 0,
  [criterion]: 1,
})
const part = (d: DoctorCandidate, m: ManagerCandidate, criterion: keyof Weights) =>
  scorePair(d, m, { weights: only(criterion), required: [] }).contributions.find(
    c => c.criterion === criterion,
  )!

describe('matching scores', () => {
  it('shares 100 points by weight, the largest remainders taking the odd points', () => {
    // Defaults 4:3:2:3:2 of 14 → 28.57, 21.43, 14.29, 21.43, 14.29: floors make 98.
    // Specialty has the largest remainder (.57); interests and availability tie on .43
    // with equal weights, so the earlier criterion, interests, takes the last point.
    expect(pointsAvailable(DEFAULT_WEIGHTS)).to.deep.equal({
      specialty: 29,
      interests: 22,
      site: 14,
      availability: 21,
      preference: 14,
    })
    expect(pointsAvailable(only('site'))).to.deep.equal({ ...only('site'), site: 100 })
    expect(pointsAvailable({ ...only('site'), site: 0 })).to.deep.equal({ ...only('site'), site: 0 })
  })

  it('explains every contribution for a concrete pair in plain words', () => {
    const d = doctor({
      specialty: 'Cardiology',
      interests: ['Patient flow', 'Discharge', 'Digital'],
      tags: ['SDEC'],
      availability: ['mon-am', 'tue-pm', 'thu-eve', 'fri-am'],
      ranks: ['m1'],
    })
    const m = manager({
      specialtiesCovered: ['Respiratory medicine'],
      site: 'Charing Cross',
      interests: ['Discharge', 'Patient flow'],
      tags: ['sdec'],
      availability: ['mon-am', 'thu-eve', 'fri-pm'],
      ranks: ['d9', 'd1'],
    })
    const score = scorePair(d, m, { weights: DEFAULT_WEIGHTS, required: ['site'] })
    // specialty: same group (both Medicine) = half of 29 = 14.5 → 15
    // interests: 3 shared (patient flow, discharge, SDEC) reaches the cap of 3 = 22
    // site: different = 0
    // availability: 2 of 3 = 21 × 2/3 = 14
    // preference: doctor's 1st (worth 5) + manager's 2nd (worth 4) = 9/10 of 14 = 12.6 → 13
    expect(score.contributions).to.deep.equal([
      {
        criterion: 'specialty',
        points: 15,
        outOf: 29,
        explanation: "related specialty: cardiology is in the same group (medicine) as the manager's service",
      },
      {
        criterion: 'interests',
        points: 22,
        outOf: 22,
        explanation: 'both interested in patient flow, discharge and SDEC',
      },
      {
        criterion: 'site',
        points: 0,
        outOf: 14,
        explanation: "different sites (St Mary's and Charing Cross)",
      },
      {
        criterion: 'availability',
        points: 14,
        outOf: 21,
        explanation: '2 common free half-days (Monday morning and Thursday evening)',
      },
      {
        criterion: 'preference',
        points: 13,
        outOf: 14,
        explanation: "ranked each other (the doctor's 1st choice, the manager's 2nd)",
      },
    ])
    expect(score.total).to.equal(64)
    expect(score.eligible).to.equal(false)
    expect(score.ineligibleReason).to.equal(
      "different sites (St Mary's and Charing Cross), and this cohort requires the same site",
    )
  })

  it('scores specialty as covered, same group, or neither', () => {
    expect(
      part(doctor(), manager({ specialtiesCovered: ['Stroke medicine', 'cardiology'] }), 'specialty'),
    ).to.deep.include({
      points: 100,
      explanation: "the manager's service covers cardiology",
    })
    expect(
      part(
        doctor({ specialty: 'Otolaryngology (ENT)' }),
        manager({ specialtiesCovered: ['Urology'] }),
        'specialty',
      ),
    ).to.deep.include({
      points: 50,
      explanation:
        "related specialty: otolaryngology (ENT) is in the same group (surgery) as the manager's service",
    })
    expect(
      part(doctor(), manager({ specialtiesCovered: ['General psychiatry'] }), 'specialty'),
    ).to.deep.include({
      points: 0,
      explanation: "the manager's service does not cover cardiology or its group",
    })
    expect(part(doctor({ specialty: '' }), manager(), 'specialty').explanation).to.equal(
      'the doctor has not given a specialty',
    )
    expect(part(doctor(), manager({ specialtiesCovered: [] }), 'specialty').explanation).to.equal(
      'the manager has not said which specialties their service covers',
    )
  })

  it('counts shared themes and tags together, ignoring case, up to three', () => {
    const d = doctor({ interests: ['Discharge'], tags: ['Frailty ', 'discharge'] })
    expect(part(d, manager({ tags: ['FRAILTY'] }), 'interests')).to.deep.include({
      points: 33,
      explanation: 'both interested in frailty',
    })
    expect(part(d, manager({ interests: ['Discharge'], tags: ['frailty'] }), 'interests')).to.deep.include({
      points: 67,
      explanation: 'both interested in discharge and frailty',
    })
    expect(part(d, manager({ interests: ['Digital'] }), 'interests')).to.deep.include({
      points: 0,
      explanation: 'no shared QI interests',
    })
    const many = ['Patient flow', 'Discharge', 'Digital', 'Theatres']
    expect(part(doctor({ interests: many }), manager({ interests: many }), 'interests').points).to.equal(100)
  })

  it('compares sites ignoring case and never treats two unknown sites as the same', () => {
    expect(
      part(doctor({ site: 'Western General' }), manager({ site: 'western general' }), 'site'),
    ).to.deep.include({ points: 100, explanation: 'both at Western General' })
    expect(part(doctor({ site: '' }), manager({ site: '' }), 'site')).to.deep.include({
      points: 0,
      explanation: 'neither has given a site',
    })
    expect(part(doctor({ site: '' }), manager(), 'site').explanation).to.equal(
      'the doctor has not given a site',
    )
  })

  it('counts common free half-days, full marks at three, naming them when few', () => {
    const week = ['mon-am', 'mon-pm', 'tue-am', 'wed-eve', 'fri-pm']
    expect(
      part(doctor({ availability: ['wed-eve'] }), manager({ availability: week }), 'availability'),
    ).to.deep.include({
      points: 33,
      explanation: '1 common free half-day (Wednesday evening)',
    })
    expect(
      part(doctor({ availability: week }), manager({ availability: [...week, 'sun-am'] }), 'availability'),
    ).to.deep.include({
      points: 100,
      explanation: '5 common free half-days',
    })
    expect(
      part(
        doctor({ availability: ['sat-am', 'not-a-slot'] }),
        manager({ availability: week }),
        'availability',
      ),
    ).to.deep.include({
      points: 0,
      explanation: 'no free half-day in common',
    })
  })

  it('scores preference only when both ranked each other, higher for higher places', () => {
    const both = part(doctor({ ranks: ['m0', 'm1'] }), manager({ ranks: ['d1'] }), 'preference')
    // doctor's 2nd (worth 4) + manager's 1st (worth 5) = 9/10
    expect(both).to.deep.include({
      points: 90,
      explanation: "ranked each other (the doctor's 2nd choice, the manager's 1st)",
    })
    expect(part(doctor({ ranks: ['m1'] }), manager(), 'preference')).to.deep.include({
      points: 0,
      explanation: 'only the doctor ranked this manager (1st choice)',
    })
    expect(part(doctor(), manager({ ranks: ['x', 'y', 'd1'] }), 'preference')).to.deep.include({
      points: 0,
      explanation: 'only the manager ranked this doctor (3rd choice)',
    })
    expect(part(doctor(), manager(), 'preference')).to.deep.include({
      points: 0,
      explanation: 'did not rank each other',
    })
  })

  it('makes a pair ineligible for every hard requirement it misses, naming each', () => {
    const score = scorePair(
      doctor({ specialty: 'Urology' }),
      manager({ specialtiesCovered: ['Paediatrics'] }),
      { weights: DEFAULT_WEIGHTS, required: ['specialty', 'site', 'availability'] },
    )
    expect(score.eligible).to.equal(false)
    expect(score.ineligibleReason).to.equal(
      "the manager's service does not cover urology or its group, and this cohort requires a related specialty; no free half-day in common, and this cohort requires a free half-day in common",
    )
    expect(
      scorePair(doctor(), manager(), { weights: DEFAULT_WEIGHTS, required: ['specialty', 'site'] }).eligible,
    ).to.equal(true)
  })

  it('gives the same totals in the fast matrix as pair by pair', () => {
    const rng = seeded(11)
    // Tags from a vocabulary of `words`: a few (one bitmask), dozens (several), hundreds (none).
    const people = (n: number, words: number) =>
      Array.from({ length: n }, (_, i) => ({
        id: `p${i}`,
        site: rng.pick(['A', 'B', '']),
        interests: ['Discharge', 'Digital', 'Theatres', 'Workforce'].filter(() => rng.next() < 0.4),
        tags: [
          ...['frailty', 'Frailty', 'sdec'].filter(() => rng.next() < 0.3),
          ...Array.from({ length: rng.int(0, 6) }, () => `tag ${rng.int(1, words)}`),
        ],
        availability: ['mon-am', 'mon-pm', 'tue-am', 'wed-pm', 'thu-eve'].filter(() => rng.next() < 0.5),
      }))
    const cases = [
      { words: 1, required: ['interests' as const] },
      { words: 60, required: ['preference' as const, 'site' as const] },
      { words: 400, required: [] },
    ]
    for (const { words, required } of cases) {
      const doctors = people(15, words).map(p => ({
        ...p,
        id: `d${p.id}`,
        specialty: rng.pick(['Cardiology', 'Urology', 'Neonatology', '']),
        ranks: ['dp1', 'mp2', 'mp0'],
      }))
      const managers = people(9, words).map(p => ({
        ...p,
        id: `m${p.id}`,
        specialtiesCovered: [rng.pick(['Geriatric medicine', 'Vascular surgery', 'Paediatrics'])],
        capacity: 2,
        ranks: ['dp3', 'dp0'],
      }))
      const settings = { weights: { ...DEFAULT_SETTINGS.weights, site: 7 }, required }
      const matrix = scoreMatrix(doctors, managers, settings)
      doctors.forEach((d, i) =>
        managers.forEach((m, j) => {
          const one = scorePair(d, m, settings)
          expect(matrix.points[i * managers.length + j], `${words} words`).to.equal(one.total)
          expect(matrix.eligible[i * managers.length + j], `${words} words`).to.equal(one.eligible ? 1 : 0)
        }),
      )
    }
  })
})
