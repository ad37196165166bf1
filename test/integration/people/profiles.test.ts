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
    // The half-days' hours are the slot finder's (DAY_PART_HOURS); doctors list no meetings.
    expect(after.text).to.contain('Morning is 8am to 1pm, afternoon is 1pm to 6pm and evening is 6pm to 10pm.')
    expect(after.text).not.to.contain('Meetings a doctor could shadow')
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
    const after = await browser.get('/profile')
    expect(after.text).to.contain('Your profile has been saved').and.contain('How Tandem reads your meetings')
    expect(after.text).to.contain('<li>Bed meeting: Monday to Friday at 8:30am for 1 hour — offered first when your partner books</li>')
    expect(after.text).to.contain(
      '<li>Directorate board: first Tuesday monthly — not weekly, so not offered at a fixed time; your partner can still choose it and type a time</li>',
    )
    const bad = await browser.submit('/profile', { capacity: '5', meetings: 'Bed meeting' })
    expect(bad.status).to.equal(400)
    expect(bad.text).to.contain('href="#capacity"').and.contain('href="#meetings"')
  })

  it('tells a manager, before and after saving, how each meeting’s day and time was read', async () => {
    const { user, browser } = await signedInMember('manager')
    const empty = await browser.get('/profile')
    expect(empty.text).to.contain('Give a weekly day and time, like Monday 09:30')
    expect(empty.text).not.to.contain('How Tandem reads')
    const meetings = [
      'Board round | Mondays 9:30am',
      'Complaints panel | Tuesday and Thursday, 2pm–3.30pm | Governance suite',
      'Finance board | first Tuesday of the month | Boardroom',
      'Huddle | Thursday mornings',
    ].join('\n')
    expect((await browser.submit('/profile', { capacity: '1', meetings })).status).to.equal(303)
    const page = await browser.get('/profile')
    const box = page.text.slice(page.text.indexOf('id="meetings-read"'))
    const readings = [...box.slice(0, box.indexOf('</ul>')).matchAll(/<li>([^<]*)<\/li>/g)].map(m => m[1])
    expect(readings).to.deep.equal([
      'Board round: every Monday at 9:30am for 1 hour — offered first when your partner books',
      'Complaints panel: every Tuesday and Thursday at 2pm for 1 hour 30 minutes — offered first when your partner books',
      'Finance board: first Tuesday of the month — not weekly, so not offered at a fixed time; your partner can still choose it and type a time',
      'Huddle: Thursday mornings — no time of day, so not offered at a fixed time; your partner can still choose it and type a time',
    ])
    // Stored as typed: the reading is worked out from the words each time.
    const stored = await Profile.findOne({ userId: user._id }).lean()
    expect(stored!.shadowableMeetings.map(m => m.when)).to.deep.equal(['Mondays 9:30am', 'Tuesday and Thursday, 2pm–3.30pm', 'first Tuesday of the month', 'Thursday mornings'])
  })

  it('refuses a meeting at a time that cannot be, keeping everything typed', async () => {
    const { user, browser } = await signedInMember('manager')
    const meetings = 'Bed meeting | 08:30 daily | Site office\nTheatre list | Wednesday 25:00 | Theatres'
    const response = await browser.submit('/profile', { capacity: '2', jobTitle: 'Theatres manager', meetings })
    expect(response.status).to.equal(400)
    expect(response.text).to.contain('href="#meetings"')
    expect(response.text).to.contain('Meetings, line 2: 25:00 is not a time of day: write times like 09:30, 14:00 or 2pm')
    expect(response.text).to.contain(`>${meetings}</textarea>`)
    expect(response.text).to.contain('value="Theatres manager"')
    expect(response.text).to.match(/aria-describedby="meetings-hint meetings-error"/)
    const stored = await Profile.findOne({ userId: user._id }).lean()
    expect(stored?.jobTitle ?? '').to.equal('')
    expect(stored?.shadowableMeetings ?? []).to.deep.equal([])
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
