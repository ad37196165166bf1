// A lead opens the golden-thread board from the cohort page, follows a project,
// moves to the network view; the board's columns stack on a phone. A sponsor
// reaches both from their dashboard. Axe on each page.
import { expect } from 'chai'
import type { Page } from 'playwright-core'
import { insertBoardCohort, insertNetworkCohort } from '../support/boards'
import { insertUser } from '../support/users'
import { expectAccessible, openPageEachTest, signIn } from './support/browser'
import { e2e } from './support/hooks'

describe('the boards in a browser', () => {
  let page: Page
  openPageEachTest(p => (page = p))

  it('takes a lead from the cohort page to the golden thread, a project, and the network', async () => {
    const { cohortId } = await insertBoardCohort()
    const lead = await insertUser({ roles: ['lead'] })
    await signIn(page, lead.email)
    await page.goto(`${e2e.baseUrl}/cohorts/${cohortId}`)
    await page.getByRole('link', { name: 'Golden thread: projects under the trust’s priorities' }).click()
    await page.getByRole('heading', { level: 1, name: 'Golden thread' }).waitFor()
    const flow = page.getByRole('region', { name: 'Reduce length of stay' })
    await flow.getByText('Special cause improvement').waitFor()
    await flow.getByText('Hit and miss').waitFor()
    await page.getByRole('heading', { name: 'Projects not on a current priority' }).waitFor()
    await expectAccessible(page)

    await flow.getByRole('link', { name: 'Discharge before noon on Ward 7' }).click()
    await page.getByRole('heading', { level: 1, name: 'Discharge before noon on Ward 7' }).waitFor()
    await page.goBack()
    await page.getByRole('link', { name: 'Network of the cohort’s people' }).click()
    await page.getByRole('heading', { level: 1, name: 'Network' }).waitFor()
    await page.getByRole('img', { name: /^Network of / }).waitFor()
    await expectAccessible(page)
  })

  it('shows the network’s figures, key and links, and a sponsor reads both boards', async () => {
    const { cohort } = await insertNetworkCohort()
    const sponsor = await insertUser({ roles: ['sponsor'] })
    await signIn(page, sponsor.email)
    await page.getByRole('link', { name: 'Network cohort' }).click()
    await page.getByRole('heading', { level: 1, name: 'Programme dashboard' }).waitFor()
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Network: who is linked to whom' }).click()
    expect(page.url()).to.equal(`${e2e.baseUrl}/cohorts/${cohort._id}/network`)
    await page.getByRole('img', { name: 'Network of Network cohort' }).waitFor()
    expect(await page.getByRole('definition').first().innerText()).to.equal('29%')
    await page.getByText('Who has no connection beyond their partner').click()
    await page.getByRole('listitem').filter({ hasText: 'Gus (manager)' }).waitFor()
    expect(await page.getByRole('table', { name: 'Links between people' }).getByRole('row').count()).to.equal(11)
    await expectAccessible(page)

    await page.getByRole('link', { name: 'Golden thread of the cohort’s projects' }).click()
    await page.getByRole('heading', { level: 1, name: 'Golden thread' }).waitFor()
    await expectAccessible(page)
  })

  it('stacks the board’s columns on a narrow screen', async () => {
    const { cohortId } = await insertBoardCohort()
    const lead = await insertUser({ roles: ['lead'] })
    await signIn(page, lead.email)
    await page.setViewportSize({ width: 1024, height: 900 })
    await page.goto(`${e2e.baseUrl}/cohorts/${cohortId}/golden-thread`)
    const [elective, flow] = [page.getByRole('region', { name: 'Elective recovery' }), page.getByRole('region', { name: 'Reduce length of stay' })]
    const wide = [(await elective.boundingBox())!, (await flow.boundingBox())!]
    expect(wide[1]!.x, 'side by side on a wide screen').to.be.greaterThan(wide[0]!.x + wide[0]!.width - 1)
    await page.setViewportSize({ width: 360, height: 800 })
    const narrow = [(await elective.boundingBox())!, (await flow.boundingBox())!]
    expect(narrow[1]!.y, 'one under the other on a phone').to.be.at.least(narrow[0]!.y + narrow[0]!.height)
    expect(narrow[0]!.width).to.be.at.most(360)
    await expectAccessible(page)
  })
})
