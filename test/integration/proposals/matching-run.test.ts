import { expect } from 'chai'
import { Exclusion } from '../../../models/exclusion'
import { MatchingLock } from '../../../models/matching-lock'
import { Proposal } from '../../../models/proposal'
import { browserFor, buildTestApp, type TestApp } from '../../support/test-app'
import { insertCohort } from '../../support/cohorts'
import { insertProfiled, insertTwoSiteCohort } from '../../support/matching'
import { signedIn, TEST_PASSWORD } from '../../support/users'

describe('running matching', () => {
  let t: TestApp
  beforeEach(async () => {
    t = await buildTestApp()
  })

  it('runs off the request thread, then shows each pair with its score explained and the total', async () => {
    const { cohort } = await insertTwoSiteCohort()
    const { browser } = await signedIn(t)
    const base = `/cohorts/${cohort._id}/matching`
    const run = await browser.submit(base, { mode: 'optimal' }, `${base}/run`)
    expect(run.status).to.equal(303)
    expect(run.headers.location).to.equal(`${base}/proposals/1`)
    await t.services.proposals.settled()

    const page = await browser.get(`${base}/proposals/1`)
    expect(page.text).to.contain('Ready to review').and.contain('2 of 2')
    expect(page.text).to.match(/Total score<\/dt>\s*<dd class="nhsuk-summary-list__value">\s*100 \(mean 50\.0 per pair\)/)
    const rows = [...page.text.matchAll(/<a href="[^"]+\/doctors\/[0-9a-f]+">([^<]+)<\/a>[\s\S]*?\/managers\/[0-9a-f]+">([^<]+)<\/a>[\s\S]*?numeric">(\d+)</g)].map(m => `${m[1]}–${m[2]}: ${m[3]}`)
    expect(rows).to.deep.equal(['Ada Doctor–Nia North: 50', 'Ben Doctor–Sam South: 50'])
    expect((await browser.get(base)).text).to.contain('Proposal 1')
  })

  it('gives "ranked each other" no points while nobody has ranked, so the other criteria share all 100', async () => {
    const cohort = await insertCohort({ status: 'matching' })
    const ada = await insertProfiled(cohort._id, 'doctor', 'Ada Doctor', { specialty: 'Cardiology', site: 'North' })
    await insertProfiled(cohort._id, 'manager', 'Nia North', { specialtiesCovered: ['Cardiology'], site: 'North' })
    await t.services.proposals.start(cohort, 'optimal', String(ada._id)).then(r => r.done)
    const proposal = (await Proposal.findOne().lean())!
    // Default weights 4, 3, 2, 3 and 2 for ranking; without rankings the last is 0: specialty 33 + site 17.
    expect(proposal.weights).to.deep.include({ preference: 0, specialty: 4 })
    expect(proposal.pairs[0]!.score).to.equal(50)
  })

  it('asks which mode when none is chosen, and keeps the lead on the page', async () => {
    const { cohort } = await insertTwoSiteCohort()
    const { browser } = await signedIn(t)
    const response = await browser.submit(`/cohorts/${cohort._id}/matching`, { mode: 'greedy' }, `/cohorts/${cohort._id}/matching/run`)
    expect(response.status).to.equal(400)
    expect(response.text).to.contain('nhsuk-error-summary').and.contain('Select how to match this cohort')
    expect(await Proposal.countDocuments()).to.equal(0)
  })

  it('shows a running proposal with its progress, and one whose process stopped as interrupted', async () => {
    const { cohort } = await insertTwoSiteCohort()
    await Proposal.create({ cohortId: cohort._id, number: 1, mode: 'optimal', status: 'running', startedAt: t.clock.now(), progress: { stage: 'Scoring 4 possible pairs', percent: 10 } })
    const { browser } = await signedIn(t)
    const page = await browser.get(`/cohorts/${cohort._id}/matching/proposals/1`)
    expect(page.text).to.contain('Scoring 4 possible pairs').and.contain('Check again')
    expect((await browser.get(`/cohorts/${cohort._id}/matching/proposals/1/status`)).body).to.deep.equal({ status: 'running', stage: 'Scoring 4 possible pairs', percent: 10 })
    t.clock.advance(11 * 60_000)
    expect((await browser.get(`/cohorts/${cohort._id}/matching/proposals/1`)).text).to.contain('Interrupted').and.contain('Run matching again')
  })

  it('reports a run that cannot be solved, in the lead’s words', async () => {
    const { cohort, ada, ben, nia } = await insertTwoSiteCohort()
    await MatchingLock.create({ cohortId: cohort._id, doctorId: ada._id, managerId: nia._id })
    await MatchingLock.create({ cohortId: cohort._id, doctorId: ben._id, managerId: nia._id })
    const { browser } = await signedIn(t)
    await browser.submit(`/cohorts/${cohort._id}/matching`, { mode: 'optimal' }, `/cohorts/${cohort._id}/matching/run`)
    await t.services.proposals.settled()
    const page = await browser.get(`/cohorts/${cohort._id}/matching/proposals/1`)
    expect(page.text).to.contain('Matching did not finish').and.contain('Nia North has more locked pairs than places')
  })

  it('explains why a pair was not made: how far its score would have to rise', async () => {
    const { cohort, ada, sam } = await insertTwoSiteCohort()
    const { browser } = await signedIn(t)
    await t.services.proposals.start(cohort, 'optimal', String(ada._id)).then(r => r.done)
    // Ada–Sam scores 33; forcing it makes Ben–Nia (33) too: 66 against the best 100, so it must rise by 34.
    const page = await browser.get(`/cohorts/${cohort._id}/matching/proposals/1/doctors/${ada._id}?managerId=${sam._id}`)
    expect(page.status).to.equal(200)
    expect(page.text).to.contain('Their score is 33').and.contain('<strong>34 points</strong> (to 67)')
  })

  it('keeps locked and swapped pairs when matching runs again, and compares with the proposal before', async () => {
    const { cohort, ada, ben, nia, sam } = await insertTwoSiteCohort()
    const { browser } = await signedIn(t)
    await t.services.proposals.start(cohort, 'optimal', String(ada._id)).then(r => r.done)
    const base = `/cohorts/${cohort._id}/matching/proposals/1`
    const doctorPage = `${base}/doctors/${ada._id}`
    expect((await browser.get(doctorPage)).text).to.contain('Swap with Ben Doctor').and.contain('total −34')
    const swap = await browser.submit(doctorPage, { doctorId: String(ada._id), otherDoctorId: String(ben._id), returnTo: doctorPage }, `${base}/swap`)
    expect(swap.status).to.equal(303)
    expect(swap.headers.location).to.equal(doctorPage)
    const locks = await MatchingLock.find().lean()
    expect(locks.map(l => `${l.doctorId}-${l.managerId}`)).to.have.members([`${ada._id}-${sam._id}`, `${ben._id}-${nia._id}`])

    const again = await browser.submit(base, { mode: 'optimal' }, `/cohorts/${cohort._id}/matching/run`)
    expect(again.headers.location).to.match(/\/proposals\/2$/)
    await t.services.proposals.settled()
    const second = await browser.get(`/cohorts/${cohort._id}/matching/proposals/2`)
    expect(second.text).to.contain('Compared with proposal 1')
    expect(second.text).to.contain('Total score +0, doctors matched +0; 0 doctors are paired differently')
    const proposal = await Proposal.findOne({ number: 2 }).lean()
    const kept = new Map(proposal!.pairs.map(p => [String(p.doctorId), `${String(p.managerId)} locked=${p.locked}`]))
    expect(kept).to.deep.equal(new Map([[String(ada._id), `${sam._id} locked=true`], [String(ben._id), `${nia._id} locked=true`]]))
    expect(proposal!.total).to.equal(66)
    // The first proposal can no longer be changed.
    const stale = await browser.submit(`/cohorts/${cohort._id}/matching/proposals/1/doctors/${ada._id}`, { doctorId: String(ada._id) }, `${base}/unlock`)
    expect(stale.status).to.equal(409)
  })

  it('lets a lead lock and unlock a pair, and forbid one with a reason', async () => {
    const { cohort, ada, nia } = await insertTwoSiteCohort()
    const { browser } = await signedIn(t)
    await t.services.proposals.start(cohort, 'optimal', String(ada._id)).then(r => r.done)
    const base = `/cohorts/${cohort._id}/matching/proposals/1`
    const doctorPage = `${base}/doctors/${ada._id}`
    await browser.submit(doctorPage, { doctorId: String(ada._id), returnTo: doctorPage }, `${base}/lock`)
    expect((await browser.get(doctorPage)).text).to.contain('Unlock this pair')
    expect(await MatchingLock.countDocuments({ doctorId: ada._id, managerId: nia._id })).to.equal(1)
    await browser.submit(doctorPage, { doctorId: String(ada._id), returnTo: doctorPage }, `${base}/unlock`)
    expect(await MatchingLock.countDocuments()).to.equal(0)

    const noReason = await browser.submit(doctorPage, { doctorId: String(ada._id), managerId: String(nia._id), reason: '' }, `${base}/forbid`)
    expect(noReason.status).to.equal(400)
    expect(noReason.text).to.contain('nhsuk-error-summary').and.contain('Enter why this pair must never be matched')
    const forbidden = await browser.submit(doctorPage, { doctorId: String(ada._id), managerId: String(nia._id), reason: 'Line manager' }, `${base}/forbid`)
    expect(forbidden.status).to.equal(303)
    const page = await browser.get(base)
    expect(page.text).to.contain('the lead forbade the proposed pair')
    expect((await browser.get(`/cohorts/${cohort._id}/exclusions`)).text).to.contain('Line manager')
  })

  it('refuses a swap into an excluded pair, and ids that are not ids', async () => {
    const { cohort, ada, ben, nia } = await insertTwoSiteCohort()
    const { browser } = await signedIn(t)
    await t.services.proposals.start(cohort, 'optimal', String(ada._id)).then(r => r.done)
    await Exclusion.create({ cohortId: cohort._id, doctorId: ben._id, managerId: nia._id, reason: 'Line manager' })
    const base = `/cohorts/${cohort._id}/matching/proposals/1`
    expect((await browser.get(`${base}/doctors/${ada._id}`)).text).to.contain('Swap with Ben Doctor: not possible, one of the new pairs is excluded')
    const refused = await browser.submit(`${base}/doctors/${ada._id}`, { doctorId: String(ada._id), otherDoctorId: String(ben._id) }, `${base}/swap`)
    expect(refused.status).to.equal(409)
    const weird = await browser.submit(`${base}/doctors/${ada._id}`, { doctorId: '{"$gt":""}', otherDoctorId: String(ben._id) }, `${base}/swap`)
    expect(weird.status).to.equal(404)
    expect((await browser.get(`${base}/doctors/not-an-id`)).status).to.equal(404)
    expect((await browser.get(`/cohorts/${cohort._id}/matching/proposals/99`)).status).to.equal(404)
  })

  it('is for leads only: doctors and managers cannot see or change proposals', async () => {
    const { cohort, ada, sam } = await insertTwoSiteCohort()
    await t.services.proposals.start(cohort, 'optimal', String(ada._id)).then(r => r.done)
    const { browser: lead } = await signedIn(t)
    const managerPage = await lead.get(`/cohorts/${cohort._id}/matching/proposals/1/managers/${sam._id}`)
    expect(managerPage.status).to.equal(200)
    expect(managerPage.text).to.contain('1 of 1 place filled').and.contain('Best alternative doctors').and.contain('Swap Ada Doctor with Ben Doctor')
    const doctor = browserFor(t.app)
    await doctor.submit('/sign-in', { email: ada.email, password: TEST_PASSWORD })
    for (const path of ['/matching', '/matching/proposals/1', '/matching/proposals/1/status', `/matching/proposals/1/doctors/${ada._id}`, `/matching/proposals/1/managers/${sam._id}`, '/matching/proposals/1/publish'])
      expect((await doctor.get(`/cohorts/${cohort._id}${path}`)).status, path).to.equal(403)
    const post = await doctor.submit('/', { mode: 'optimal' }, `/cohorts/${cohort._id}/matching/run`)
    expect(post.status).to.equal(403)
    expect(await Proposal.countDocuments()).to.equal(1)
  })
})
