import { expect } from 'chai'
import { OutboxMessage } from '../../../models/outbox-message'
import { SessionReflection } from '../../../models/session-reflection'
import { ShadowingSession } from '../../../models/shadowing-session'
import { TimeClaim } from '../../../models/time-claim'
import { asCurrentUser, insertPublishedPair } from '../../support/shadowing'
import { buildTestApp } from '../../support/test-app'
import { signedIn, signInAs } from '../../support/users'

describe('ending a pair that has shadowing booked', () => {
  it('cancels its confirmed sessions in both calendars, withdraws its proposals and frees the time', async () => {
    const t = await buildTestApp()
    const { pair, doctor, manager, cohortId } = await insertPublishedPair()
    const { browser } = await signedIn(t, ['lead'])
    const book = async (start: string) => {
      const result = await t.services.shadowing.propose(asCurrentUser(doctor), String(pair._id), {
        direction: 'doctor-shadows-manager', activity: 'Bed meeting', location: 'Site office', start: new Date(start), durationMinutes: 60, confirmed: false,
      })
      if (!result.ok) throw new Error(result.messages.join('; '))
      return result.sessionId
    }
    const confirmed = await book('2026-11-26T10:00:00Z')
    await t.services.shadowing.respond(asCurrentUser(manager), confirmed, 'accept')
    const proposed = await book('2026-11-27T10:00:00Z')

    const path = `/cohorts/${cohortId}/pairs/${pair._id}/unpublish`
    const ended = await browser.submit(path, { reason: 'Dara has moved trust', confirm: 'yes' })
    expect(ended.status).to.equal(303)
    expect((await browser.get(`/cohorts/${cohortId}/pairs`)).text).to.contain('Their 2 open shadowing sessions were cancelled.')

    const [c, p] = await Promise.all([ShadowingSession.findById(confirmed).lean(), ShadowingSession.findById(proposed).lean()])
    expect([c?.status, c?.sequence, c?.reason]).to.deep.equal(['cancelled', 1, 'Dara has moved trust'])
    expect([p?.status, p?.history.at(-1)?.action]).to.deep.equal(['cancelled', 'withdrawn'])
    const cancels = await OutboxMessage.find({ 'icalEvent.method': 'CANCEL' }).lean()
    expect(cancels.map(m => m.to)).to.have.members([doctor.email, manager.email])
    expect(await TimeClaim.countDocuments()).to.equal(0)
  })
})

describe('a pair the lead has ended, for its partners', () => {
  it('still shows them what they did together (sessions, reflections, compact), read-only, and lets nothing be booked or changed', async () => {
    const t = await buildTestApp()
    const { pair, doctor, manager, cohortId } = await insertPublishedPair()
    const { browser: lead } = await signedIn(t, ['lead'])
    const result = await t.services.shadowing.propose(asCurrentUser(doctor), String(pair._id), {
      direction: 'doctor-shadows-manager', activity: 'Bed meeting', location: 'Site office', start: new Date('2026-11-26T10:00:00Z'), durationMinutes: 60, confirmed: false,
    })
    if (!result.ok) throw new Error(result.messages.join('; '))
    const sessionId = result.sessionId
    await t.services.shadowing.respond(asCurrentUser(manager), sessionId, 'accept')
    t.clock.set(new Date('2026-11-26T12:00:00Z'))
    await t.services.shadowing.recordOutcome(asCurrentUser(manager), sessionId, true)
    await t.services.shadowing.reflect(asCurrentUser(doctor), sessionId, { learned: 'How the site team opens escalation beds.', surprised: '', idea: '' })
    await lead.submit(`/cohorts/${cohortId}/pairs/${pair._id}/unpublish`, { reason: 'Dara has moved trust', confirm: 'yes' })

    const partner = await signInAs(t, doctor)
    expect((await partner.get('/')).text).to.contain(`href="/pairs/${pair._id}"`).and.contain('ended 26 November 2026')
    const pairPage = await partner.get(`/pairs/${pair._id}`)
    expect(pairPage.status).to.equal(200)
    expect(pairPage.text).to.contain('The programme lead ended this pair on 26 November 2026. The reason they gave: Dara has moved trust')
    expect(pairPage.text).to.contain('Bed meeting').and.not.contain('Book shadowing').and.not.contain(`/pairs/${pair._id}/book`)
    const sessionPage = await partner.get(`/shadowing/${sessionId}`)
    expect(sessionPage.status).to.equal(200)
    expect(sessionPage.text).to.contain('How the site team opens escalation beds.').and.contain('can no longer be changed').and.not.contain('name="learned"')

    const compactPage = await partner.get(`/pairs/${pair._id}/compact`)
    expect(compactPage.status).to.equal(200)
    expect(compactPage.text).to.contain('The compact and its monthly scores are kept here as they were').and.not.contain('/compact/agree').and.not.contain('/compact/edit').and.not.contain('/compact/reflection')

    // Every change is refused as for a pair that is not there.
    expect((await partner.get(`/pairs/${pair._id}/book`)).status).to.equal(404)
    expect((await partner.submit(`/pairs/${pair._id}/compact`, { version: '1' }, `/pairs/${pair._id}/compact/agree`)).status).to.equal(404)
    const reflect = await partner.submit(`/shadowing/${sessionId}`, { learned: 'Changed afterwards', surprised: '', idea: '' }, `/shadowing/${sessionId}/reflection`)
    expect(reflect.status).to.equal(404)
    expect((await SessionReflection.findOne({ sessionId }).lean())?.learned).to.equal('How the site team opens escalation beds.')

    // Nobody else sees it.
    const { browser: stranger } = await signedIn(t, ['doctor'])
    expect((await stranger.get(`/pairs/${pair._id}`)).status).to.equal(404)
    expect((await stranger.get(`/shadowing/${sessionId}`)).status).to.equal(404)
  })
})
