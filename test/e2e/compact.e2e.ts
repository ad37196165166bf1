// Both partners agree a compact (one rewords it first), both reflect on it, and
// the lead sees the month's answers, the score and the concern raised — not the
// partners' private comments — then the template, nudge settings and email preferences.
import { expect } from 'chai'
import type { Page } from 'playwright-core'
import { insertPublishedPair } from '../support/shadowing'
import { insertUser } from '../support/users'
import { expectAccessible, openPageEachTest, signIn } from './support/browser'
import { e2e } from './support/hooks'

describe('the compact in a browser', () => {
  let page: Page
  openPageEachTest(p => (page = p))

  async function signOut() {
    await page.getByRole('button', { name: 'Sign out' }).click()
  }

  it('is reworded, agreed by both, reflected on by both, and followed by the lead', async () => {
    const { doctor, manager, pair, cohortId } = await insertPublishedPair()
    const lead = await insertUser({ roles: ['lead'] })

    await signIn(page, doctor.email)
    await page.goto(`${e2e.baseUrl}/pairs/${pair._id}`)
    await page.getByRole('link', { name: 'Your compact' }).click()
    await page.getByText('We will speak openly and assume good intent').waitFor()
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Change the wording' }).click()
    await expectAccessible(page)
    const box = page.getByLabel('Commitments')
    await box.fill(`${await box.inputValue()}\nWe tell each other early when the rota changes`)
    await page.getByRole('button', { name: 'Save new version' }).click()
    await page.getByText('Compact saved as version 2').waitFor()
    await page.getByRole('button', { name: 'I agree version 2' }).click()
    await page.getByText('You agreed version 2 of your compact').waitFor()
    await expectAccessible(page)
    await signOut()

    await signIn(page, manager.email)
    await page.goto(`${e2e.baseUrl}/pairs/${pair._id}/compact`)
    await page.getByText('We tell each other early when the rota changes').waitFor()
    await page.getByRole('button', { name: 'I agree version 2' }).click()
    await page.getByText('Agreed by both').waitFor()
    await expectAccessible(page)
    // A reflection with a rating missing is answered with the error summary.
    await page.getByRole('button', { name: 'Save reflection' }).click()
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor()
    await expectAccessible(page)
    for (const group of await page.getByRole('group').all()) {
      if ((await group.getByRole('radio').count()) === 5) await group.getByLabel('4').check()
    }
    await page.getByLabel('A comment for Dara Okafor (optional)').fill('PRIVATE: thanks for the ward round')
    await page.getByRole('button', { name: 'Save reflection' }).click()
    await page.getByText('Reflection saved').waitFor()
    await signOut()

    await signIn(page, doctor.email)
    await page.goto(`${e2e.baseUrl}/pairs/${pair._id}/compact`)
    for (const group of await page.getByRole('group').all()) {
      if ((await group.getByRole('radio').count()) === 5) await group.getByLabel('3').check()
    }
    await page.getByLabel('I want to raise a concern with the programme lead').check()
    await page.getByLabel('The concern, as the lead should read it').fill('Two sessions were cancelled at short notice')
    await page.getByRole('button', { name: 'Save reflection' }).click()
    await page.getByText('Your concern has been shared with your programme lead').waitFor()
    // Both have answered: each sees the other's ratings and comment, and the month's score (4 × 6 + 3 × 6) / 12 = 3.5.
    await page.getByText('PRIVATE: thanks for the ward round').waitFor()
    expect(await page.getByRole('table', { name: 'Compact score by month' }).textContent()).to.contain('3.5')
    await expectAccessible(page)
    await signOut()

    await signIn(page, lead.email)
    await page.goto(`${e2e.baseUrl}/cohorts/${cohortId}`)
    await page.getByRole('link', { name: 'Compacts and reflections' }).click()
    await page.getByText('Two sessions were cancelled at short notice').waitFor()
    const main = await page.locator('main').textContent()
    expect(main).to.contain('2 of 2').and.contain(': 3.5').and.not.contain('PRIVATE')
    await expectAccessible(page)

    // The lead's template, nudge settings (with an error) and email preferences.
    for (const path of [`/cohorts/${cohortId}/compact/template`, `/cohorts/${cohortId}/nudges`, '/profile/emails']) {
      await page.goto(`${e2e.baseUrl}${path}`)
      await expectAccessible(page)
    }
    await page.goto(`${e2e.baseUrl}/cohorts/${cohortId}/nudges`)
    await page.getByRole('link', { name: 'Monthly reflection due' }).click()
    await page.getByLabel('Subject line').fill('Reflect with {partner} by {friday}')
    await page.getByRole('button', { name: 'Save nudge' }).click()
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor()
    await expectAccessible(page)
  })
})
