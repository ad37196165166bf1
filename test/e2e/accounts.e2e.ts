// The first journey of a new installation, as a person would do it in a browser.
import { expect } from 'chai'
import type { Page } from 'playwright-core'
import { expectAccessible, newPage } from './support/browser'
import { e2e } from './support/hooks'

describe('accounts in a browser', () => {
  let page: Page
  beforeEach(async () => {
    page = await newPage()
  })
  afterEach(async () => {
    await page.context().close()
  })

  it('sets up Tandem, signs in, invites a doctor who accepts from the email, and signs out', async () => {
    await page.goto(`${e2e.baseUrl}/`)
    expect(new URL(page.url()).pathname).to.equal('/setup')
    await expectAccessible(page)

    // A mistake first: the error summary appears and is accessible too.
    await page.getByRole('button', { name: 'Create account' }).click()
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor()
    // NHS.UK frontend moves focus to the summary so that screen readers announce it.
    expect(await page.evaluate(() => document.activeElement?.className)).to.contain('nhsuk-error-summary')
    expect(await page.title()).to.match(/^Error: Set up Tandem/)
    await expectAccessible(page)

    await page.getByLabel('Full name').fill('Priya Lead')
    await page.getByLabel('Email address').fill('priya.lead@example.nhs.uk')
    await page.getByLabel('Password', { exact: true }).fill('lighthouse cobalt meadow')
    await page.getByRole('button', { name: 'Create account' }).click()
    await page.getByRole('heading', { name: 'Hello, Priya Lead' }).waitFor()
    await expectAccessible(page)

    await page.getByRole('button', { name: 'Sign out' }).click()
    expect(new URL(page.url()).pathname).to.equal('/sign-in')
    await expectAccessible(page)
    await page.getByLabel('Email address').fill('priya.lead@example.nhs.uk')
    await page.getByLabel('Password', { exact: true }).fill('lighthouse cobalt meadow')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('heading', { name: 'Hello, Priya Lead' }).waitFor()

    await page.getByRole('link', { name: 'Invite a doctor, manager or lead' }).click()
    await expectAccessible(page)
    await page.getByLabel('Email address').fill('dr.osei@example.nhs.uk')
    await page.getByLabel('Doctor').check()
    await page.getByRole('button', { name: 'Send invitation' }).click()
    await page.getByText('Invitation sent to dr.osei@example.nhs.uk').waitFor()
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Sign out' }).click()

    const [email] = await e2e.smtp.waitFor(1, 15_000)
    expect(email!.to).to.contain('dr.osei@example.nhs.uk')
    const link = /http:\/\/127\.0\.0\.1:\d+\/invitations\/[A-Za-z0-9_-]+/.exec(email!.text)![0]

    await page.goto(link)
    await expectAccessible(page)
    await page.getByLabel('Full name').fill('Kwame Osei')
    await page.getByLabel('Choose a password').fill('tidal saffron bicycle')
    await page.getByRole('button', { name: 'Create account' }).click()
    await page.getByRole('heading', { name: 'Hello, Kwame Osei' }).waitFor()
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Sign out' }).click()
    expect(new URL(page.url()).pathname).to.equal('/sign-in')

    // The link worked once.
    await page.goto(link)
    await page.getByRole('heading', { name: 'This link has already been used' }).waitFor()
    await expectAccessible(page)
  })

  it('can be used with the keyboard alone: skip link, fields, and submit', async () => {
    await page.goto(`${e2e.baseUrl}/setup`)
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).to.equal('Skip to main content')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.id)).to.equal('name')
    await page.keyboard.type('Keyboard Lead')
    await page.keyboard.press('Tab')
    await page.keyboard.type('keys@example.nhs.uk')
    await page.keyboard.press('Tab')
    await page.keyboard.type('walnut harbour quietly')
    // Tab past the password "Show" button to the submit button, then press Enter.
    let guard = 0
    while ((await page.evaluate(() => document.activeElement?.textContent?.trim())) !== 'Create account' && guard++ < 5) {
      await page.keyboard.press('Tab')
    }
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'Hello, Keyboard Lead' }).waitFor()
  })
})
