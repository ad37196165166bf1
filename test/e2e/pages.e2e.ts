// Every other page a lead, doctor or manager can reach, checked with axe, with
// forms shown both clean and with errors.
import type { Page } from 'playwright-core'
import { insertCohort, insertMember } from '../support/cohorts'
import { insertUser } from '../support/users'
import { expectAccessible, openPageEachTest, signIn } from './support/browser'
import { e2e } from './support/hooks'

describe('every page passes axe', () => {
  let page: Page
  openPageEachTest(p => (page = p))

  it('for a lead: directory, people, exclusions, priorities, profiles, import and mail pages', async () => {
    const cohort = await insertCohort()
    const doctor = await insertMember(cohort._id, 'doctor', { name: 'Dina Doctor' })
    const manager = await insertMember(cohort._id, 'manager', { name: 'Manu Manager' })
    const lead = await insertUser({ roles: ['lead'] })
    await signIn(page, lead.email)
    const base = `${e2e.baseUrl}/cohorts/${cohort._id}`
    const visit = async (path: string) => {
      await page.goto(path.startsWith('http') ? path : `${e2e.baseUrl}${path}`)
      await expectAccessible(page)
    }
    for (const path of [`${base}/people`, `${base}/people?side=doctor&sort=name&order=desc`, `${base}/people/add`, `${base}/exclusions`, `${base}/edit`, `${base}/matching/settings`, `${base}/pairs`, `${base}/import`, '/priorities', '/priorities/new', '/cohorts', `/people/${doctor._id}/profile`, `/people/${manager._id}/profile`, '/dev/mail', '/people/invite', '/no-such-page', '/accessibility', '/privacy']) {
      await visit(path)
    }
    // Forms with their error summaries.
    await visit(`${base}/people/add`)
    await page.getByRole('button', { name: 'Add person' }).click()
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor()
    await expectAccessible(page)
    await visit(`${base}/exclusions`)
    await page.getByRole('button', { name: 'Add exclusion' }).click()
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor()
    await expectAccessible(page)
    await visit('/priorities/new')
    await page.getByRole('button', { name: 'Add priority' }).click()
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor()
    await expectAccessible(page)
    await visit(`/people/${manager._id}/profile`)
    await page.getByLabel('Meetings a doctor could shadow (optional)').fill('Bed meeting without a time')
    await page.getByRole('button', { name: 'Save profile' }).click()
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor()
    await expectAccessible(page)
  })

  it('for a stranger: sign-in errors and password reset', async () => {
    await page.goto(`${e2e.baseUrl}/sign-in`)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor()
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Forgotten your password?' }).click()
    await expectAccessible(page)
    await page.getByLabel('Email address').fill('someone@example.nhs.uk')
    await page.getByRole('button', { name: 'Send link' }).click()
    await page.getByRole('heading', { name: 'Check your email' }).waitFor()
    await expectAccessible(page)
  })
})
