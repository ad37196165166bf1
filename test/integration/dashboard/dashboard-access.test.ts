import { expect } from 'chai'
import { browserFor, buildTestApp, type TestApp } from '../../support/test-app'
import { signedIn, signInAs } from '../../support/users'
import { CONCERN, PRIVATE_COMMENT, insertDashboardCohort } from '../../support/dashboard'

describe('programme dashboard: who may see it', () => {
  let t: TestApp
  let fixture: Awaited<ReturnType<typeof insertDashboardCohort>>

  beforeEach(async () => {
    t = await buildTestApp()
    fixture = await insertDashboardCohort()
  })

  it('lets a sponsor read the dashboard: counts, pair names and kinds of issue, no concern text, comments or links to act', async () => {
    const { browser: sponsor } = await signedIn(t, ['sponsor'])
    const page = await sponsor.get(fixture.dashboardPath)
    expect(page.status).to.equal(200)
    expect(page.text).to.contain('Improvement shown').and.contain('Ola Doctor and Max Manager').and.contain('Concern raised').and.contain('Reflection overdue')
    expect(page.text).not.to.contain(CONCERN).and.not.to.contain(PRIVATE_COMMENT).and.not.to.contain('Not yet reflected')
    // No way into pairs, projects or the lead's pages; back goes home, not to the cohort page.
    const cohortPath = `/cohorts/${String(fixture.cohortId)}`
    expect(page.text).not.to.match(/href="\/(pairs|projects|people)\//)
    expect(page.text).not.to.contain(`href="${cohortPath}"`).and.not.to.contain(`href="${cohortPath}/people"`).and.not.to.contain(`href="${cohortPath}/compact"`)
    expect(page.text).to.contain(`href="${cohortPath}/golden-thread"`).and.contain(`href="${cohortPath}/network"`).and.not.contain('More for the lead')
  })

  it('shows a sponsor the names and sides behind a count, nothing more', async () => {
    const { browser: sponsor } = await signedIn(t, ['sponsor'])
    const page = await sponsor.get(`${fixture.dashboardPath}/stage/paired`)
    expect(page.status).to.equal(200)
    expect(page.text).to.contain('Fay Doctor').and.contain('Nia Manager').and.contain('7 people.')
    for (const person of Object.values(fixture.people)) expect(page.text).not.to.contain(person.email)
    expect(page.text).not.to.contain('Furthest step').and.not.to.match(/href="\/(pairs|people)\//)
  })

  it('starts a sponsor at a list of the cohorts with links to their dashboards', async () => {
    const { browser: sponsor } = await signedIn(t, ['sponsor'])
    const home = await sponsor.get('/')
    expect(home.text).to.contain('Programme dashboards').and.contain(`href="${fixture.dashboardPath}">Surgery and Medicine, spring 2027</a>`)
    expect(home.text).not.to.contain('href="/cohorts"').and.not.to.contain('Programme lead')
  })

  it('refuses a sponsor every lead action, reading or changing', async () => {
    const { browser: sponsor } = await signedIn(t, ['sponsor'])
    const cohort = `/cohorts/${String(fixture.cohortId)}`
    for (const path of ['/cohorts', cohort, `${cohort}/people`, `${cohort}/pairs`, `${cohort}/matching`, `${cohort}/compact`, `${cohort}/workshops`, `${cohort}/projects`, `${cohort}/nudges`, '/people/invite', '/priorities']) {
      expect((await sponsor.get(path)).status, path).to.equal(403)
    }
    for (const [form, fields] of [
      [`${cohort}/edit`, { name: 'Taken over', startDate: '2027-03-01' }],
      ['/people/invite', { email: 'new@example.nhs.uk', role: 'lead' }],
    ] as const) {
      const post = await sponsor.submit('/', fields, form)
      expect(post.status, form).to.equal(403)
    }
    // A pair's own pages are for its partners and leads; to anyone else the pair does not exist.
    expect((await sponsor.get(`/pairs/${String(fixture.pairs.p1._id)}`)).status).to.equal(404)
    expect((await sponsor.get(`/projects/${String(fixture.projects.q1._id)}`)).status).to.equal(404)
  })

  it('refuses doctors and managers, even of the cohort, and sends strangers to sign in', async () => {
    for (const person of [fixture.people.dara, fixture.people.mina]) {
      const browser = await signInAs(t, person)
      expect((await browser.get(fixture.dashboardPath)).status).to.equal(403)
      expect((await browser.get(`${fixture.dashboardPath}/stage/invited`)).status).to.equal(403)
      expect((await browser.get('/')).text).not.to.contain('/dashboard')
    }
    const stranger = await browserFor(t.app).get(fixture.dashboardPath)
    expect(stranger.status).to.equal(303)
    expect(stranger.headers.location).to.equal('/sign-in')
  })

  it('links the dashboard from the lead’s cohort page, and answers 404 for a cohort that does not exist', async () => {
    const { browser: lead } = await signedIn(t, ['lead'])
    expect((await lead.get(`/cohorts/${String(fixture.cohortId)}`)).text).to.contain(`href="${fixture.dashboardPath}">Programme dashboard`)
    expect((await lead.get('/cohorts/0123456789abcdef01234567/dashboard')).status).to.equal(404)
    expect((await lead.get('/cohorts/not-an-id/dashboard/stage/invited')).status).to.equal(404)
    const { browser: sponsor } = await signedIn(t, ['sponsor'])
    expect((await sponsor.get('/cohorts/0123456789abcdef01234567/dashboard')).status).to.equal(404)
  })
})
