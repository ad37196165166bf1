import { expect } from 'chai'
import { Profile } from '../../../models/profile'
import { buildTestApp, type TestApp } from '../../support/test-app'
import { insertCohort, insertMember } from '../../support/cohorts'
import { browserFor } from '../../support/test-app'
import { signedIn, TEST_PASSWORD } from '../../support/users'

const doctorProfile = {
  grade: 'FY2',
  specialty: 'Geriatric medicine',
  site: 'Guy’s Hospital',
  interests: ['Discharge', 'Patient flow'],
  tags: 'frailty, Frailty , virtual wards',
  availability: ['mon-am', 'wed-pm', 'sun-eve'],
  unavailable: '1/12/2026 - 14/12/2026 leave\n5/1/2027 - 9/1/2027 nights',
  note: 'Understand how bed meetings decide',
}

describe('profiles', () => {
  let t: TestApp
  beforeEach(async () => {
    t = await buildTestApp()
  })

  async function signedInMember(side: 'doctor' | 'manager') {
    const cohort = await insertCohort()
    const user = await insertMember(cohort._id, side)
    const browser = browserFor(t.app)
    await browser.submit('/sign-in', { email: user.email, password: TEST_PASSWORD })
    return { cohort, user, browser }
  }

  it('lets a doctor complete their own profile, shown as complete afterwards', async () => {
    const { user, browser } = await signedInMember('doctor')
    const before = await browser.get('/profile')
    expect(before.text).to.contain('Profile 0% complete')
    const saved = await browser.submit('/profile', doctorProfile)
    expect(saved.status).to.equal(303)
    const profile = await Profile.findOne({ userId: user._id }).lean()
    expect(profile).to.deep.include({ grade: 'FY2', specialty: 'Geriatric medicine', site: 'Guy’s Hospital', note: doctorProfile.note })
    expect(profile!.tags).to.deep.equal(['frailty', 'virtual wards'])
    expect(profile!.availability).to.deep.equal(['mon-am', 'wed-pm', 'sun-eve'])
    expect(profile!.unavailable.map(u => [u.from.toISOString().slice(0, 10), u.to.toISOString().slice(0, 10), u.reason])).to.deep.equal([
      ['2026-12-01', '2026-12-14', 'leave'],
      ['2027-01-05', '2027-01-09', 'nights'],
    ])
    const after = await browser.get('/profile')
    expect(after.text).to.contain('Complete')
    expect(after.text).to.contain('1/12/2026 - 14/12/2026 leave')
    expect((await browser.get('/')).text).not.to.contain('Incomplete')
  })

  it('keeps everything typed when the form has mistakes, and saves nothing', async () => {
    const { user, browser } = await signedInMember('doctor')
    const response = await browser.submit('/profile', { ...doctorProfile, specialty: 'Astrology', site: 'Elsewhere', unavailable: '14/12/2026 - 1/12/2026', availability: ['mon-am', 'mon-night'] })
    expect(response.status).to.equal(400)
    for (const field of ['specialty', 'site', 'availability', 'unavailable']) expect(response.text).to.contain(`href="#${field}"`)
    expect(response.text).to.contain('Dates unavailable, line 1: the end date must be on or after the start date')
    expect(response.text).to.contain('frailty, Frailty , virtual wards'.trim())
    expect(response.text).to.match(/value="mon-am" checked/)
    expect((await Profile.findOne({ userId: user._id }).lean())?.grade).to.equal('')
  })

  it('gives a manager the manager questions: capacity, specialties covered and shadowable meetings', async () => {
    const { user, browser } = await signedInMember('manager')
    const page = await browser.get('/profile')
    expect(page.text).to.contain('How many doctors can you take?')
    const saved = await browser.submit('/profile', {
      jobTitle: 'General manager',
      band: '8b',
      directorate: 'Medicine',
      specialtiesCovered: ['Geriatric medicine', 'Stroke medicine'],
      capacity: '2',
      site: 'St Thomas’ Hospital',
      interests: 'Discharge',
      availability: 'tue-am',
      meetings: 'Bed meeting | 08:30 daily | Site office\nDirectorate board | first Tuesday monthly',
    })
    expect(saved.status).to.equal(303)
    const profile = await Profile.findOne({ userId: user._id }).lean()
    expect(profile).to.deep.include({ capacity: 2, band: '8b' })
    expect(profile!.shadowableMeetings).to.deep.equal([
      { title: 'Bed meeting', when: '08:30 daily', location: 'Site office' },
      { title: 'Directorate board', when: 'first Tuesday monthly', location: '' },
    ])
    const bad = await browser.submit('/profile', { capacity: '5', meetings: 'Bed meeting' })
    expect(bad.status).to.equal(400)
    expect(bad.text).to.contain('href="#capacity"').and.contain('href="#meetings"')
  })

  it('lets a lead edit anyone’s profile, but a doctor only their own', async () => {
    const { cohort, browser } = await signedInMember('doctor')
    const other = await insertMember(cohort._id, 'doctor', { name: 'Private Person' })
    const peek = await browser.get(`/people/${other._id}/profile`)
    expect(peek.status).to.equal(403)
    expect(peek.text).not.to.contain('Private Person')
    expect((await browser.submit('/profile', { grade: 'FY1' }, `/people/${other._id}/profile`)).status).to.equal(403)

    const { browser: lead } = await signedIn(t, ['lead'])
    const page = await lead.get(`/people/${other._id}/profile`)
    expect(page.status).to.equal(200)
    expect(page.text).to.contain('Profile of Private Person')
    expect((await lead.submit(`/people/${other._id}/profile`, { grade: 'ST3' })).status).to.equal(303)
    expect((await Profile.findOne({ userId: other._id }).lean())?.grade).to.equal('ST3')
  })
})
