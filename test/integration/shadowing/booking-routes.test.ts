import { expect } from 'chai'
import { OutboxMessage } from '../../../models/outbox-message'
import { ShadowingSession } from '../../../models/shadowing-session'
import { asCurrentUser, insertPublishedPair } from '../../support/shadowing'
import { buildTestApp, type TestApp } from '../../support/test-app'
import { signInAs } from '../../support/users'

// START_TIME is Monday 23 November 2026, 09:00 London (GMT). Mina's bed meeting
// is on Mondays 09:30–10:30, so the first one Tandem can offer is 30 November.
const BED_MEETING_30_NOV = '2026-11-30T09:30:00.000Z'
const THURSDAY_10AM = new Date('2026-11-26T10:00:00Z')

describe('booking shadowing (routes)', () => {
  let t: TestApp
  let fixture: Awaited<ReturnType<typeof insertPublishedPair>>
  let pairPath: string

  beforeEach(async () => {
    t = await buildTestApp()
    fixture = await insertPublishedPair()
    pairPath = `/pairs/${String(fixture.pair._id)}`
  })

  type Browser = Awaited<ReturnType<typeof signInAs>>

  /** Submits the form on `page` (it posts back to its own address) and expects a redirect. */
  async function answer(browser: Browser, page: string, fields: Record<string, string>) {
    const response = await browser.submit(page, fields)
    expect(response.status, response.text).to.equal(303)
    return response.headers.location!
  }

  it('books a session one question a page, carrying the answers, and emails the partner a link to answer', async () => {
    const doctor = await signInAs(t, fixture.doctor)
    const pairPage = await doctor.get(pairPath)
    expect(pairPage.status).to.equal(200)
    expect(pairPage.text).to.contain(`href="${pairPath}/book"`).and.contain('Doctor shadows manager').and.contain('0 of 2')

    const direction = await doctor.get(`${pairPath}/book`)
    expect(direction.text).to.contain('I shadow Mina Shah').and.contain('Mina Shah shadows me')
    const activityPage = await answer(doctor, `${pairPath}/book`, { direction: 'doctor-shadows-manager' })
    expect(activityPage).to.equal(`${pairPath}/book/activity?direction=doctor-shadows-manager`)
    const activity = await doctor.get(activityPage)
    expect(activity.text).to.contain('Bed meeting').and.contain('Something else').and.contain(`href="${pairPath}/book?direction=doctor-shadows-manager"`)

    const durationPage = await answer(doctor, activityPage, { activityChoice: 'Bed meeting' })
    const locationPage = await answer(doctor, durationPage, { duration: '60' })
    expect((await doctor.get(locationPage)).text, 'the meeting’s place is offered').to.contain('value="Site office"')
    const timePage = await answer(doctor, locationPage, { location: 'Site office' })
    const times = await doctor.get(timePage)
    expect(times.text).to.contain('At Bed meeting: Monday 30 November 2026, 9:30am to 10:30am').and.contain('Another time')
    expect(times.text.indexOf('At Bed meeting'), 'meetings first').to.be.lessThan(times.text.indexOf('Wednesday 25 November 2026'))

    const checkPage = await answer(doctor, timePage, { time: BED_MEETING_30_NOV })
    const check = await doctor.get(checkPage)
    expect(check.text).to.contain('Check your proposal').and.contain('You shadow Mina Shah').and.contain('Site office').and.contain('1 hour')

    const sent = await answer(doctor, checkPage, {})
    const session = await ShadowingSession.findOne().lean()
    expect(sent).to.equal(`/shadowing/${String(session!._id)}`)
    expect(session).to.include({ status: 'proposed', activity: 'Bed meeting', meetingName: 'Bed meeting', location: 'Site office', direction: 'doctor-shadows-manager' })
    expect(session!.start.toISOString()).to.equal(BED_MEETING_30_NOV)
    const page = await doctor.get(sent)
    expect(page.text).to.contain('Proposal sent to Mina Shah').and.contain('Waiting for Mina Shah to accept or decline')
    const [email] = await OutboxMessage.find({ to: fixture.manager.email }).lean()
    expect(email!.text).to.match(/http:\/\/tandem\.test\/shadowing\/respond\/[A-Za-z0-9_-]{43}/)
  })

  it('keeps what was typed and says what is wrong on each page', async () => {
    const doctor = await signInAs(t, fixture.doctor)
    const book = `${pairPath}/book`
    const noDirection = await doctor.submit(book, {})
    expect(noDirection.status).to.equal(400)
    expect(noDirection.text).to.contain('There is a problem').and.contain('Select who will shadow whom')

    const activityPage = `${book}/activity?direction=manager-shadows-doctor`
    const noActivity = await doctor.submit(activityPage, { activityOther: '' })
    expect(noActivity.status).to.equal(400)
    expect(noActivity.text).to.contain('Enter what you will shadow')
    const tooLong = await doctor.submit(activityPage, { activityOther: 'x'.repeat(121) })
    expect(tooLong.text).to.contain('120 characters or fewer').and.contain('x'.repeat(121))

    const timePage = `${book}/time?direction=doctor-shadows-manager&activity=Budget+review&duration=120&location=Finance+office`
    const cases: [Record<string, string>, string][] = [
      [{}, 'Select a time, or choose Another time'],
      [{ time: 'other', 'date-day': '31', 'date-month': '2', 'date-year': '2027', clock: '10:00' }, 'The date must be a real date'],
      [{ time: 'other', 'date-day': '1', 'date-month': '12', 'date-year': '2026', clock: '10:10' }, 'on the hour or at 15, 30 or 45 minutes past'],
      [{ time: 'other', 'date-day': '1', 'date-month': '12', 'date-year': '2026', clock: '25:00' }, '24-hour clock'],
      [{ time: 'other', 'date-day': '20', 'date-month': '11', 'date-year': '2026', clock: '10:00' }, 'The time must be in the future'],
      [{ time: '2026-12-01T10:00:00.000Z' }, 'That time is no longer free'],
      [{ time: 'other', 'date-day': '28', 'date-month': '3', 'date-year': '2027', clock: '01:30' }, 'the clocks go forward'],
    ]
    for (const [fields, message] of cases) {
      const response = await doctor.submit(timePage, fields)
      expect(response.status, message).to.equal(400)
      expect(response.text, message).to.contain(message)
      if (fields.clock) expect(response.text, 'the typed time is kept').to.contain(`value="${fields.clock}"`)
    }
    // A typed time is London time: 10am on 1 April 2027 is 09:00 UTC (BST).
    const summer = await answer(doctor, timePage, { time: 'other', 'date-day': '1', 'date-month': '4', 'date-year': '2027', clock: '10:00' })
    expect(summer).to.contain(`start=${encodeURIComponent('2027-04-01T09:00:00.000Z')}`)
    expect((await doctor.get(summer)).text).to.contain('Thursday 1 April 2027, 10am to midday')
    // A page reached without the earlier answers sends the person back to the first gap.
    const skipped = await doctor.get(`${book}/time?direction=doctor-shadows-manager`)
    expect(skipped.status).to.equal(303)
    expect(skipped.headers.location).to.equal(`${book}/activity?direction=doctor-shadows-manager`)
  })

  it('asks for a confirming tick for a time outside availability, and refuses one over a confirmed session', async () => {
    const doctor = await signInAs(t, fixture.doctor)
    const base = `${pairPath}/book`
    const answers = 'direction=doctor-shadows-manager&activity=Budget+review&duration=60&location=Finance+office'
    // Saturday 28 November at 10:00: nobody's usual half-days.
    const check = await answer(doctor, `${base}/time?${answers}`, { time: 'other', 'date-day': '28', 'date-month': '11', 'date-year': '2026', clock: '10:00' })
    // The check page warns, with the tick, before anything is sent.
    const warned = await doctor.get(check)
    expect(warned.status).to.equal(200)
    expect(warned.text).to.contain('outside the half-days Mina Shah is usually free').and.contain('I have checked with my partner and want to propose this time anyway')
    const unticked = await doctor.submit(check, { confirmAsked: 'yes' })
    expect(unticked.text).to.contain('Tick the box to confirm')
    expect(await ShadowingSession.countDocuments()).to.equal(0)
    const sent = await doctor.submit(check, { confirmAsked: 'yes', confirmed: 'yes' })
    expect(sent.status).to.equal(303)
    const session = await ShadowingSession.findOne().lean()
    expect(session!.flags).to.include('outside-host-availability')
    expect((await doctor.get(sent.headers.location!)).text).to.contain('You chose it after checking with your partner')

    // Confirm a Thursday session, then try to book over it.
    const first = await t.services.shadowing.propose(asCurrentUser(fixture.doctor), String(fixture.pair._id), { direction: 'manager-shadows-doctor', activity: 'Ward round', location: 'Ward 7', start: THURSDAY_10AM, durationMinutes: 120, confirmed: false })
    if (!first.ok) throw new Error(first.messages.join())
    await t.services.shadowing.respond(asCurrentUser(fixture.manager), first.sessionId, 'accept')
    // Refused on the time page itself: no tick can make it bookable.
    const refused = await doctor.submit(`${base}/time?${answers}`, { time: 'other', 'date-day': '26', 'date-month': '11', 'date-year': '2026', clock: '11:00' })
    expect(refused.status).to.equal(400)
    expect(refused.text).to.contain('There is a problem').and.contain('overlaps another session').and.contain('When will the session be?')
    expect(refused.text, 'the refused time is kept to change').to.contain('value="11:00"')
  })

  it('goes back to the check after a change, and asks again what a change makes out of date', async () => {
    const doctor = await signInAs(t, fixture.doctor)
    const all = `direction=doctor-shadows-manager&activity=Budget+review&duration=60&location=Finance+office&start=${encodeURIComponent('2026-12-01T10:00:00.000Z')}`
    const sameLength = await answer(doctor, `${pairPath}/book/duration?${all}`, { duration: '60' })
    expect(sameLength).to.match(/\/book\/check\?/)
    const longer = await answer(doctor, `${pairPath}/book/duration?${all}`, { duration: '120' })
    expect(longer).to.match(/\/book\/time\?/).and.not.contain('start=')
    const otherWay = await answer(doctor, `${pairPath}/book?${all}`, { direction: 'manager-shadows-doctor' })
    expect(otherWay).to.equal(`${pairPath}/book/activity?direction=manager-shadows-doctor&duration=60`)
  })
})
