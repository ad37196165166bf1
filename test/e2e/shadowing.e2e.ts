// A doctor proposes shadowing at the manager's bed meeting; the manager accepts from
// the link in the email without signing in; both get calendar invitations; the doctor
// moves the session and then cancels it, and each change reaches both calendars.
import { expect } from 'chai'
import ICAL from 'ical.js'
import type { Page } from 'playwright-core'
import { claimOnce } from '../../server/db/claims'
import { ShadowingSession } from '../../models/shadowing-session'
import { insertPublishedPair } from '../support/shadowing'
import { insertUser, linkIn } from '../support/users'
import { expectAccessible, newPage, signIn } from './support/browser'
import { e2e } from './support/hooks'
import type { ReceivedMail } from '../support/smtp-server'

/** The METHOD and SEQUENCE of the calendar part of an email. */
function calendarOf(mail: ReceivedMail) {
  const part = mail.parsed.attachments.find(a => a.contentType.startsWith('text/calendar'))
  if (!part) throw new Error(`No calendar in "${mail.subject}"`)
  const calendar = new ICAL.Component(ICAL.parse(part.content.toString('utf8')))
  const event = calendar.getFirstSubcomponent('vevent')!
  return { method: String(calendar.getFirstPropertyValue('method')), sequence: Number(event.getFirstPropertyValue('sequence')), uid: String(event.getFirstPropertyValue('uid')) }
}

describe('shadowing in a browser', () => {
  let doctorPage: Page
  let managerPage: Page
  beforeEach(async () => {
    doctorPage = await newPage()
    managerPage = await newPage()
    await claimOnce('setup-complete')
  })
  afterEach(async () => {
    await doctorPage.context().close()
    await managerPage.context().close()
  })

  it('proposes, is accepted from the email link, moves and cancels, with invites, updates and cancellations for both', async () => {
    const { doctor, manager } = await insertPublishedPair()
    const page = doctorPage
    await signIn(page, doctor.email)
    await page.getByRole('link', { name: 'Your pair and shadowing' }).click()
    await page.getByRole('heading', { name: 'Your pair' }).waitFor()
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Book shadowing' }).click()

    // One question a page; the first answered with the keyboard alone.
    await page.getByLabel('I shadow Mina Shah').focus()
    await page.keyboard.press('Space')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await page.getByLabel('Bed meeting').waitFor()
    await expectAccessible(page)
    await page.getByLabel('Bed meeting').check()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByLabel('1 hour', { exact: true }).check()
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Continue' }).click()
    // The meeting's own place is offered.
    expect(await page.getByLabel('Where will the session be?').inputValue()).to.equal('Site office')
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('heading', { name: 'When will the session be?' }).waitFor()
    await expectAccessible(page)
    // The host's meeting comes first, at its real time.
    const first = page.getByRole('radio').first()
    expect(await page.locator(`label[for="${await first.getAttribute('id')}"]`).textContent()).to.match(/^\s*At Bed meeting: Monday \d+ \w+ 2026, 9:30am to 10:30am/)
    await first.check()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('heading', { name: 'Check your proposal' }).waitFor()
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Send proposal' }).click()
    await page.getByText('Proposal sent to Mina Shah').waitFor()
    await expectAccessible(page)

    // The manager answers from the email, without signing in.
    const [proposal] = await e2e.smtp.waitFor(1, 15_000)
    expect(proposal!.to).to.contain(manager.email)
    await managerPage.goto(linkIn(proposal!.text, `${e2e.baseUrl}/shadowing/respond/`))
    await managerPage.getByRole('heading', { name: 'Dara Okafor has proposed a shadowing session' }).waitFor()
    await expectAccessible(managerPage)
    await managerPage.getByRole('button', { name: 'Accept' }).click()
    await managerPage.getByText(/calendar invitation/).first().waitFor()
    await expectAccessible(managerPage)

    const invites = (await e2e.smtp.waitFor(3, 15_000)).slice(1)
    expect(invites.map(m => m.to).join(' ')).to.contain(doctor.email).and.contain(manager.email)
    const uid = calendarOf(invites[0]!).uid
    for (const mail of invites) expect(calendarOf(mail)).to.deep.equal({ method: 'REQUEST', sequence: 0, uid })

    // The doctor sees it confirmed, then moves it.
    await page.reload()
    await page.getByText('Confirmed').first().waitFor()
    await page.getByRole('link', { name: 'Move this session to another time' }).click()
    await expectAccessible(page)
    await page.getByLabel('Day').fill('4')
    await page.getByLabel('Month').fill('12')
    await page.getByLabel('Year').fill('2026')
    await page.getByLabel('New start time').fill('14:00')
    await page.getByLabel('Why are you moving it?').fill('Clinic moved to the morning')
    await page.getByRole('button', { name: 'Move session' }).click()
    await page.getByText(/Friday 4 December 2026, 2pm/).first().waitFor()
    await expectAccessible(page)
    const updates = (await e2e.smtp.waitFor(5, 15_000)).slice(3)
    for (const mail of updates) {
      expect(mail.subject).to.match(/^Updated:/)
      expect(calendarOf(mail)).to.deep.equal({ method: 'REQUEST', sequence: 1, uid })
    }

    // And cancels it.
    await page.getByRole('link', { name: 'Cancel this session' }).click()
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Cancel session' }).click()
    await page.getByText('Enter a reason for cancelling').first().waitFor()
    await expectAccessible(page)
    await page.getByLabel('Why are you cancelling it?').fill('Rota change: on nights that week')
    await page.getByRole('button', { name: 'Cancel session' }).click()
    await page.getByText(/Session cancelled/).waitFor()
    const cancels = (await e2e.smtp.waitFor(7, 15_000)).slice(5)
    for (const mail of cancels) {
      expect(mail.subject).to.match(/^Cancelled:/)
      expect(calendarOf(mail)).to.deep.equal({ method: 'CANCEL', sequence: 2, uid })
    }
  })

  it('shows past sessions, the host’s outcome question, reflections with their errors, the calendar feed page and the lead’s read-only view accessibly', async () => {
    const { doctor, manager, pair, cohortId } = await insertPublishedPair()
    // A session last week that the host has not yet marked.
    const start = new Date(Date.now() - 7 * 86_400_000)
    const past = await ShadowingSession.create({
      cohortId, pairId: pair._id, doctorId: doctor._id, managerId: manager._id, direction: 'doctor-shadows-manager', hostId: manager._id, guestId: doctor._id,
      activity: 'Bed meeting', location: 'Site office', start, end: new Date(+start + 3_600_000), status: 'confirmed', proposedBy: doctor._id, respondentId: manager._id, uid: 'past@tandem',
      history: [{ at: start, by: doctor._id, action: 'proposed' }],
    })
    const page = managerPage
    await signIn(page, manager.email)
    await page.goto(`${e2e.baseUrl}/shadowing/${past._id}`)
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Save reflection' }).click()
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor()
    await expectAccessible(page)
    await page.getByLabel('Yes').check()
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.getByText('Happened', { exact: true }).first().waitFor()
    await page.getByLabel('What I learned').fill('How doctors prioritise the take')
    await page.getByRole('button', { name: 'Save reflection' }).click()
    await page.getByText('How doctors prioritise the take').waitFor()
    await expectAccessible(page)
    await page.goto(`${e2e.baseUrl}/pairs/${pair._id}`)
    await page.getByText('1 of 2').first().waitFor()
    await expectAccessible(page)

    await page.goto(`${e2e.baseUrl}/profile/calendar-feed`)
    await expectAccessible(page)
    await page.getByRole('button', { name: /address/i }).first().click()
    await page.getByRole('heading', { name: 'Your feed address' }).waitFor()
    expect(await page.getByRole('link', { name: 'Open the feed in your calendar app' }).getAttribute('href')).to.match(/^webcal:\/\/127\.0\.0\.1:\d+\/calendar\/[0-9a-f]{24}\.[A-Za-z0-9_-]{43}\.ics$/)
    await expectAccessible(page)

    const lead = await insertUser({ roles: ['lead'] })
    await signIn(doctorPage, lead.email)
    for (const path of [`/pairs/${pair._id}`, `/shadowing/${past._id}`]) {
      await doctorPage.goto(`${e2e.baseUrl}${path}`)
      await expectAccessible(doctorPage)
    }
  })

  it('lets a lead end a pair with a reason, after which the doctor still reads what the pair did, and can change nothing', async () => {
    const { doctor, pair, cohortId } = await insertPublishedPair()
    const lead = await insertUser({ roles: ['lead'], name: 'Leah Lead' })
    const page = managerPage
    await signIn(page, lead.email)
    await page.goto(`${e2e.baseUrl}/cohorts/${String(cohortId)}/pairs`)
    await page.getByRole('link', { name: 'End pair' }).click()
    await page.getByRole('heading', { name: 'End the pair of Dara Okafor and Mina Shah?' }).waitFor()
    await expectAccessible(page)
    await page.getByLabel('Reason (optional)').fill('Dara has moved trust')
    await page.getByLabel('I want to end this pair and tell both people').check()
    await page.getByRole('button', { name: 'End pair' }).click()
    await page.getByRole('heading', { name: 'Ended pairs' }).waitFor()
    await expectAccessible(page)

    await signIn(doctorPage, doctor.email)
    await doctorPage.getByRole('link', { name: /With Mina Shah in/ }).click()
    await doctorPage.getByText('The programme lead ended this pair on').waitFor()
    expect(await doctorPage.getByText('The reason they gave: Dara has moved trust').count()).to.equal(1)
    expect(await doctorPage.getByRole('button', { name: 'Book shadowing' }).count()).to.equal(0)
    expect(doctorPage.url()).to.equal(`${e2e.baseUrl}/pairs/${String(pair._id)}`)
    await expectAccessible(doctorPage)
    await doctorPage.getByRole('link', { name: 'Your compact' }).click()
    await doctorPage.getByText('The compact and its monthly scores are kept here as they were').waitFor()
    expect(await doctorPage.getByRole('button', { name: /I agree/ }).count()).to.equal(0)
    await expectAccessible(doctorPage)
  })
})
