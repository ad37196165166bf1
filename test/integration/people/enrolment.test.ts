import { expect } from 'chai'
import { Enrolment } from '../../../models/enrolment'
import { Exclusion } from '../../../models/exclusion'
import { OutboxMessage } from '../../../models/outbox-message'
import { User } from '../../../models/user'
import { buildTestApp, type TestApp } from '../../support/test-app'
import { insertCohort, insertMember } from '../../support/cohorts'
import { insertUser, signedIn } from '../../support/users'

describe('adding people to a cohort', () => {
  let t: TestApp
  beforeEach(async () => {
    t = await buildTestApp()
  })

  it('invites a new person by email and enrols them; adding them again changes nothing', async () => {
    const cohort = await insertCohort()
    const { browser } = await signedIn(t, ['lead'])
    const path = `/cohorts/${cohort._id}/people/add`
    expect((await browser.submit(path, { email: 'New.Doctor@example.nhs.uk', side: 'doctor' })).status).to.equal(303)
    expect((await browser.get(path)).text).to.contain('has been invited and added as a doctor')
    expect((await browser.submit(path, { email: 'new.doctor@example.nhs.uk', side: 'doctor' })).status).to.equal(303)
    expect((await browser.get(path)).text).to.contain('is already in this cohort')
    expect(await Enrolment.countDocuments({ cohortId: cohort._id })).to.equal(1)
    expect(await OutboxMessage.countDocuments({ to: 'new.doctor@example.nhs.uk' })).to.equal(1)
    const message = await OutboxMessage.findOne().lean()
    expect(message!.text).to.contain(`as a doctor`)
  })

  it('just enrols someone who already has an account', async () => {
    const cohort = await insertCohort()
    const existing = await insertUser({ email: 'had@example.nhs.uk', roles: ['manager'] })
    const { browser } = await signedIn(t, ['lead'])
    await browser.submit(`/cohorts/${cohort._id}/people/add`, { email: 'had@example.nhs.uk', side: 'manager' })
    expect(await Enrolment.exists({ cohortId: cohort._id, userId: existing._id, side: 'manager' })).to.not.equal(null)
    expect((await User.findById(existing._id).lean())?.status).to.equal('active')
  })

  it('refuses to put a person on both sides of one cohort', async () => {
    const cohort = await insertCohort()
    const doctor = await insertMember(cohort._id, 'doctor')
    const { browser } = await signedIn(t, ['lead'])
    const response = await browser.submit(`/cohorts/${cohort._id}/people/add`, { email: doctor.email, side: 'manager' })
    expect(response.status).to.equal(400)
    expect(response.text).to.contain('is already in this cohort as a doctor')
  })

  it('checks the form', async () => {
    const cohort = await insertCohort()
    const { browser } = await signedIn(t, ['lead'])
    const response = await browser.submit(`/cohorts/${cohort._id}/people/add`, { email: 'nope', side: '' })
    expect(response.status).to.equal(400)
    expect(response.text).to.contain('href="#email"').and.contain('href="#side"')
  })
})

describe('the lead directory', () => {
  let t: TestApp
  beforeEach(async () => {
    t = await buildTestApp()
  })

  it('lists, filters and sorts the cohort’s people, and is for leads only', async () => {
    const cohort = await insertCohort()
    await insertMember(cohort._id, 'doctor', { name: 'Zara Doctor' })
    await insertMember(cohort._id, 'doctor', { name: 'Adam Doctor' })
    await insertMember(cohort._id, 'manager', { name: 'Mo Manager' })
    const other = await insertCohort({ name: 'Other cohort' })
    await insertMember(other._id, 'doctor', { name: 'Elsewhere Person' })
    const { browser } = await signedIn(t, ['lead'])
    const all = await browser.get(`/cohorts/${cohort._id}/people`)
    expect(all.text).to.contain('3 people match')
    expect(all.text).not.to.contain('Elsewhere Person')
    expect(all.text.indexOf('Adam Doctor')).to.be.lessThan(all.text.indexOf('Zara Doctor'))
    const doctorsDesc = await browser.get(`/cohorts/${cohort._id}/people?side=doctor&sort=name&order=desc`)
    expect(doctorsDesc.text).to.contain('2 people match')
    expect(doctorsDesc.text.indexOf('Zara Doctor')).to.be.lessThan(doctorsDesc.text.indexOf('Adam Doctor'))
    expect(doctorsDesc.text).to.contain('aria-sort="descending"')
    // Nonsense in the query is ignored, not an error.
    expect((await browser.get(`/cohorts/${cohort._id}/people?side[$ne]=x&page=-4&sort=evil`)).status).to.equal(200)

    const doctor = await signedIn(t, ['doctor'])
    expect((await doctor.browser.get(`/cohorts/${cohort._id}/people`)).status).to.equal(403)
  })

  it('reminds everyone with an incomplete profile once a day, through the outbox', async () => {
    const cohort = await insertCohort()
    await insertMember(cohort._id, 'doctor', { name: 'Active Doctor' })
    await insertMember(cohort._id, 'manager', { status: 'invited' })
    const { browser } = await signedIn(t, ['lead'])
    const path = `/cohorts/${cohort._id}/people`
    await browser.submit(path, {}, `${path}/remind`)
    expect((await browser.get(path)).text).to.contain('Reminders sent: 1 to complete a profile, 1 with a new invitation link')
    expect(await OutboxMessage.countDocuments()).to.equal(2)
    await browser.submit(path, {}, `${path}/remind`)
    expect(await OutboxMessage.countDocuments(), 'not twice on one day').to.equal(2)
    t.clock.advance(24 * 60 * 60 * 1000)
    await browser.submit(path, {}, `${path}/remind`)
    expect(await OutboxMessage.countDocuments()).to.equal(4)
  })
})

describe('exclusions', () => {
  let t: TestApp
  beforeEach(async () => {
    t = await buildTestApp()
  })

  it('records pairs that must never be matched, refuses duplicates and wrong sides, and removes them', async () => {
    const cohort = await insertCohort()
    const doctor = await insertMember(cohort._id, 'doctor', { name: 'Dee' })
    const manager = await insertMember(cohort._id, 'manager', { name: 'Max' })
    const { browser } = await signedIn(t, ['lead'])
    const path = `/cohorts/${cohort._id}/exclusions`
    const missing = await browser.submit(path, { doctorId: String(doctor._id), managerId: String(manager._id), reason: '' })
    expect(missing.status).to.equal(400)
    expect(missing.text).to.contain('Enter the reason')
    const wrongSide = await browser.submit(path, { doctorId: String(manager._id), managerId: String(doctor._id), reason: 'x' })
    expect(wrongSide.text).to.contain('Select a doctor in this cohort').and.contain('Select a manager in this cohort')
    expect((await browser.submit(path, { doctorId: String(doctor._id), managerId: String(manager._id), reason: 'Line manager' })).status).to.equal(303)
    const dup = await browser.submit(path, { doctorId: String(doctor._id), managerId: String(manager._id), reason: 'Again' })
    expect(dup.text).to.contain('already excluded')
    const page = await browser.get(path)
    expect(page.text).to.contain('Line manager')
    const exclusion = await Exclusion.findOne().lean()
    expect((await browser.submit(path, {}, `${path}/${exclusion!._id}/delete`)).status).to.equal(303)
    expect(await Exclusion.countDocuments()).to.equal(0)
  })
})
