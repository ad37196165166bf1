// The programme dashboard in a browser: the lead opens it from the cohort page,
// follows a funnel count to the people behind it and sorts "needs attention" by
// pair, both ways, with the keyboard; a sponsor starts from home, reads the same
// dashboard without a lead's links or a concern's words. Axe on each page.
// The browser journeys run on the real clock, so what is asserted here does not
// depend on today's date (the counts that do are checked in the route tests).
import { expect } from 'chai'
import type { Page } from 'playwright-core'
import { CONCERN, insertDashboardCohort } from '../support/dashboard'
import { insertUser } from '../support/users'
import { expectAccessible, openPageEachTest, signIn } from './support/browser'
import { e2e } from './support/hooks'

describe('the programme dashboard in a browser', () => {
  let page: Page
  openPageEachTest(p => (page = p))

  /** The pair named in each row of the needs-attention table, top to bottom (without the hidden issue after it). */
  const pairColumn = async () => (await page.getByRole('table', { name: 'Pairs that need attention' }).locator('tbody tr td:first-child').allTextContents()).map(text => text.split(':')[0]!.trim())
  const inOrder = (names: string[], dir: 1 | -1) => names.every((name, i) => i === 0 || dir * names[i - 1]!.localeCompare(name, 'en-GB') <= 0)

  /** Presses Tab until the link named `name` has the focus (a keyboard user's way there), then Enter. */
  async function tabToAndFollow(name: string) {
    for (let presses = 0; presses < 200; presses += 1) {
      await page.keyboard.press('Tab')
      const focused = await page.evaluate(() => document.activeElement?.textContent?.replace(/\s+/g, ' ').trim() ?? '')
      if (focused === name) {
        await page.keyboard.press('Enter')
        return
      }
    }
    throw new Error(`Tab never reached the link "${name}"`)
  }

  it('takes the lead from the funnel to the people and sorts who needs attention', async () => {
    const { cohortId } = await insertDashboardCohort()
    const lead = await insertUser({ roles: ['lead'] })
    await signIn(page, lead.email)
    await page.goto(`${e2e.baseUrl}/cohorts/${cohortId}`)
    await page.getByRole('link', { name: /^Programme dashboard/ }).click()
    await page.getByRole('heading', { level: 1, name: 'Programme dashboard' }).waitFor()
    await expectAccessible(page)

    // PDSA started: Dara, Mina, Ola and Max. Reached with the keyboard.
    await tabToAndFollow('4 people: pdsa started')
    await page.getByRole('heading', { level: 1, name: 'PDSA started' }).waitFor()
    const people = await page.getByRole('table', { name: /People who reached/ }).locator('tbody tr td:first-child').allTextContents()
    expect(people).to.deep.equal(['Dara Okafor', 'Max Manager', 'Mina Shah', 'Ola Doctor'])
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Back to the dashboard' }).first().click()

    // Sort by pair, then the other way, each by a link in the column heading.
    await tabToAndFollow('Pair, sort ascending')
    const pairHeader = page.getByRole('table', { name: 'Pairs that need attention' }).getByRole('columnheader', { name: /^Pair/ })
    await page.waitForURL(/sort=pair&dir=asc/)
    expect(await pairHeader.getAttribute('aria-sort')).to.equal('ascending')
    const ascending = await pairColumn()
    expect(ascending.length).to.be.greaterThan(0)
    expect(inOrder(ascending, 1), ascending.join(', ')).to.equal(true)
    await expectAccessible(page)
    await page.getByRole('link', { name: /^Pair\s*, sort descending/ }).click()
    await page.waitForURL(/sort=pair&dir=desc/)
    expect(await pairHeader.getAttribute('aria-sort')).to.equal('descending')
    const descending = await pairColumn()
    expect(inOrder(descending, -1), descending.join(', ')).to.equal(true)
    expect([...descending].sort()).to.deep.equal([...ascending].sort())
    // Each row leads somewhere to act on it: Ola and Max's quiet pair goes to their pair page.
    await page.getByRole('link', { name: /^Ola Doctor and Max Manager\s*: no shadowing for 4 weeks/ }).click()
    await page.waitForURL(/\/pairs\/[0-9a-f]{24}$/)
  })

  it('lets a sponsor read the dashboard from home, with no lead actions or concern text', async () => {
    const { cohortId } = await insertDashboardCohort()
    const sponsor = await insertUser({ roles: ['sponsor'], name: 'Simon Sponsor' })
    await signIn(page, sponsor.email)
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Surgery and Medicine, spring 2027' }).click()
    await page.getByRole('heading', { level: 1, name: 'Programme dashboard' }).waitFor()
    const main = (await page.locator('main').textContent()) ?? ''
    expect(main).to.contain('Improvement shown').and.contain('Ola Doctor and Max Manager').and.not.contain(CONCERN)
    expect(await page.locator(`main a[href^="/pairs/"], main a[href^="/projects/"], main a[href="/cohorts/${cohortId}"], main a[href$="/people"], main a[href$="/exports"]`).count()).to.equal(0)
    expect(await page.getByRole('link', { name: /^Golden thread/ }).count()).to.equal(1)
    await expectAccessible(page)
    await page.getByRole('link', { name: '7 people: paired' }).click()
    await page.getByRole('heading', { level: 1, name: 'Paired' }).waitFor()
    expect(await page.getByRole('columnheader').allTextContents()).to.deep.equal(['Name', 'Side'])
    await expectAccessible(page)
  })
})
