import { expect } from 'chai'
import { OutboxMessage } from '../../../models/outbox-message'
import { ShadowingSession } from '../../../models/shadowing-session'
import { TimeClaim } from '../../../models/time-claim'
import { asCurrentUser, insertPublishedPair } from '../../support/shadowing'
import { buildTestApp } from '../../support/test-app'
import { signedIn } from '../../support/users'

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
