import { expect } from 'chai'
import { insertMember } from '../../support/cohorts'
import { buildTestApp, type TestApp } from '../../support/test-app'
import { signedIn, signInAs } from '../../support/users'
import { browserFor } from '../../support/test-app'
import { insertBoardCohort } from '../../support/boards'

describe('who may read the boards (routes)', () => {
  let t: TestApp
  let fixture: Awaited<ReturnType<typeof insertBoardCohort>>

  beforeEach(async () => {
    t = await buildTestApp()
    fixture = await insertBoardCohort()
  })

  for (const board of ['golden-thread', 'network']) {
    it(`${board}: leads and sponsors read it; doctors and managers are refused; a missing cohort or a bad id is not found`, async () => {
      const path = `/cohorts/${fixture.cohortId}/${board}`
      for (const roles of [['lead'], ['sponsor']] as const) {
        const { browser } = await signedIn(t, [...roles])
        expect((await browser.get(path)).status, roles[0]).to.equal(200)
      }
      const doctor = await signInAs(t, fixture.dara.doctor)
      const manager = await signInAs(t, await insertMember(fixture.cohortId, 'manager'))
      for (const [who, browser] of [['doctor', doctor], ['manager', manager]] as const) {
        expect((await browser.get(path)).status, who).to.equal(403)
      }
      const { browser: lead } = await signedIn(t, ['lead'])
      expect((await lead.get(`/cohorts/0123456789abcdef01234567/${board}`)).status).to.equal(404)
      expect((await lead.get(`/cohorts/not-an-id/${board}`)).status).to.equal(404)
      const signedOut = await browserFor(t.app).get(path)
      expect(signedOut.status).to.equal(303)
      expect(signedOut.headers.location).to.equal('/sign-in')
    })
  }
})
