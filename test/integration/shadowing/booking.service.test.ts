import { expect } from 'chai'
import { Claim } from '../../../models/claim'
import { Pair } from '../../../models/pair'
import { OutboxMessage } from '../../../models/outbox-message'
import { ShadowingSession } from '../../../models/shadowing-session'
import { TimeClaim } from '../../../models/time-claim'
import { REVISION_LEASE_MS } from '../../../server/db/claims'
import { ConflictError, ForbiddenError, NotFoundError } from '../../../server/errors'
import { buildTestApp, START_TIME, type TestApp } from '../../support/test-app'
import { asCurrentUser, insertPublishedPair } from '../../support/shadowing'
import { insertProfiled } from '../../support/matching'
import { insertUser } from '../../support/users'

// START_TIME is Monday 23 November 2026, 09:00 UTC (= London, GMT).
const THURSDAY_10AM = new Date('2026-11-26T10:00:00Z')
const HOUR = 3_600_000

describe('booking shadowing (service, real database)', () => {
  let testApp: TestApp
  let fixture: Awaited<ReturnType<typeof insertPublishedPair>>
  const shadowing = () => testApp.services.shadowing
  const doctor = () => asCurrentUser(fixture.doctor)
  const manager = () => asCurrentUser(fixture.manager)

  beforeEach(async () => {
    testApp = await buildTestApp()
    fixture = await insertPublishedPair()
  })

  async function propose(start = THURSDAY_10AM, durationMinutes = 120) {
    const result = await shadowing().propose(doctor(), String(fixture.pair._id), {
      direction: 'doctor-shadows-manager',
      activity: 'Directorate board',
      location: 'Board room',
      start,
      durationMinutes,
      confirmed: false,
    })
    if (!result.ok) throw new Error(result.messages.join('; '))
    return result.sessionId
  }

  const emailsTo = (email: string) => OutboxMessage.find({ to: email }).sort({ createdAt: 1 }).lean()

  it('sends the partner a proposal with a link, and on acceptance both partners an invitation', async () => {
    const id = await propose()
    const [proposal] = await emailsTo(fixture.manager.email)
    expect(proposal?.text).to.match(/http:\/\/tandem\.test\/shadowing\/respond\/[A-Za-z0-9_-]{43}/)
    expect(await OutboxMessage.countDocuments({ icalEvent: { $exists: true } })).to.equal(0)

    await shadowing().respond(manager(), id, 'accept')
    const session = await ShadowingSession.findById(id).lean()
    expect(session?.status).to.equal('confirmed')
    expect(session?.sequence).to.equal(0)
    const invites = await OutboxMessage.find({ 'icalEvent.method': 'REQUEST' }).lean()
    expect(invites.map(m => m.to).sort()).to.deep.equal([fixture.doctor.email, fixture.manager.email].sort())
    // Two hours for two people, in quarter hours.
    expect(await TimeClaim.countDocuments({ sessionId: id })).to.equal(16)
  })

  it('accepts from the email link once; the link then stops working', async () => {
    const id = await propose()
    const token = /respond\/([A-Za-z0-9_-]{43})/.exec((await emailsTo(fixture.manager.email))[0]!.text)![1]!
    const view = await shadowing().forLink(token)
    expect(view.session.activity).to.equal('Directorate board')
    await shadowing().respondByLink(token, 'accept')
    expect((await ShadowingSession.findById(id).lean())?.status).to.equal('confirmed')
    let error: unknown
    await shadowing().respondByLink(token, 'decline').catch(e => (error = e))
    expect(error).to.be.instanceOf(NotFoundError)
  })

  it('lets the email link expire when the proposed time comes', async () => {
    await propose()
    const token = /respond\/([A-Za-z0-9_-]{43})/.exec((await emailsTo(fixture.manager.email))[0]!.text)![1]!
    testApp.clock.set(THURSDAY_10AM)
    let error: unknown
    await shadowing().forLink(token).catch(e => (error = e))
    expect((error as Error).message).to.equal('The time of this proposal has passed')
  })

  it('confirms exactly one of 50 overlapping proposals accepted at the same instant', async () => {
    // 50 proposals for the same people, all overlapping: starts 10:00–10:45, two hours each.
    const base = { cohortId: fixture.cohortId, pairId: fixture.pair._id, doctorId: fixture.doctor._id, managerId: fixture.manager._id, direction: 'doctor-shadows-manager', hostId: fixture.manager._id, guestId: fixture.doctor._id, activity: 'Ward round', proposedBy: fixture.doctor._id, respondentId: fixture.manager._id }
    const sessions = await ShadowingSession.insertMany(
      Array.from({ length: 50 }, (_, i) => {
        const start = new Date(+THURSDAY_10AM + (i % 4) * 15 * 60_000)
        return { ...base, start, end: new Date(+start + 2 * HOUR), uid: `race-${i}@tandem` }
      }),
    )
    const results = await Promise.allSettled(sessions.map(s => shadowing().respond(manager(), String(s._id), 'accept')))
    expect(results.filter(r => r.status === 'fulfilled')).to.have.length(1)
    for (const r of results.filter(r => r.status === 'rejected')) expect((r as PromiseRejectedResult).reason).to.be.instanceOf(ConflictError)
    expect(await ShadowingSession.countDocuments({ status: 'confirmed' })).to.equal(1)
    // The winner's quarters only: the losers gave back whatever they had taken.
    const winner = await ShadowingSession.findOne({ status: 'confirmed' }).lean()
    expect(await TimeClaim.countDocuments()).to.equal(16)
    expect(await TimeClaim.countDocuments({ sessionId: winner!._id })).to.equal(16)
    expect(await OutboxMessage.countDocuments({ 'icalEvent.method': 'REQUEST' })).to.equal(2)
  })

  it('answers one proposal clicked 50 times at once (app and email link together) with one confirmation and one pair of invites', async () => {
    const id = await propose()
    const token = /respond\/([A-Za-z0-9_-]{43})/.exec((await emailsTo(fixture.manager.email))[0]!.text)![1]!
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => (i % 2 ? shadowing().respond(manager(), id, 'accept') : shadowing().respondByLink(token, 'accept'))),
    )
    expect(results.filter(r => r.status === 'fulfilled')).to.have.length(1)
    expect((await ShadowingSession.findById(id).lean())?.status).to.equal('confirmed')
    expect(await OutboxMessage.countDocuments({ 'icalEvent.method': 'REQUEST' })).to.equal(2)
  })

  it('lets a session whose change was cut short by a crash be changed again once the lease runs out, by exactly one of many', async () => {
    const id = await propose()
    const { revision } = (await ShadowingSession.findById(id).lean())!
    // What a process leaves when it dies after claiming the revision and before saving.
    await Claim.create({ _id: `shadowing:${id}:${revision}`, at: testApp.clock.now() })
    let early: unknown
    await shadowing().respond(manager(), id, 'accept').catch(e => (early = e))
    expect(early).to.be.instanceOf(ConflictError)
    expect((await ShadowingSession.findById(id).lean())?.status).to.equal('proposed')

    testApp.clock.advance(REVISION_LEASE_MS + 1000)
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => shadowing().respond(manager(), id, 'accept')))
    expect(results.filter(r => r.status === 'fulfilled')).to.have.length(1)
    expect((await ShadowingSession.findById(id).lean())?.status).to.equal('confirmed')
    expect(await OutboxMessage.countDocuments({ 'icalEvent.method': 'REQUEST' })).to.equal(2)
  })

  it('never confirms a second session over a confirmed one, even for a different pair of the same manager', async () => {
    const first = await propose()
    await shadowing().respond(manager(), first, 'accept')
    const ola = await insertProfiled(fixture.cohortId, 'doctor', 'Ola Doctor', {})
    const otherPair = await Pair.create({ cohortId: fixture.cohortId, doctorId: ola._id, managerId: fixture.manager._id, managerPlace: 2, publishedAt: START_TIME })
    const second = await ShadowingSession.create({
      cohortId: fixture.cohortId, pairId: otherPair._id, doctorId: ola._id, managerId: fixture.manager._id, direction: 'manager-shadows-doctor',
      hostId: ola._id, guestId: fixture.manager._id, activity: 'Clinic', start: new Date(+THURSDAY_10AM + HOUR), end: new Date(+THURSDAY_10AM + 3 * HOUR),
      proposedBy: ola._id, respondentId: fixture.manager._id, uid: 'second@tandem',
    })
    let error: unknown
    await shadowing().respond(manager(), String(second._id), 'accept').catch(e => (error = e))
    expect(error).to.be.instanceOf(ConflictError)
    expect((error as Error).message).to.contain('already has a confirmed session')
    const after = await ShadowingSession.findById(second._id).lean()
    expect(after?.status).to.equal('proposed')
    expect(after?.revision).to.equal(1) // not stuck: the manager can still decline it
    await shadowing().respond(manager(), String(second._id), 'decline', 'I am at the board then')
    expect((await ShadowingSession.findById(second._id).lean())?.status).to.equal('declined')
  })

  it('reschedules with SEQUENCE 1 and frees the old time; cancels with SEQUENCE 2 and frees the new one', async () => {
    const id = await propose()
    await shadowing().respond(manager(), id, 'accept')
    const friday = new Date('2026-11-27T13:00:00Z')
    const moved = await shadowing().reschedule(doctor(), id, { start: friday, durationMinutes: 120, location: 'Ward 5', confirmed: false, reason: 'Clinic overran' })
    expect(moved.ok).to.equal(true)
    const session = await ShadowingSession.findById(id).lean()
    expect(session?.sequence).to.equal(1)
    expect(session?.start.toISOString()).to.equal(friday.toISOString())
    const updates = await OutboxMessage.find({ subject: /^Updated:/ }).lean()
    expect(updates).to.have.length(2)
    expect(updates.every(m => m.icalEvent?.method === 'REQUEST' && String(m.icalEvent.content).includes('SEQUENCE:1'))).to.equal(true)
    const claims = await TimeClaim.find({ sessionId: id }).lean()
    expect(claims).to.have.length(16)
    expect(claims.some(c => c._id.includes('2026-11-26'))).to.equal(false)

    await shadowing().cancel(manager(), id, 'Bed crisis', 'confirmed')
    const cancelled = await ShadowingSession.findById(id).lean()
    expect(cancelled?.status).to.equal('cancelled')
    expect(cancelled?.sequence).to.equal(2)
    const cancels = await OutboxMessage.find({ 'icalEvent.method': 'CANCEL' }).lean()
    expect(cancels).to.have.length(2)
    expect(cancels.every(m => String(m.icalEvent?.content).includes('SEQUENCE:2') && String(m.icalEvent?.content).includes(cancelled!.uid))).to.equal(true)
    expect(await TimeClaim.countDocuments()).to.equal(0)
  })

  it('asks for a confirming tick for a time outside availability, and refuses a time in the past or over a booking', async () => {
    const saturday = new Date('2026-11-28T10:00:00Z')
    const input = { direction: 'doctor-shadows-manager' as const, activity: 'Weekend site walk', location: '', start: saturday, durationMinutes: 60, confirmed: false }
    const unticked = await shadowing().propose(doctor(), String(fixture.pair._id), input)
    expect(unticked.ok).to.equal(false)
    expect(unticked.ok ? [] : unticked.messages).to.deep.equal([
      'The time is outside the half-days Mina Shah is usually free',
      'The time is outside the half-days Dara Okafor is usually free',
    ])
    const ticked = await shadowing().propose(doctor(), String(fixture.pair._id), { ...input, confirmed: true })
    expect(ticked.ok).to.equal(true)
    const flagged = await ShadowingSession.findById(ticked.ok ? ticked.sessionId : '').lean()
    expect(flagged?.flags).to.deep.equal(['outside-host-availability', 'outside-guest-availability'])

    const past = await shadowing().propose(doctor(), String(fixture.pair._id), { ...input, start: new Date(+START_TIME - HOUR), confirmed: true })
    expect(past.ok ? null : past).to.deep.include({ needsConfirmation: false })
    const over = await shadowing().propose(doctor(), String(fixture.pair._id), { ...input, confirmed: true })
    expect(over.ok ? [] : over.messages).to.include('The time overlaps another session that Mina Shah or Dara Okafor has proposed or booked')
  })

  it('lets only the partners act: a stranger finds nothing, a lead may look but not book', async () => {
    const stranger = asCurrentUser(await insertUser({ roles: ['doctor'] }))
    const lead = asCurrentUser(await insertUser({ roles: ['lead'] }))
    const id = await propose()
    for (const attempt of [() => shadowing().sessionFor(stranger, id), () => shadowing().respond(stranger, id, 'accept'), () => shadowing().pairFor(stranger, String(fixture.pair._id))]) {
      let error: unknown
      await attempt().catch(e => (error = e))
      expect(error).to.be.instanceOf(NotFoundError)
    }
    expect((await shadowing().sessionFor(lead, id)).role).to.equal('lead')
    let error: unknown
    await shadowing().cancel(lead, id, 'no', 'proposed').catch(e => (error = e))
    expect(error).to.be.instanceOf(ForbiddenError)
    // The proposer cannot accept their own proposal.
    error = undefined
    await shadowing().respond(doctor(), id, 'accept').catch(e => (error = e))
    expect(error).to.be.instanceOf(ForbiddenError)
  })

  it('counts completed sessions in each direction against the cohort target, once the host says they happened', async () => {
    const id = await propose()
    await shadowing().respond(manager(), id, 'accept')
    let error: unknown
    await shadowing().recordOutcome(manager(), id, true).catch(e => (error = e))
    expect(error).to.be.instanceOf(ConflictError) // not started yet
    testApp.clock.set(new Date(+THURSDAY_10AM + 3 * HOUR))
    error = undefined
    await shadowing().recordOutcome(doctor(), id, true).catch(e => (error = e))
    expect(error).to.be.instanceOf(ForbiddenError) // the guest is not the host
    await shadowing().recordOutcome(manager(), id, true)
    await shadowing().reflect(doctor(), id, { learned: 'How beds are allocated', surprised: '', idea: 'Discharge before noon' })
    await shadowing().reflect(doctor(), id, { learned: 'How beds are allocated at 9:30', surprised: '', idea: 'Discharge before noon' })
    const view = await shadowing().pairFor(doctor(), String(fixture.pair._id))
    const { balance } = await shadowing().forPair(view)
    expect(balance).to.deep.equal({ doctorShadowsManager: { done: 1, target: 2 }, managerShadowsDoctor: { done: 0, target: 2 } })
    const reflections = await shadowing().reflections(await shadowing().sessionFor(doctor(), id))
    expect(reflections.map(r => [r.by.name, r.learned])).to.deep.equal([['Dara Okafor', 'How beds are allocated at 9:30']])
  })

  it('offers the host’s recurring meeting first, at its London time', async () => {
    const view = await shadowing().pairFor(doctor(), String(fixture.pair._id))
    const [first, second] = await shadowing().suggestTimes(view, 'doctor-shadows-manager', 60)
    // Monday 30 November, 09:30 London = 09:30 UTC in winter; the bed meeting is 09:30–10:30.
    expect(first).to.deep.include({ kind: 'meeting', meetingName: 'Bed meeting' })
    expect(first?.start.toISOString()).to.equal('2026-11-30T09:30:00.000Z')
    expect(second?.kind).to.equal('meeting')
  })

  describe('reminders a day before', () => {
    it('go once per session, even with two app processes running the job at once', async () => {
      const id = await propose(new Date('2026-11-30T14:00:00Z'))
      await shadowing().respond(manager(), id, 'accept')
      expect(await testApp.services.sessionReminders.sendDue()).to.equal(0) // a week ahead
      testApp.clock.set(new Date('2026-11-29T15:00:00Z'))
      const other = await buildTestApp()
      other.clock.set(testApp.clock.now())
      await Promise.all([testApp.services.sessionReminders.sendDue(), other.services.sessionReminders.sendDue(), testApp.services.sessionReminders.sendDue()])
      const reminders = await OutboxMessage.find({ dedupeKey: /^shadowing-reminder:/ }).lean()
      expect(reminders.map(r => r.to).sort()).to.deep.equal([fixture.doctor.email, fixture.manager.email].sort())
    })

    it('are not sent for a session booked less than a day ahead, which has just been confirmed', async () => {
      const soon = new Date(+START_TIME + 20 * HOUR)
      const result = await shadowing().propose(doctor(), String(fixture.pair._id), { direction: 'doctor-shadows-manager', activity: 'Handover', location: '', start: soon, durationMinutes: 60, confirmed: true })
      await shadowing().respond(manager(), result.ok ? result.sessionId : '', 'accept')
      testApp.clock.set(new Date(+START_TIME + 1 * HOUR))
      expect(await testApp.services.sessionReminders.sendDue()).to.equal(0)
    })
  })
})
