import { expect } from 'chai'
import type { Types } from 'mongoose'
import { Enrolment } from '../../../models/enrolment'
import { Exclusion } from '../../../models/exclusion'
import { Ranking } from '../../../models/ranking'
import { insertCohort, insertMember } from '../../support/cohorts'
import { buildTestApp, type TestApp } from '../../support/test-app'
import { signedIn, signInAs } from '../../support/users'
import { cardiologyDoctor, cardiologyManager, GUYS } from './ranking-fixtures'

const storedRanking = async (userId: Types.ObjectId) => (await Ranking.findOne({ userId }).lean())?.ranked.map(String)

describe('ranking partners', () => {
  let t: TestApp
  beforeEach(async () => {
    t = await buildTestApp()
  })

  it('shows a doctor their managers best first with why they suit, and saves and re-shows their ranking', async () => {
    const cohort = await insertCohort()
    const doctor = await cardiologyDoctor(cohort._id)
    const bea = await cardiologyManager(cohort._id, 'Bea Best', GUYS)
    const ada = await cardiologyManager(cohort._id, 'Ada Able')
    const path = `/cohorts/${cohort._id}/ranking`
    const browser = await signInAs(t, doctor)

    const page = await browser.get(path)
    expect(page.status).to.equal(200)
    expect(page.text.indexOf('Ada Able')).to.be.lessThan(page.text.indexOf('Bea Best'))
    expect(page.text).to.contain('Service manager, Heart and lung, St Thomas’ Hospital')
    expect(page.text).to.contain('service covers cardiology').and.contain('both at St Thomas’ Hospital')

    const saved = await browser.submit(path, { 'choice-1': String(bea._id), 'choice-2': String(ada._id), 'choice-3': '' })
    expect(saved.status).to.equal(303)
    expect(saved.headers.location).to.equal(path)
    expect(await storedRanking(doctor._id)).to.deep.equal([String(bea._id), String(ada._id)])
    const again = await browser.get(path)
    expect(again.text).to.contain('Your ranking has been saved')
    expect(again.text).to.match(new RegExp(`id="choice-1"[\\s\\S]*?value="${bea._id}" selected[\\s\\S]*id="choice-2"[\\s\\S]*?value="${ada._id}" selected`))
  })

  it('lets a manager rank doctors, described by grade, specialty and site', async () => {
    const cohort = await insertCohort()
    const manager = await cardiologyManager(cohort._id, 'Ada Able')
    const doctor = await cardiologyDoctor(cohort._id, 'Dr Eve Early')
    const browser = await signInAs(t, manager)
    const path = `/cohorts/${cohort._id}/ranking`
    expect((await browser.get(path)).text).to.contain('Dr Eve Early').and.contain('ST3, Cardiology, St Thomas’ Hospital')
    expect((await browser.submit(path, { 'choice-1': String(doctor._id) })).status).to.equal(303)
    expect(await storedRanking(manager._id)).to.deep.equal([String(doctor._id)])
  })

  it('refuses a repeated choice, a gap and someone not offered, keeping what was chosen and saving nothing', async () => {
    const cohort = await insertCohort()
    const doctor = await cardiologyDoctor(cohort._id)
    const ada = await cardiologyManager(cohort._id, 'Ada Able')
    const bea = await cardiologyManager(cohort._id, 'Bea Best', GUYS)
    const excluded = await cardiologyManager(cohort._id, 'Dee Done')
    await Exclusion.create({ cohortId: cohort._id, doctorId: doctor._id, managerId: excluded._id, reason: 'line manager' })
    const browser = await signInAs(t, doctor)
    const path = `/cohorts/${cohort._id}/ranking`

    const repeated = await browser.submit(path, { 'choice-1': String(ada._id), 'choice-2': String(bea._id), 'choice-3': String(ada._id) })
    expect(repeated.status).to.equal(400)
    expect(repeated.text).to.contain('href="#choice-3"').and.contain('Ada Able is already your 1st choice: choose someone else as your 3rd choice')
    expect(repeated.text).to.match(new RegExp(`id="choice-2"[\\s\\S]*?value="${bea._id}" selected`))

    const gap = await browser.submit(path, { 'choice-1': String(ada._id), 'choice-3': String(bea._id) })
    expect(gap.status).to.equal(400)
    expect(gap.text).to.contain('href="#choice-2"').and.contain('Choose a 2nd choice, or move your 3rd choice up')
    expect(gap.text).to.match(new RegExp(`id="choice-3"[\\s\\S]*?value="${bea._id}" selected`))

    for (const notOffered of [String(excluded._id), 'not-an-id', '{"$ne":null}']) {
      const refused = await browser.submit(path, { 'choice-1': notOffered })
      expect(refused.status, notOffered).to.equal(400)
      expect(refused.text).to.contain('href="#choice-1"').and.contain('Choose your 1st choice from the list')
    }
    expect(await Ranking.countDocuments()).to.equal(0)
  })

  it('lets only people enrolled in the cohort rank in it', async () => {
    const cohort = await insertCohort()
    const other = await insertCohort({ name: 'Other cohort' })
    await cardiologyManager(cohort._id, 'Ada Able')
    const outsider = await cardiologyDoctor(other._id, 'Dr Otto Outside')
    const browser = await signInAs(t, outsider)
    const path = `/cohorts/${cohort._id}/ranking`
    expect((await browser.get(path)).status).to.equal(403)
    expect((await browser.submit('/profile', {}, path)).status).to.equal(403)
    expect((await browser.get(`/cohorts/${'0'.repeat(24)}/ranking`)).status).to.equal(404)
    expect((await browser.get('/cohorts/nonsense/ranking')).status).to.equal(404)
    expect((await browser.get(`/cohorts/${other._id}/ranking`)).status).to.equal(200)
  })

  it('shows a lead a person’s ranking read-only, and does not let the lead rank for them', async () => {
    const cohort = await insertCohort()
    const doctor = await cardiologyDoctor(cohort._id)
    const ada = await cardiologyManager(cohort._id, 'Ada Able')
    await Ranking.create({ cohortId: cohort._id, userId: doctor._id, side: 'doctor', ranked: [ada._id] })
    const { browser: lead } = await signedIn(t, ['lead'])
    const view = await lead.get(`/cohorts/${cohort._id}/people/${doctor._id}/ranking`)
    expect(view.status).to.equal(200)
    expect(view.text).to.contain('Ranking of Dr Dana Doctor').and.contain('1st choice').and.contain('Ada Able')
    expect(view.text).not.to.contain('<select')

    expect((await lead.submit('/profile', { 'choice-1': String(ada._id) }, `/cohorts/${cohort._id}/ranking`)).status).to.equal(403)
    expect((await lead.submit('/profile', { 'choice-1': String(ada._id) }, `/cohorts/${cohort._id}/people/${doctor._id}/ranking`)).status).to.equal(404)
    const notInCohort = await insertMember((await insertCohort({ name: 'Other' }))._id, 'doctor')
    expect((await lead.get(`/cohorts/${cohort._id}/people/${notInCohort._id}/ranking`)).status).to.equal(404)

    const doctorBrowser = await signInAs(t, doctor)
    expect((await doctorBrowser.get(`/cohorts/${cohort._id}/people/${doctor._id}/ranking`)).status).to.equal(403)
  })

  it('closes rankings once matching is over: the page says so and a change is refused', async () => {
    const cohort = await insertCohort({ status: 'running' })
    const doctor = await cardiologyDoctor(cohort._id)
    const ada = await cardiologyManager(cohort._id, 'Ada Able')
    const bea = await cardiologyManager(cohort._id, 'Bea Best', GUYS)
    await Ranking.create({ cohortId: cohort._id, userId: doctor._id, side: 'doctor', ranked: [ada._id] })
    const browser = await signInAs(t, doctor)
    const path = `/cohorts/${cohort._id}/ranking`
    const page = await browser.get(path)
    expect(page.text).to.contain('Rankings for this cohort are closed').and.contain('Ada Able')
    expect(page.text).not.to.contain('<select')
    const refused = await browser.submit('/profile', { 'choice-1': String(bea._id) }, path)
    expect(refused.status).to.equal(409)
    expect(refused.text).to.contain('Rankings for Surgery and Medicine, spring 2027 are closed, so your ranking was not changed')
    expect(await storedRanking(doctor._id)).to.deep.equal([String(ada._id)])
  })

  it('links from the home page while rankings are open, saying whether the person has ranked', async () => {
    const open = await insertCohort({ name: 'Open cohort', status: 'matching' })
    const closed = await insertCohort({ name: 'Closed cohort', status: 'closed' })
    const doctor = await cardiologyDoctor(open._id)
    await Enrolment.create({ cohortId: closed._id, userId: doctor._id, side: 'doctor' })
    const ada = await cardiologyManager(open._id, 'Ada Able')
    const browser = await signInAs(t, doctor)
    const home = await browser.get('/')
    expect(home.text).to.contain(`href="/cohorts/${open._id}/ranking">Rank your preferred partners in Open cohort</a>`)
    expect(home.text).to.contain('You take part in Open cohort as a doctor and Closed cohort as a doctor')
    expect(home.text).to.contain('Not ranked').and.not.contain('Closed cohort</a>')
    await browser.submit(`/cohorts/${open._id}/ranking`, { 'choice-1': String(ada._id) })
    expect((await browser.get('/')).text).to.match(/Rank your preferred partners in Open cohort<\/a>\s*<strong class="nhsuk-tag nhsuk-tag--green">Ranked/)
  })
})
