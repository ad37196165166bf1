// A lead creates a workshop series and a session with one place and invites
// the cohort; a doctor registers (asking her partner to come too), which fills
// it; her partner joins the waitlist; the doctor gives up her place, and the
// partner is promoted with a calendar invitation. Each email arrives through
// the real SMTP server; every page is checked with axe.
import { expect } from 'chai'
import ICAL from 'ical.js'
import { DateTime } from 'luxon'
import { Types } from 'mongoose'
import { WorkshopRegistration } from '../../models/workshop-registration'
import type { Page } from 'playwright-core'
import { systemClock } from '../../server/clock'
import { claimOnce } from '../../server/db/claims'
import { createOutbox } from '../../server/mail/outbox.service'
import { createWorkshopRegistrations } from '../../server/workshops/registrations.service'
import { PROGRAMME_ZONE } from '../../server/format'
import type { ReceivedMail } from '../support/smtp-server'
import { insertPublishedPair } from '../support/shadowing'
import { insertUser } from '../support/users'
import { insertSeries, insertWorkshop } from '../support/workshops'
import { expectAccessible, newPage, signIn } from './support/browser'
import { e2e } from './support/hooks'

/** The METHOD, SEQUENCE and UID of the calendar part of an email. */
function calendarOf(mail: ReceivedMail) {
  const part = mail.parsed.attachments.find(a => a.contentType.startsWith('text/calendar'))
  if (!part) throw new Error(`No calendar in "${mail.subject}"`)
  const calendar = new ICAL.Component(ICAL.parse(part.content.toString('utf8')))
  const event = calendar.getFirstSubcomponent('vevent')!
  return { method: String(calendar.getFirstPropertyValue('method')), sequence: Number(event.getFirstPropertyValue('sequence')), uid: String(event.getFirstPropertyValue('uid')) }
}

/** Waits for an email to this address whose subject matches. */
async function mailTo(address: string, subject: RegExp, timeoutMs = 15_000): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const found = e2e.smtp.messages.find(m => m.to.includes(address) && subject.test(m.subject))
    if (found) return found
    if (Date.now() > deadline) throw new Error(`No email to ${address} matching ${subject}; got: ${e2e.smtp.messages.map(m => `${m.to}: ${m.subject}`).join('; ')}`)
    await new Promise(resolve => setTimeout(resolve, 100))
  }
}

describe('workshops in a browser', () => {
  const pages: Page[] = []
  const open = async () => {
    const page = await newPage()
    pages.push(page)
    return page
  }
  beforeEach(async () => {
    await claimOnce('setup-complete')
  })
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.context().close()
  })

  it('creates a series and a session, fills it, keeps a waitlist, and promotes from it when a place is given up', async () => {
    const { doctor, manager, cohortId } = await insertPublishedPair()
    const lead = await insertUser({ roles: ['lead'], name: 'Leah Lead' })
    // Two weeks from today, 9:30am to 12:30pm UK time.
    const day = DateTime.now().setZone(PROGRAMME_ZONE).plus({ days: 14 })

    // The lead: from the cohort to a new series, with a mistake first.
    const leadPage = await open()
    await signIn(leadPage, lead.email)
    await leadPage.goto(`${e2e.baseUrl}/cohorts/${String(cohortId)}`)
    await leadPage.getByRole('link', { name: /^Workshops/ }).click()
    await leadPage.getByRole('heading', { name: 'Workshops' }).waitFor()
    await expectAccessible(leadPage)
    await leadPage.getByRole('button', { name: 'Create a series' }).click()
    await leadPage.getByRole('button', { name: 'Create series' }).click()
    await leadPage.getByRole('heading', { name: 'There is a problem' }).waitFor()
    await expectAccessible(leadPage)
    await leadPage.getByLabel('Title').fill('Lean for Leaders')
    await leadPage.getByLabel('Description (optional)').fill('Six modules on improving flow, for doctors and managers together.')
    await leadPage.getByLabel('Yes').check()
    await leadPage.getByRole('button', { name: 'Create series' }).click()
    await leadPage.getByText('Series created').waitFor()
    await expectAccessible(leadPage)
    const seriesPath = new URL(leadPage.url()).pathname

    await leadPage.getByRole('button', { name: 'Add a session' }).click()
    await leadPage.getByRole('heading', { name: 'Add a session' }).waitFor()
    await expectAccessible(leadPage)
    await leadPage.getByLabel('Title').fill('Value and waste')
    await leadPage.getByLabel('Module number (optional)').fill('1')
    await leadPage.getByLabel('Day').fill(String(day.day))
    await leadPage.getByLabel('Month').fill(String(day.month))
    await leadPage.getByLabel('Year').fill(String(day.year))
    await leadPage.getByLabel('Start time').fill('09:30')
    await leadPage.getByLabel('End time').fill('12:30')
    await leadPage.getByLabel('In person', { exact: true }).check()
    await leadPage.getByLabel('Room (in person)').fill('Education centre, room 2')
    await leadPage.getByLabel('Site (in person)').fill('Guy’s Hospital')
    await leadPage.getByLabel('Number of places').fill('1')
    await leadPage.getByLabel('Facilitators (optional)').fill('Grace Evans')
    await leadPage.getByRole('button', { name: 'Add session' }).click()
    await leadPage.getByText('Session added').waitFor()
    await expectAccessible(leadPage)
    const managePath = new URL(leadPage.url()).pathname
    const workshopPath = managePath.replace(/\/manage$/, '')

    // The whole cohort is told.
    await leadPage.goto(`${e2e.baseUrl}${seriesPath}`)
    await expectAccessible(leadPage)
    await leadPage.getByRole('link', { name: 'Invite the whole cohort' }).click()
    await leadPage.getByText('2 people will be emailed').waitFor()
    await expectAccessible(leadPage)
    await leadPage.getByRole('button', { name: 'Send 2 invitations' }).click()
    await leadPage.getByText('Invitations sent to 2 people').waitFor()
    await expectAccessible(leadPage)
    const announcement = await mailTo(doctor.email, /^Workshops for .*: Lean for Leaders$/)
    expect(announcement.text).to.contain(`${e2e.baseUrl}/workshops`)

    // The doctor registers from her home page, asking her partner to come too: that fills the one place.
    const doctorPage = await open()
    await signIn(doctorPage, doctor.email)
    await doctorPage.getByRole('link', { name: 'Workshops' }).click()
    await doctorPage.getByRole('heading', { name: 'Workshops', level: 1 }).waitFor()
    await expectAccessible(doctorPage)
    await doctorPage.getByRole('link', { name: 'Module 1: Value and waste' }).click()
    await doctorPage.getByText('1 place left').waitFor()
    await expectAccessible(doctorPage)
    await doctorPage.getByLabel('Ask Mina Shah to register too').check()
    await doctorPage.getByRole('button', { name: 'Register' }).click()
    await doctorPage.getByText(/Your place is confirmed: the calendar invitation is on its way by email\. We have asked Mina Shah/).waitFor()
    await expectAccessible(doctorPage)
    const invite = calendarOf(await mailTo(doctor.email, /^Lean for Leaders, module 1: Value and waste$/))
    expect(invite).to.deep.include({ method: 'REQUEST', sequence: 0 })
    expect(invite.uid).to.match(/^workshop-[0-9a-f]{24}-[0-9a-f]{24}@tandem$/)

    // Her partner is asked, and joins the waitlist.
    await mailTo(manager.email, /^Dara Okafor asks you to come to/)
    const managerPage = await open()
    await signIn(managerPage, manager.email)
    await managerPage.goto(`${e2e.baseUrl}${workshopPath}`)
    await managerPage.getByText('Dara Okafor registered and asked you to come too').waitFor()
    await expectAccessible(managerPage)
    await managerPage.getByRole('button', { name: 'Join the waitlist' }).click()
    await managerPage.getByText('You are number 1 on the waitlist').waitFor()
    await expectAccessible(managerPage)

    // The lead sees the place and the waitlist.
    await leadPage.goto(`${e2e.baseUrl}${managePath}`)
    await leadPage.getByText('1 of 1 place taken, 1 on the waitlist').waitFor()
    await expectAccessible(leadPage)

    // The doctor gives up her place: her calendar loses it, and her partner gets it.
    await doctorPage.getByRole('link', { name: 'Cancel your place' }).click()
    await doctorPage.getByRole('heading', { name: 'Cancel your place?' }).waitFor()
    await expectAccessible(doctorPage)
    await doctorPage.getByRole('button', { name: 'Cancel my place' }).click()
    await doctorPage.getByText(/Your place is cancelled/).waitFor()
    await expectAccessible(doctorPage)
    expect(calendarOf(await mailTo(doctor.email, /^Cancelled: Lean for Leaders/))).to.deep.equal({ method: 'CANCEL', sequence: 1, uid: invite.uid })
    const promoted = await mailTo(manager.email, /^Lean for Leaders, module 1: Value and waste$/)
    expect(promoted.text).to.contain('A place came up and it is yours')
    expect(calendarOf(promoted)).to.deep.include({ method: 'REQUEST', sequence: 0 })
    await managerPage.reload()
    await managerPage.getByText('Your place is confirmed').waitFor()
    await expectAccessible(managerPage)

    await leadPage.reload()
    await leadPage.getByText('1 of 1 place taken').waitFor()
    await expectAccessible(leadPage)
    await leadPage.getByRole('link', { name: 'Edit this session' }).click()
    await leadPage.getByRole('heading', { name: 'Edit the session' }).waitFor()
    await expectAccessible(leadPage)
  })

  it('shows the lead’s capacity question, cancelling, attendance and the offer pages accessibly', async () => {
    const { doctor, manager, cohortId } = await insertPublishedPair()
    const lead = await insertUser({ roles: ['lead'] })
    const series = await insertSeries(cohortId, { pairsTogether: true })
    const soon = new Date(Date.now() + 6 * 3_600_000)
    // 9:30 to 12:30 London time in a fortnight: the edit form takes one date, so a session
    // placed at "now + 14 days" would cross midnight when the suite runs late in the evening.
    const fortnight = DateTime.now().setZone(PROGRAMME_ZONE).plus({ days: 14 }).set({ hour: 9, minute: 30, second: 0, millisecond: 0 })
    const later = await insertWorkshop(cohortId, { seriesId: series._id, capacity: 2, start: fortnight.toJSDate(), end: fortnight.plus({ hours: 3 }).toJSDate() })
    const past = await insertWorkshop(cohortId, { seriesId: series._id, capacity: 5, moduleNumber: 2, title: 'Flow', start: new Date(Date.now() - 5 * 3_600_000), end: new Date(Date.now() - 2 * 3_600_000) })
    const late = await insertWorkshop(cohortId, { seriesId: series._id, capacity: 1, moduleNumber: 3, title: 'Standard work', start: soon, end: new Date(+soon + 3 * 3_600_000) })
    for (const person of [doctor, manager]) {
      await WorkshopRegistration.create({ workshopId: past._id, cohortId, userId: person._id, arrival: new Types.ObjectId(), status: 'confirmed', placeNumber: person === doctor ? 1 : 2, uid: `workshop-${String(past._id)}-${String(person._id)}@tandem` })
    }
    // The same service the app uses, writing to the same outbox that the app's worker sends.
    const registrations = createWorkshopRegistrations({ outbox: createOutbox({ clock: systemClock }), clock: systemClock, baseUrl: e2e.baseUrl, mailFrom: 'Tandem <tandem@localhost>' })
    await registrations.register(later._id, doctor._id)
    await registrations.register(later._id, manager._id)
    await registrations.register(late._id, doctor._id)
    await registrations.register(late._id, manager._id)
    await registrations.cancelRegistration(late._id, doctor._id)

    const leadPage = await open()
    await signIn(leadPage, lead.email)
    await leadPage.goto(`${e2e.baseUrl}/workshops/${String(later._id)}/edit`)
    await leadPage.getByLabel('Number of places').fill('1')
    await leadPage.getByRole('button', { name: 'Save session' }).click()
    await leadPage.getByText('More people hold places than the new number').waitFor()
    await expectAccessible(leadPage)
    await leadPage.goto(`${e2e.baseUrl}/workshops/${String(later._id)}/cancel`)
    await expectAccessible(leadPage)
    await leadPage.goto(`${e2e.baseUrl}/workshops/${String(past._id)}/attendance`)
    await leadPage.getByRole('heading', { name: 'Attendance' }).waitFor()
    await expectAccessible(leadPage)
    await leadPage.getByRole('button', { name: 'Save attendance' }).click()
    await leadPage.getByRole('heading', { name: 'There is a problem' }).waitFor()
    await expectAccessible(leadPage)
    await leadPage.getByRole('group', { name: 'Dara Okafor' }).getByLabel('Attended').check()
    await leadPage.getByRole('group', { name: 'Mina Shah' }).getByLabel('Sent apologies').check()
    await leadPage.getByRole('button', { name: 'Save attendance' }).click()
    await leadPage.getByText('Attendance saved').waitFor()
    await expectAccessible(leadPage)
    await leadPage.goto(`${e2e.baseUrl}/workshop-series/${String(series._id)}/invite`)
    await expectAccessible(leadPage)

    // The partner was offered the late session's place: in the app, and by the link.
    const managerPage = await open()
    await signIn(managerPage, manager.email)
    await managerPage.goto(`${e2e.baseUrl}/workshops`)
    await expectAccessible(managerPage)
    await managerPage.goto(`${e2e.baseUrl}/workshops/${String(late._id)}`)
    await managerPage.getByText('A place has come up for you').waitFor()
    await expectAccessible(managerPage)
    const offer = await mailTo(manager.email, /^A place has come up/)
    const visitor = await open()
    await visitor.goto(offer.text.match(/http:\/\/127\.0\.0\.1:\d+\/workshops\/offer\/[A-Za-z0-9_-]{43}/)![0])
    await visitor.getByRole('heading', { name: 'A place has come up for you' }).waitFor()
    await expectAccessible(visitor)
    await visitor.getByRole('button', { name: 'Take the place' }).click()
    await visitor.getByRole('heading', { name: 'The place is yours' }).waitFor()
    await expectAccessible(visitor)
    await visitor.goBack()
    await visitor.reload()
    await visitor.getByRole('heading', { name: 'This link no longer works' }).waitFor()
    await expectAccessible(visitor)
  })
})
