// A pair starts its QI project from the pair page (a mistake first), logs
// progress and confirms Tandem's progress score; the lead finds it on the
// cohort's portfolio. Axe on each page.
import type { Page } from 'playwright-core'
import { Priority } from '../../models/priority'
import { insertPublishedPair } from '../support/shadowing'
import { insertUser } from '../support/users'
import { expectAccessible, openPageEachTest, signIn } from './support/browser'
import { e2e } from './support/hooks'

describe('QI projects in a browser', () => {
  let page: Page
  openPageEachTest(p => (page = p))

  it('starts a project, logs progress, sets the score, and shows it on the lead’s portfolio', async () => {
    const { doctor, pair, cohortId } = await insertPublishedPair()
    await Priority.create({ title: 'Reduce length of stay' })
    await signIn(page, doctor.email)
    await page.goto(`${e2e.baseUrl}/pairs/${pair._id}`)
    await page.getByRole('link', { name: 'Start your QI project' }).click()
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Save charter' }).click()
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor()
    await expectAccessible(page)
    await page.getByLabel('Project title').fill('Discharge before noon on Ward 7')
    await page.getByLabel('The problem').fill('Patients fit to leave go home late, so morning admissions wait in ED.')
    await page.getByLabel('What will improve').fill('Share of discharges before noon')
    await page.getByLabel('From what baseline').fill('12%')
    await page.getByLabel('To what target').fill('30%')
    await page.getByLabel('Day').fill('31')
    await page.getByLabel('Month').fill('7')
    await page.getByLabel('Year').fill('2027')
    await page.getByLabel('Reduce length of stay').check()
    await page.getByRole('button', { name: 'Save charter' }).click()
    await page.getByText('Project started').waitFor()
    await expectAccessible(page)

    await page.getByLabel('What we did').fill('Audited 40 discharges')
    await page.getByRole('button', { name: 'Add to the log' }).click()
    await page.getByText('Added to the progress log').waitFor()
    await page.getByRole('button', { name: 'Set progress score' }).click()
    await page.getByText('Progress score set to 1').waitFor()
    await expectAccessible(page)

    const lead = await insertUser({ roles: ['lead'] })
    await page.getByRole('button', { name: 'Sign out' }).click()
    await signIn(page, lead.email)
    await page.goto(`${e2e.baseUrl}/cohorts/${cohortId}`)
    await page.getByRole('link', { name: 'QI projects' }).click()
    await page.getByRole('link', { name: 'Discharge before noon on Ward 7' }).waitFor()
    await expectAccessible(page)
  })
})
