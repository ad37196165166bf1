import { expect } from 'chai'
import { Cohort } from '../../../models/cohort'
import { Priority } from '../../../models/priority'
import { buildTestApp, type TestApp } from '../../support/test-app'
import { insertCohort, insertMember } from '../../support/cohorts'
import { signedIn } from '../../support/users'

const validCohort = {
  name: 'Surgery and Medicine, spring 2027',
  'start-day': '1',
  'start-month': '3',
  'start-year': '2027',
  'end-day': '31',
  'end-month': '8',
  'end-year': '2027',
  sites: 'St Thomas’ Hospital\nGuy’s Hospital\nSt Thomas’ Hospital',
  targetDoctorShadowsManager: '2',
  targetManagerShadowsDoctor: '3',
  status: 'recruiting',
}

describe('cohorts', () => {
  let t: TestApp
  beforeEach(async () => {
    t = await buildTestApp()
  })

  it('lets a lead create a cohort and see its overview', async () => {
    const { browser } = await signedIn(t, ['lead'])
    const created = await browser.submit('/cohorts/new', validCohort)
    expect(created.status).to.equal(303)
    const cohort = await Cohort.findOne().lean()
    expect(cohort).to.deep.include({ name: validCohort.name, sites: ['St Thomas’ Hospital', 'Guy’s Hospital'], targetManagerShadowsDoctor: 3, status: 'recruiting' })
    expect(cohort!.startDate.toISOString()).to.equal('2027-03-01T00:00:00.000Z')
    const overview = await browser.get(created.headers.location!)
    expect(overview.text).to.contain('1 March 2027 to 31 August 2027')
    expect(overview.text).to.contain('Cohort “Surgery and Medicine, spring 2027” created')
  })

  it('answers every mistake in the error summary, in page order, keeping what was typed', async () => {
    const { browser } = await signedIn(t, ['lead'])
    const response = await browser.submit('/cohorts/new', {
      ...validCohort,
      name: '',
      'start-day': '31',
      'start-month': '2',
      'end-year': '',
      sites: '',
      targetDoctorShadowsManager: 'two',
      status: 'paused',
    })
    expect(response.status).to.equal(400)
    const links = [...response.text.matchAll(/<li><a href="#([^"]+)">/g)].map(m => m[1])
    expect(links).to.deep.equal(['name', 'start-day', 'end-day', 'sites', 'targetDoctorShadowsManager', 'status'])
    expect(response.text).to.contain('The start date must be a real date')
    expect(response.text).to.contain('The end date must include a year')
    expect(response.text).to.contain('value="two"')
    expect(response.text).to.contain('value="31"')
    expect(await Cohort.countDocuments()).to.equal(0)
  })

  it('refuses an end date before the start date', async () => {
    const { browser } = await signedIn(t, ['lead'])
    const response = await browser.submit('/cohorts/new', { ...validCohort, 'end-year': '2026' })
    expect(response.status).to.equal(400)
    expect(response.text).to.contain('The end date must be after the start date')
  })

  it('edits a cohort', async () => {
    const cohort = await insertCohort()
    const { browser } = await signedIn(t, ['lead'])
    const page = await browser.get(`/cohorts/${cohort._id}/edit`)
    expect(page.text).to.contain('value="Surgery and Medicine, spring 2027"')
    const saved = await browser.submit(`/cohorts/${cohort._id}/edit`, { ...validCohort, name: 'Renamed', status: 'matching' })
    expect(saved.status).to.equal(303)
    expect(await Cohort.findById(cohort._id).lean()).to.deep.include({ name: 'Renamed', status: 'matching' })
  })

  it('counts people, complete profiles and pending invitations on the overview', async () => {
    const cohort = await insertCohort()
    await insertMember(cohort._id, 'doctor')
    await insertMember(cohort._id, 'doctor', { status: 'invited' })
    await insertMember(cohort._id, 'manager')
    const { browser } = await signedIn(t, ['lead'])
    const page = await browser.get(`/cohorts/${cohort._id}`)
    const count = (label: string) => new RegExp(`>(\\d+)</p>\\s*<p class="nhsuk-card__description">${label}<`).exec(page.text)?.[1]
    expect([count('Doctors'), count('Managers'), count('Profiles complete'), count('Invitations not yet accepted')]).to.deep.equal(['2', '1', '0', '1'])
  })

  it('keeps cohorts from doctors and managers, and answers a bad id with 404', async () => {
    const cohort = await insertCohort()
    const { browser } = await signedIn(t, ['doctor'])
    expect((await browser.get('/cohorts')).status).to.equal(403)
    expect((await browser.get(`/cohorts/${cohort._id}`)).status).to.equal(403)
    const lead = await signedIn(t, ['lead'])
    expect((await lead.browser.get('/cohorts/not-an-id')).status).to.equal(404)
    expect((await lead.browser.get('/cohorts/64b000000000000000000000')).status).to.equal(404)
  })
})

describe('organisational priorities', () => {
  let t: TestApp
  beforeEach(async () => {
    t = await buildTestApp()
  })

  it('are added, validated, edited and archived by a lead', async () => {
    const { browser } = await signedIn(t, ['lead'])
    const bad = await browser.submit('/priorities/new', { title: '', description: 'x'.repeat(601) })
    expect(bad.status).to.equal(400)
    expect(bad.text).to.contain('href="#title"').and.contain('href="#description"')
    expect((await browser.submit('/priorities/new', { title: 'Reduce length of stay', description: 'Fewer days in hospital' })).status).to.equal(303)
    const priority = await Priority.findOne().lean()
    expect((await browser.submit(`/priorities/${priority!._id}/edit`, { title: 'Reduce length of stay', description: '', archived: 'yes' })).status).to.equal(303)
    expect(await Priority.findById(priority!._id).lean()).to.deep.include({ archived: true, description: '' })
    const list = await browser.get('/priorities')
    expect(list.text).to.contain('Reduce length of stay').and.contain('Archived')
  })

  it('cannot be changed by a manager', async () => {
    const { browser } = await signedIn(t, ['manager'])
    expect((await browser.submit('/', { title: 'Mine' }, '/priorities/new')).status).to.equal(403)
    expect(await Priority.countDocuments()).to.equal(0)
  })
})
