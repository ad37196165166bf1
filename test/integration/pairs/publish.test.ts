import { expect } from 'chai'
import { Cohort } from '../../../models/cohort'
import { Exclusion } from '../../../models/exclusion'
import { OutboxMessage } from '../../../models/outbox-message'
import { Pair } from '../../../models/pair'
import { Profile } from '../../../models/profile'
import { browserFor, buildTestApp, type TestApp } from '../../support/test-app'
import { insertCohort, insertMember } from '../../support/cohorts'
import { signedIn, TEST_PASSWORD } from '../../support/users'

const LEAD = '64b000000000000000000001'

const pair = (doctorId: unknown, managerId: unknown, score = 70) => ({
  doctorId: doctorId as never,
  managerId: managerId as never,
  score,
  contributions: [{ criterion: 'interests', points: 30, explanation: 'both interested in discharge' }],
})

describe('publishing pairs', () => {
  let t: TestApp
  beforeEach(async () => {
    t = await buildTestApp()
  })

  it('creates the pairs, starts the cohort, introduces both people by email and shows each their partner', async () => {
    const cohort = await insertCohort({ status: 'matching' })
    const doctor = await insertMember(cohort._id, 'doctor', { name: 'Dara Doctor' })
    const manager = await insertMember(cohort._id, 'manager', { name: 'Mina Manager' })
    const browser = browserFor(t.app)
    await browser.submit('/sign-in', { email: doctor.email, password: TEST_PASSWORD })
    expect((await browser.get('/')).text, 'never before publication').not.to.contain('Your partner')

    const result = await t.services.pairs.publish(cohort, [pair(doctor._id, manager._id)], LEAD)
    expect(result).to.deep.equal({ published: 1, refused: [] })
    expect((await Cohort.findById(cohort._id).lean())?.status).to.equal('running')
    const emails = await OutboxMessage.find().sort({ to: 1 }).lean()
    expect(emails.map(e => e.subject)).to.have.members(['Meet your Tandem partner: Mina Manager', 'Meet your Tandem partner: Dara Doctor'])
    expect(emails[0]!.text).to.contain('Why you were paired: both interested in discharge.')
    const home = await browser.get('/')
    expect(home.text).to.contain('Your partner in Surgery and Medicine, spring 2027')
    expect(home.text).to.contain('Mina Manager, manager')
  })

  it('refuses exclusions, people outside the cohort, a second pair for a doctor and more doctors than a manager’s places', async () => {
    const cohort = await insertCohort()
    const [d1, d2, d3] = [await insertMember(cohort._id, 'doctor'), await insertMember(cohort._id, 'doctor'), await insertMember(cohort._id, 'doctor')]
    const manager = await insertMember(cohort._id, 'manager')
    const other = await insertMember(cohort._id, 'manager')
    await Profile.updateOne({ userId: manager._id }, { $set: { capacity: 2 } })
    await Exclusion.create({ cohortId: cohort._id, doctorId: d3._id, managerId: other._id, reason: 'Line manager' })
    const result = await t.services.pairs.publish(cohort, [pair(d1._id, manager._id), pair(d2._id, manager._id), pair(d3._id, manager._id), pair(d3._id, other._id), pair(d1._id, other._id), pair(manager._id, d1._id)], LEAD)
    expect(result.published).to.equal(2)
    expect(result.refused.map(r => r.reason)).to.deep.equal([
      'the manager has no free place (capacity 2)',
      'excluded from being paired',
      'the doctor is already in a published pair',
      'not a doctor and a manager in this cohort',
    ])
  })

  it('never gives a manager more doctors than places, even when published at the same instant', async () => {
    const cohort = await insertCohort()
    const manager = await insertMember(cohort._id, 'manager')
    const doctors = await Promise.all(Array.from({ length: 8 }, () => insertMember(cohort._id, 'doctor')))
    await Promise.all(doctors.map(d => t.services.pairs.publish(cohort, [pair(d._id, manager._id)], LEAD)))
    expect(await Pair.countDocuments({ managerId: manager._id }), 'capacity 1').to.equal(1)
    const other = await insertMember(cohort._id, 'manager')
    await Profile.updateOne({ userId: other._id }, { $set: { capacity: 3 } })
    const doctor = await insertMember(cohort._id, 'doctor')
    await Promise.all([1, 2, 3, 4].map(() => t.services.pairs.publish(cohort, [pair(doctor._id, other._id)], LEAD)))
    expect(await Pair.countDocuments({ doctorId: doctor._id }), 'one pair per doctor').to.equal(1)
  })
})

describe('the lead’s list of pairs', () => {
  it('shows published pairs with their reasons, to leads only', async () => {
    const t = await buildTestApp()
    const cohort = await insertCohort()
    const doctor = await insertMember(cohort._id, 'doctor', { name: 'Dara Doctor' })
    const manager = await insertMember(cohort._id, 'manager', { name: 'Mina Manager' })
    const { browser } = await signedIn(t, ['lead'])
    expect((await browser.get(`/cohorts/${cohort._id}/pairs`)).text).to.contain('No pairs have been published yet')
    await t.services.pairs.publish(cohort, [pair(doctor._id, manager._id, 83)], LEAD)
    const page = await browser.get(`/cohorts/${cohort._id}/pairs`)
    expect(page.text).to.contain('Dara Doctor').and.contain('Mina Manager').and.contain('both interested in discharge').and.contain('>83<')
    const asDoctor = browserFor(t.app)
    await asDoctor.submit('/sign-in', { email: doctor.email, password: TEST_PASSWORD })
    expect((await asDoctor.get(`/cohorts/${cohort._id}/pairs`)).status).to.equal(403)
  })
})
