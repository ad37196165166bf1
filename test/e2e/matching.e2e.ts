// A lead runs matching, reads why a pair was proposed, locks one, swaps two doctors,
// asks "why not", and publishes; both partners get their introduction and see their pair.
import { expect } from 'chai'
import type { Page } from 'playwright-core'
import { insertTwoSiteCohort } from '../support/matching'
import { insertUser } from '../support/users'
import { expectAccessible, openPageEachTest, signIn } from './support/browser'
import { e2e } from './support/hooks'

describe('matching in a browser', () => {
  let page: Page
  openPageEachTest(p => (page = p))

  it('runs, explains, locks, swaps, answers why not, publishes, and both partners see their pair', async () => {
    const lead = await insertUser({ name: 'Lena Lead', roles: ['lead'] })
    const { cohort, ada, sam } = await insertTwoSiteCohort({ name: 'Medicine, spring 2027' })

    await signIn(page, lead.email)
    await page.goto(`${e2e.baseUrl}/cohorts/${cohort._id}`)
    await page.getByRole('link', { name: 'Matching: run, review and publish pairs' }).click()
    await expectAccessible(page)
    // Keyboard only: choose the mode with the space bar and run with Enter.
    await page.getByLabel('Best total score').focus()
    await page.keyboard.press('Space')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    // The page follows the worker's progress and shows the proposal when it is ready.
    await page.getByText('Ready to review').waitFor()
    await expectAccessible(page)
    const rows = page.locator('tbody tr')
    expect(await rows.count()).to.equal(2)
    expect(await rows.first().textContent()).to.contain('Ada Doctor').and.contain('Nia North').and.contain('50')

    await page.getByRole('link', { name: 'Ada Doctor' }).click()
    await page.getByRole('table', { name: 'How the score is made up' }).waitFor()
    expect(await page.getByRole('table', { name: 'How the score is made up' }).textContent()).to.contain('33 of 33').and.contain('17 of 17')
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Lock this pair' }).click()
    await page.getByText('Pair locked').waitFor()
    await page.getByRole('button', { name: 'Unlock this pair' }).waitFor()

    await page.getByLabel('Manager').selectOption({ label: 'Sam South' })
    await page.getByRole('button', { name: 'Explain' }).click()
    await page.getByText('It would need to rise by 34 points').waitFor()
    await expectAccessible(page)

    await page.getByRole('button', { name: /Swap with Ben Doctor/ }).click()
    await page.getByText('Swapped (total −34 points); the new pairs are locked').waitFor()
    await expectAccessible(page)

    await page.getByRole('link', { name: 'Back' }).click()
    await page.getByRole('button', { name: 'Publish these pairs' }).click()
    await page.getByRole('heading', { name: 'Publish 2 pairs?' }).waitFor()
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Publish and send introductions' }).click()
    await page.getByText('2 pairs published and introduced by email').waitFor()
    await expectAccessible(page)

    const emails = await e2e.smtp.waitFor(4, 15_000)
    const adas = emails.find(m => m.to.includes(ada.email))!
    expect(adas.subject).to.equal('Meet your Tandem partner: Sam South')
    expect(emails.find(m => m.to.includes(sam.email))!.subject).to.equal('Meet your Tandem partner: Ada Doctor')

    await page.getByRole('button', { name: 'Sign out' }).click()
    await signIn(page, ada.email)
    await page.getByText('Sam South, manager').waitFor()
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Sign out' }).click()
    await signIn(page, sam.email)
    await page.getByText('Ada Doctor, doctor').waitFor()
  })
})
