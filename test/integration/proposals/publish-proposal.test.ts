import { expect } from 'chai'
import type { Types } from 'mongoose'
import { parse } from 'csv-parse/sync'
import { Cohort } from '../../../models/cohort'
import { EndedPair } from '../../../models/ended-pair'
import { MatchingLock } from '../../../models/matching-lock'
import { OutboxMessage } from '../../../models/outbox-message'
import { Pair } from '../../../models/pair'
import { Proposal } from '../../../models/proposal'
import { Ranking } from '../../../models/ranking'
import { browserFor, buildTestApp, type TestApp } from '../../support/test-app'
import { insertProfiled, insertTwoSiteCohort } from '../../support/matching'
import { signedIn, TEST_PASSWORD } from '../../support/users'

describe('publishing a proposal', () => {
  let t: TestApp
  beforeEach(async () => {
    t = await buildTestApp()
  })

  it('asks for confirmation, then creates the pairs once, introduces everyone and shows each their partner', async () => {
    const { cohort, ada, nia } = await insertTwoSiteCohort()
    const { browser, user: lead } = await signedIn(t)
    await t.services.proposals.start(cohort, 'optimal', String(lead._id)).then(r => r.done)
    const base = `/cohorts/${cohort._id}/matching/proposals/1`
    expect((await browser.get(base)).text).to.contain(`href="${base}/publish"`)
    expect(await Pair.countDocuments(), 'nothing is published by running matching').to.equal(0)
    const confirm = await browser.get(`${base}/publish`)
    expect(confirm.text).to.contain('Publish 2 pairs?').and.contain('Publish and send introductions')

    const published = await browser.submit(`${base}/publish`, {})
    expect(published.status).to.equal(303)
    expect(published.headers.location).to.equal(`/cohorts/${cohort._id}/pairs`)
    expect((await browser.get(published.headers.location!)).text).to.contain('2 pairs published and introduced by email')
    expect(await Pair.countDocuments({ cohortId: cohort._id })).to.equal(2)
    expect((await Cohort.findById(cohort._id).lean())!.status).to.equal('running')
    const intros = await OutboxMessage.find({ subject: /Meet your Tandem partner/ }).lean()
    expect(intros).to.have.length(4)
    expect(intros.find(m => m.to === ada.email)!.text).to.contain('paired with Nia North').and.contain("the manager's service covers cardiology")
    expect((await Proposal.findOne().lean())!.status).to.equal('published')

    const again = await browser.submit(`${base}/publish`, {})
    expect(again.status).to.equal(409)
    expect(await OutboxMessage.countDocuments({ subject: /Meet your Tandem partner/ })).to.equal(4)

    const doctor = browserFor(t.app)
    await doctor.submit('/sign-in', { email: ada.email, password: TEST_PASSWORD })
    expect((await doctor.get('/')).text).to.contain(`${nia.name}, manager`)
  })

  it('publishes at most once when the button is pressed twice at the same instant', async () => {
    const { cohort } = await insertTwoSiteCohort()
    const { browser, user: lead } = await signedIn(t)
    await t.services.proposals.start(cohort, 'optimal', String(lead._id)).then(r => r.done)
    const base = `/cohorts/${cohort._id}/matching/proposals/1`
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => browser.submit(`${base}/publish`, {})))
    expect(results.filter(r => r.status === 303)).to.have.length(1)
    expect(await Pair.countDocuments()).to.equal(2)
    expect(await OutboxMessage.countDocuments()).to.equal(4)
  })

  it('leaves published pairs alone when matching runs again, and clears their locks', async () => {
    const { cohort, ada } = await insertTwoSiteCohort()
    const { user: lead } = await signedIn(t)
    const { proposal } = await t.services.proposals.start(cohort, 'optimal', String(lead._id))
    await t.services.proposals.settled()
    await MatchingLock.create({ cohortId: cohort._id, doctorId: ada._id, managerId: (await Proposal.findById(proposal._id).lean())!.pairs[0]!.managerId })
    const fresh = (await Proposal.findById(proposal._id))!
    await t.services.proposalEdits.publish(cohort, fresh, String(lead._id))
    expect(await MatchingLock.countDocuments()).to.equal(0)
    const late = await insertProfiled(cohort._id, 'doctor', 'Cy Late', { specialty: 'Cardiology', site: 'North' })
    const manager = await insertProfiled(cohort._id, 'manager', 'Mo More', { specialtiesCovered: ['Cardiology'], site: 'East' })
    await t.services.proposals.start(cohort, 'optimal', String(lead._id)).then(r => r.done)
    const second = (await Proposal.findOne({ number: 2 }).lean())!
    expect(second.doctorCount).to.equal(1)
    expect(second.pairs.map(p => [String(p.doctorId), String(p.managerId)])).to.deep.equal([[String(late._id), String(manager._id)]])
  })
})

describe('stable mode', () => {
  it('pairs people by their rankings and shows that no blocking pair exists', async () => {
    const t = await buildTestApp()
    const { cohort, ada, ben, nia, sam } = await insertTwoSiteCohort()
    // Against their scores: Ada and Sam rank each other first, as do Ben and Nia.
    const rank = (user: { _id: Types.ObjectId }, side: 'doctor' | 'manager', ranked: Types.ObjectId[]) => Ranking.create({ cohortId: cohort._id, userId: user._id, side, ranked })
    await rank(ada, 'doctor', [sam._id, nia._id])
    await rank(ben, 'doctor', [nia._id])
    await rank(sam, 'manager', [ada._id])
    await rank(nia, 'manager', [ben._id, ada._id])
    const { browser } = await signedIn(t)
    const run = await browser.submit(`/cohorts/${cohort._id}/matching`, { mode: 'stable' }, `/cohorts/${cohort._id}/matching/run`)
    await t.services.proposals.settled()
    const page = await browser.get(run.headers.location!)
    expect(page.text).to.contain('Stable, from rankings').and.contain('No blocking pair')
    const pairs = (await Proposal.findOne().lean())!.pairs.map(p => `${p.doctorId}-${p.managerId}`)
    expect(pairs).to.have.members([`${ada._id}-${sam._id}`, `${ben._id}-${nia._id}`])
  })
})

describe('ending a published pair', () => {
  it('ends a pair once when two leads confirm at the same moment, and keeps one record of it', async () => {
    const t = await buildTestApp()
    const { cohort, ada, nia } = await insertTwoSiteCohort()
    const { user: lead } = await signedIn(t, ['lead'])
    await t.services.pairs.publish(cohort, [{ doctorId: ada._id, managerId: nia._id, score: 50, contributions: [] }], String(lead._id))
    const pair = (await Pair.findOne().lean())!
    const results = await Promise.allSettled(['Ada has moved trust', 'Nia is on leave'].map(reason => t.services.pairs.unpublish(cohort, String(pair._id), reason, String(lead._id))))
    expect(results.filter(r => r.status === 'fulfilled' && r.value.ended)).to.have.length(1)
    expect(await Pair.countDocuments()).to.equal(0)
    expect((await EndedPair.find().lean()).map(p => p.reason)).to.have.length(1)
    expect(await OutboxMessage.countDocuments({ subject: /has ended/ })).to.equal(2)
  })


  it('needs confirmation, then frees both people and tells both, once', async () => {
    const t = await buildTestApp()
    const { cohort, ada, nia } = await insertTwoSiteCohort()
    const { browser, user: lead } = await signedIn(t)
    await t.services.pairs.publish(cohort, [{ doctorId: ada._id, managerId: nia._id, score: 50, contributions: [] }], String(lead._id))
    const pair = (await Pair.findOne().lean())!
    const path = `/cohorts/${cohort._id}/pairs/${pair._id}/unpublish`
    expect((await browser.get(`/cohorts/${cohort._id}/pairs`)).text).to.contain(path)
    expect((await browser.get(path)).text).to.contain('End the pair of Ada Doctor and Nia North?')

    const unconfirmed = await browser.submit(path, { reason: 'Ada has moved trust' })
    expect(unconfirmed.status).to.equal(400)
    expect(unconfirmed.text).to.contain('Confirm that you want to end this pair').and.contain('Ada has moved trust')
    expect(await Pair.countDocuments()).to.equal(1)

    const ended = await browser.submit(path, { reason: 'Ada has moved trust', confirm: 'yes' })
    expect(ended.status).to.equal(303)
    expect(await Pair.countDocuments()).to.equal(0)
    const notices = await OutboxMessage.find({ subject: /has ended/ }).lean()
    expect(notices.map(n => n.to)).to.have.members([ada.email, nia.email])
    expect(notices[0]!.text).to.contain('The reason they gave: Ada has moved trust')
    expect((await browser.get(path)).status, 'gone').to.equal(404)

    // Kept among the ended pairs, with who ended it, when and why, on the lead's page and in the export.
    const kept = (await EndedPair.findById(pair._id).lean())!
    expect([String(kept.doctorId), String(kept.managerId), kept.score, String(kept.endedBy), kept.reason]).to.deep.equal([String(ada._id), String(nia._id), 50, String(lead._id), 'Ada has moved trust'])
    expect(kept.endedAt.toISOString()).to.equal(t.clock.now().toISOString())
    const page = (await browser.get(`/cohorts/${cohort._id}/pairs`)).text
    expect(page).to.contain('No pairs are published now').and.contain('Ended pairs').and.contain('Ada has moved trust').and.contain(`href="/pairs/${pair._id}"`).and.not.contain(path)
    const csv = parse((await browser.get(`/cohorts/${cohort._id}/exports/pairs.csv`)).text, { bom: true, columns: true }) as Record<string, string>[]
    expect(csv.map(r => [r['Doctor'], r['Manager'], r['Score'], r['Ended (ISO 8601)'], r['Why it ended']])).to.deep.equal([['Ada Doctor', 'Nia North', '50', '2026-11-23T09:00:00+00:00', 'Ada has moved trust']])

    const doctor = browserFor(t.app)
    await doctor.submit('/sign-in', { email: ada.email, password: TEST_PASSWORD })
    expect((await doctor.get(path)).status).to.equal(403)
  })
})
