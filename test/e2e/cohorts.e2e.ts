// A lead sets up a cohort from a spreadsheet; an imported doctor joins and completes their profile.
import { writeFile, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect } from 'chai'
import type { Page } from 'playwright-core'
import { insertUser, TEST_PASSWORD } from '../support/users'
import { claimOnce } from '../../server/db/claims'
import { expectAccessible, newPage } from './support/browser'
import { e2e } from './support/hooks'

describe('cohorts and CSV import in a browser', () => {
  let page: Page
  beforeEach(async () => {
    page = await newPage()
  })
  afterEach(async () => {
    await page.context().close()
  })

  it('creates a cohort, imports a CSV with mistakes, confirms, and the invited doctor completes their profile', async () => {
    await claimOnce('setup-complete')
    const lead = await insertUser({ name: 'Lena Lead', roles: ['lead'] })
    await page.goto(`${e2e.baseUrl}/sign-in`)
    await page.getByLabel('Email address').fill(lead.email)
    await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()

    await page.getByRole('link', { name: 'Cohorts' }).click()
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Create a cohort' }).click()
    await page.getByLabel('Cohort name').fill('Medicine, spring 2027')
    await page.locator('#start-day').fill('1')
    await page.locator('#start-month').fill('3')
    await page.locator('#start-year').fill('2027')
    await page.locator('#end-day').fill('31')
    await page.locator('#end-month').fill('8')
    await page.locator('#end-year').fill('2026')
    await page.getByLabel('Sites taking part').fill('St Thomas’ Hospital\nGuy’s Hospital')
    await page.getByLabel('Recruiting').check()
    await page.getByRole('button', { name: 'Create cohort' }).click()
    await page.getByRole('link', { name: 'The end date must be after the start date' }).waitFor()
    await expectAccessible(page)
    await page.locator('#end-year').fill('2027')
    await page.getByRole('button', { name: 'Create cohort' }).click()
    await page.getByRole('heading', { name: 'Medicine, spring 2027', level: 1 }).waitFor()
    await expectAccessible(page)

    await page.getByRole('link', { name: 'Import people from a CSV file' }).click()
    await expectAccessible(page)
    const dir = await mkdtemp(path.join(tmpdir(), 'tandem-e2e-'))
    const file = path.join(dir, 'doctors.csv')
    await writeFile(file, ['email,name,grade,specialty,site', 'amara.doctor@example.nhs.uk,Amara Doctor,FY2,Geriatric medicine,Guy’s Hospital', 'broken-email,Bad Row,FY1,Cardiology,', 'ben.doctor@example.nhs.uk,Ben Doctor,ST9,Cardiology,'].join('\r\n'))
    await page.getByLabel('Doctors').check()
    await page.getByLabel('CSV file').setInputFiles(file)
    await page.getByRole('button', { name: 'Check file' }).click()
    await page.getByRole('heading', { name: 'Check the import' }).waitFor()
    expect(await page.getByTestId('valid-count').textContent()).to.contain('1 row is ready')
    expect(await page.getByTestId('invalid-count').textContent()).to.contain('2 rows have problems')
    await page.getByText('“broken-email” is not a valid email address').waitFor()
    await page.getByText('Unknown grade “ST9”').waitFor()
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Import 1 person' }).click()
    await page.getByRole('heading', { name: 'Import complete' }).waitFor()
    expect(await page.getByTestId('skipped-count').textContent()).to.contain('2 rows skipped')
    await expectAccessible(page)

    await page.getByRole('link', { name: 'See the cohort’s people' }).click()
    await page.getByRole('link', { name: 'Amara Doctor' }).waitFor()
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Sign out' }).click()

    const [invitation] = await e2e.smtp.waitFor(1, 15_000)
    expect(invitation!.to).to.contain('amara.doctor@example.nhs.uk')
    expect(invitation!.text).to.contain('in Medicine, spring 2027')
    const link = /http:\/\/127\.0\.0\.1:\d+\/invitations\/[A-Za-z0-9_-]+/.exec(invitation!.text)![0]
    await page.goto(link)
    expect(await page.getByLabel('Full name').inputValue()).to.equal('Amara Doctor')
    await page.getByLabel('Choose a password').fill('orchid lantern velvet')
    await page.getByRole('button', { name: 'Create account' }).click()
    await page.getByRole('link', { name: 'Your profile' }).click()
    await expectAccessible(page)
    // Grade, specialty and site came from the spreadsheet; the doctor adds the rest.
    expect(await page.getByLabel('Grade').inputValue()).to.equal('FY2')
    await page.getByLabel('Discharge').check()
    await page.getByLabel('Monday Morning').check()
    await page.getByLabel('Thursday Evening').check()
    await page.getByLabel('Dates you are not available (optional)').fill('1/12/2026 - 14/12/2026 leave')
    await page.getByRole('button', { name: 'Save profile' }).click()
    await page.getByText('Your profile has been saved').waitFor()
    await page.getByText('Complete', { exact: true }).waitFor()
    await expectAccessible(page)
  })
})
