// Exports hold personal data: only programme leads may have them, and nothing
// partners wrote for each other (comments, concerns' words, session
// reflections) is in any of them.
import { expect } from 'chai'
import supertest from 'supertest'
import { COHORT_EXPORTS } from '../../../server/exports/export-list'
import { buildTestApp, type TestApp } from '../../support/test-app'
import { signedIn, signInAs } from '../../support/users'
import { insertExportsCohort, PRIVATE_MARK } from './exports-fixture'

describe('exports: privacy and who may download them', () => {
  let t: TestApp
  let fixture: Awaited<ReturnType<typeof insertExportsCohort>>
  const files = () => COHORT_EXPORTS.map(e => `${fixture.base}/${e.key}.csv`)

  beforeEach(async () => {
    t = await buildTestApp()
    fixture = await insertExportsCohort()
  })

  it('never holds a private comment, a concern’s words or what partners wrote after a session', async () => {
    const { browser } = await signedIn(t, ['lead'])
    for (const file of files()) {
      const response = await browser.get(file)
      expect(response.status, file).to.equal(200)
      expect(response.text.split('\r\n').length, file).to.be.greaterThan(2)
      expect(response.text, file).to.not.contain(PRIVATE_MARK)
    }
  })

  it('is for leads: sponsors, doctors and managers are refused the page and every file', async () => {
    const { browser: sponsor } = await signedIn(t, ['sponsor'])
    const doctor = await signInAs(t, fixture.doctor)
    const manager = await signInAs(t, fixture.manager)
    for (const [who, browser] of [['sponsor', sponsor], ['doctor', doctor], ['manager', manager]] as const) {
      for (const path of [fixture.base, ...files()]) {
        const response = await browser.get(path)
        expect(response.status, `${who} ${path}`).to.equal(403)
        expect(response.headers['content-type'], `${who} ${path}`).to.match(/^text\/html/)
      }
    }
  })

  it('sends someone signed out to sign in, and answers 404 for an unknown file or cohort', async () => {
    const { browser } = await signedIn(t, ['lead'])
    const response = await supertest(t.app).get(`${fixture.base}/people.csv`)
    expect([response.status, response.headers['location']]).to.deep.equal([303, '/sign-in'])
    expect((await browser.get(`${fixture.base}/comments.csv`)).status).to.equal(404)
    expect((await browser.get('/cohorts/0123456789abcdef01234567/exports/people.csv')).status).to.equal(404)
    expect((await browser.get('/cohorts/not-an-id/exports')).status).to.equal(404)
  })
})
