import { expect } from 'chai'
import { Cohort } from '../../../models/cohort'
import { buildTestApp, type TestApp } from '../../support/test-app'
import { insertCohort } from '../../support/cohorts'
import { signedIn } from '../../support/users'

const weights = (w: Record<string, string>) => Object.fromEntries(Object.entries(w).map(([k, v]) => [`weight-${k}`, v]))

describe('matching settings', () => {
  let t: TestApp
  beforeEach(async () => {
    t = await buildTestApp()
  })

  it('shows the defaults, and saves weights and hard requirements', async () => {
    const cohort = await insertCohort()
    const { browser } = await signedIn(t, ['lead'])
    const path = `/cohorts/${cohort._id}/matching/settings`
    const page = await browser.get(path)
    expect(page.text).to.contain('id="weight-specialty" name="weight-specialty" type="text" value="4"')
    const saved = await browser.submit(path, { ...weights({ specialty: '8', interests: '5', site: '0', availability: '3', preference: '1' }), required: ['site', 'specialty'] })
    expect(saved.status).to.equal(303)
    const stored = await Cohort.findById(cohort._id).lean()
    expect(stored?.matchingWeights).to.deep.equal({ specialty: 8, interests: 5, site: 0, availability: 3, preference: 1 })
    expect(stored?.matchingRequired).to.have.members(['site', 'specialty'])
    expect((await browser.get(path)).text).to.match(/value="site" checked/)
  })

  it('refuses weights out of range, unknown requirements and all-zero weights, keeping what was typed', async () => {
    const cohort = await insertCohort()
    const { browser } = await signedIn(t, ['lead'])
    const path = `/cohorts/${cohort._id}/matching/settings`
    const bad = await browser.submit(path, { ...weights({ specialty: '11', interests: 'lots', site: '2', availability: '3', preference: '1' }), required: 'astrology' })
    expect(bad.status).to.equal(400)
    expect(bad.text).to.contain('href="#weight-specialty"').and.contain('href="#weight-interests"').and.contain('href="#required"')
    expect(bad.text).to.contain('value="lots"')
    const zeros = await browser.submit(path, weights({ specialty: '0', interests: '0', site: '0', availability: '0', preference: '0' }))
    expect(zeros.text).to.contain('Give at least one criterion a weight above 0')
  })

  it('is for leads only', async () => {
    const cohort = await insertCohort()
    const { browser } = await signedIn(t, ['manager'])
    expect((await browser.get(`/cohorts/${cohort._id}/matching/settings`)).status).to.equal(403)
  })
})
