// Playwright driving Debian's Chromium (no browser download), and an axe-core
// check of every page a journey visits.
import AxeBuilder from '@axe-core/playwright'
import { expect } from 'chai'
import { chromium, type Browser, type Page } from 'playwright-core'
import { claimOnce } from '../../../server/db/claims'
import { TEST_PASSWORD } from '../../support/users'
import { e2e } from './hooks'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // Only the app is reachable: another host (the NHS font on assets.nhs.uk) fails at
      // once, where a machine that drops outside traffic would hold each page's load.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  })
}

/** Fails with the rule ids and the offending markup when axe finds any WCAG 2.2 AA violation. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
  const summary = results.violations.map(v => `${v.id}: ${v.help}\n  ${v.nodes.map(n => n.html).join('\n  ')}`)
  expect(summary, `axe violations on ${page.url()}`).to.deep.equal([])
}

/** A fresh context (own cookies) and page; axe needs pages made from a context. */
export async function newPage(): Promise<Page> {
  const context = await e2e.browser.newContext()
  return context.newPage()
}

/** For each test of a describe block: a fresh page (own cookies) on an installation already set up, closed afterwards. */
export function openPageEachTest(set: (page: Page) => void): void {
  let current: Page | undefined
  beforeEach(async () => {
    current = await newPage()
    set(current)
    await claimOnce('setup-complete')
  })
  afterEach(async () => {
    await current?.context().close()
  })
}

/** Signs in through the form, as a person would, and waits for the next page. */
export async function signIn(page: Page, email: string, password = TEST_PASSWORD): Promise<void> {
  await page.goto(`${e2e.baseUrl}/sign-in`)
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  // Wait to have left the sign-in page: its own heading would satisfy a heading check at
  // once, and a navigation started before the redirect lands would then be cut short.
  await page.waitForURL(url => !url.pathname.startsWith('/sign-in'))
  await page.getByRole('heading', { level: 1 }).waitFor()
}
