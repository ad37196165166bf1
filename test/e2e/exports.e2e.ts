// A lead finds the exports from the cohort page, reads what a file holds and
// downloads it: a CSV with a BOM, named after the cohort. Axe on each page.
import { readFile } from 'node:fs/promises'
import { expect } from 'chai'
import type { Page } from 'playwright-core'
import { insertExportsCohort } from '../integration/exports/exports-fixture'
import { insertUser } from '../support/users'
import { expectAccessible, openPageEachTest, signIn } from './support/browser'
import { e2e } from './support/hooks'

describe('exports in a browser', () => {
  let page: Page
  openPageEachTest(p => (page = p))

  it('takes a lead from the cohort page to the exports and downloads the people and profiles', async () => {
    const { cohortId } = await insertExportsCohort()
    const lead = await insertUser({ roles: ['lead'] })
    await signIn(page, lead.email)
    await page.goto(`${e2e.baseUrl}/cohorts/${String(cohortId)}`)
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Exports: the cohort’s data as CSV files' }).click()
    await page.getByRole('heading', { level: 1, name: 'Exports' }).waitFor()
    await page.getByText('Columns in workshop attendance').click()
    await page.getByText('Workshop status', { exact: true }).waitFor()
    await expectAccessible(page)

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download people and profiles (CSV)' }).click()])
    expect(download.suggestedFilename()).to.match(/^surgery-medicine-spring-2027-people-\d{4}-\d{2}-\d{2}\.csv$/)
    const text = await readFile((await download.path())!, 'utf8')
    expect(text.startsWith('\uFEFFName,Email,Doctor or manager')).to.equal(true)
    expect(text).to.contain('"Okafor, Dara ""DJ"""')
  })
})
