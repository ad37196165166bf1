// A doctor ranks the managers they would most like to work with, from their home page.
import { expect } from 'chai'
import type { Page } from 'playwright-core'
import { insertCohort } from '../support/cohorts'
import { insertProfiled } from '../support/matching'
import { expectAccessible, openPageEachTest, signIn } from './support/browser'

describe('rankings in a browser', () => {
  let page: Page
  openPageEachTest(p => (page = p))

  it('lets a doctor rank managers, explaining a gap, and shows the saved ranking', async () => {
    const cohort = await insertCohort({ name: 'Medicine, spring 2027', status: 'matching' })
    const doctor = await insertProfiled(cohort._id, 'doctor', 'Ada Doctor', { specialty: 'Cardiology', site: 'North' })
    await insertProfiled(cohort._id, 'manager', 'Nia North', { specialtiesCovered: ['Cardiology'], site: 'North', jobTitle: 'Service manager' })
    await insertProfiled(cohort._id, 'manager', 'Sam South', { specialtiesCovered: ['Cardiology'], site: 'South', jobTitle: 'Operations lead' })

    await signIn(page, doctor.email)
    await page.getByRole('link', { name: 'Rank your preferred partners in Medicine, spring 2027' }).click()
    await page.getByRole('heading', { name: 'Rank your preferred partners' }).waitFor()
    await expectAccessible(page)
    expect(await page.getByRole('table', { name: 'Your top candidates' }).locator('tbody tr').first().textContent()).to.contain('Nia North')

    // A 2nd choice with no 1st is a gap the form explains.
    await page.getByLabel('2nd choice').selectOption({ index: 2 })
    await page.getByRole('button', { name: 'Save your ranking' }).click()
    await page.locator('.nhsuk-error-summary').waitFor()
    await expectAccessible(page)

    await page.getByLabel('1st choice').selectOption({ index: 1 })
    await page.getByRole('button', { name: 'Save your ranking' }).click()
    await page.getByText('Your ranking has been saved').waitFor()
    await expectAccessible(page)
  })
})
