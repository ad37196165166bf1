// Registering, giving up a place, promotion from the waitlist with its
// invitation, and late offers that are confirmed, declined or expire, with a
// fixed clock; each person's calendar emails parsed with ical.js.
import { expect } from 'chai'
import type { Types } from 'mongoose'
import { Claim } from '../../../models/claim'
import { OutboxMessage } from '../../../models/outbox-message'
import { WorkshopPlace } from '../../../models/workshop-place'
import { WorkshopRegistration } from '../../../models/workshop-registration'
import { REVISION_LEASE_MS } from '../../../server/db/claims'
import { ConflictError, NotFoundError } from '../../../server/errors'
import { insertCohort } from '../../support/cohorts'
import { buildTestApp, type TestApp } from '../../support/test-app'
import { insertCrowd, insertWorkshop, WORKSHOP_END, WORKSHOP_START } from '../../support/workshops'
import { readWithIcalJs, rawProperty } from '../../unit/calendar/read-ics'

const HOUR = 3_600_000

describe('workshop registrations (service, real database)', () => {
  let t: TestApp
  let cohortId: Types.ObjectId

  beforeEach(async () => {
    t = await buildTestApp()
    cohortId = (await insertCohort({ status: 'running' }))._id
  })

  const registrations = () => t.services.workshopRegistrations
  const registrationOf = (workshopId: Types.ObjectId, userId: Types.ObjectId) => WorkshopRegistration.findOne({ workshopId, userId }).lean()
  /** The calendar emails to one person, oldest first, read back. */
  async function calendarMail(email: string) {
    const rows = await OutboxMessage.find({ to: email, icalEvent: { $exists: true } }).sort({ createdAt: 1, _id: 1 }).lean()
    return rows.map(row => ({ row, calendar: readWithIcalJs(row.icalEvent!.content!), text: row.icalEvent!.content! }))
  }
  const tokenIn = (text: string) => /\/workshops\/offer\/([A-Za-z0-9_-]{43})/.exec(text)![1]!

  it('invites a confirmed person to their own event, cancels it when they give up the place, and invites again with a higher SEQUENCE', async () => {
    const workshop = await insertWorkshop(cohortId, { capacity: 1 })
    const [ada, ben] = await insertCrowd(cohortId, 2)
    expect((await registrations().register(workshop._id, ada!._id)).status).to.equal('confirmed')
    expect((await registrations().register(workshop._id, ben!._id)).status).to.equal('waitlisted')

    const [invite] = await calendarMail(ada!.email)
    const uid = `workshop-${String(workshop._id)}-${String(ada!._id)}@tandem`
    expect(invite!.row.subject).to.equal('Lean for Leaders, module 1: Value and waste')
    expect(invite!.row.icalEvent!.method).to.equal('REQUEST')
    expect(invite!.calendar.method).to.equal('REQUEST')
    const event = invite!.calendar.events[0]!
    expect(event).to.include({ uid, sequence: 0, summary: 'Lean for Leaders, module 1: Value and waste', location: 'Education centre, room 2, Guy’s Hospital', status: 'CONFIRMED' })
    expect(+event.start).to.equal(+WORKSHOP_START)
    expect(+event.end).to.equal(+WORKSHOP_END)
    expect(event.attendees.map(a => [a.email, a.params.RSVP, a.params.PARTSTAT])).to.deep.equal([[ada!.email, 'TRUE', 'NEEDS-ACTION']])
    expect(event.organizer?.email).to.equal('tandem@localhost')
    expect(event.alarms.map(a => a.triggerSeconds)).to.deep.equal([-86400])
    expect(rawProperty(invite!.text, 'DTSTART', 'VEVENT')).to.equal(';TZID=Europe/London:20261207T093000')
    expect(event.description).to.contain('Run by: Grace Evans').and.contain(`http://tandem.test/workshops/${String(workshop._id)}`)
    expect((await OutboxMessage.findOne({ to: ben!.email }).lean())!.subject).to.equal('On the waitlist: Lean for Leaders, module 1: Value and waste')

    await registrations().cancelRegistration(workshop._id, ada!._id)
    const [, cancel] = await calendarMail(ada!.email)
    expect(cancel!.row.subject).to.equal('Cancelled: Lean for Leaders, module 1: Value and waste')
    expect(cancel!.calendar.method).to.equal('CANCEL')
    expect(cancel!.calendar.events[0]).to.include({ uid, sequence: 1, status: 'CANCELLED' })
    expect(+cancel!.calendar.events[0]!.start, 'the original times').to.equal(+WORKSHOP_START)
    // Ben had the place at once, with his own event.
    const [bens] = await calendarMail(ben!.email)
    expect(bens!.calendar.events[0]).to.include({ uid: `workshop-${String(workshop._id)}-${String(ben!._id)}@tandem`, sequence: 0 })
    expect(bens!.row.text).to.contain('A place came up and it is yours')

    // Ada registers again: the workshop is full, so the back of the waitlist; when Ben leaves, she is invited at SEQUENCE 2.
    expect((await registrations().register(workshop._id, ada!._id)).status).to.equal('waitlisted')
    await registrations().cancelRegistration(workshop._id, ben!._id)
    expect((await registrationOf(workshop._id, ada!._id))?.status).to.equal('confirmed')
    const again = (await calendarMail(ada!.email))[2]!
    expect(again.calendar.method).to.equal('REQUEST')
    expect(again.calendar.events[0]).to.include({ uid, sequence: 2 })
    expect(await WorkshopRegistration.countDocuments({ workshopId: workshop._id, userId: ada!._id }), 'still one registration').to.equal(1)
  })

  it('registering again while registered changes nothing; leaving the waitlist sends no cancellation', async () => {
    const workshop = await insertWorkshop(cohortId, { capacity: 1 })
    const [ada, ben] = await insertCrowd(cohortId, 2)
    await registrations().register(workshop._id, ada!._id)
    const again = await registrations().register(workshop._id, ada!._id)
    expect(again).to.include({ status: 'confirmed', already: true })
    await registrations().register(workshop._id, ben!._id)
    await registrations().cancelRegistration(workshop._id, ben!._id)
    expect((await registrationOf(workshop._id, ben!._id))?.status).to.equal('cancelled')
    expect(await calendarMail(ben!.email)).to.have.length(0)
    expect((await registrationOf(workshop._id, ada!._id))?.status).to.equal('confirmed')
  })

  it('lets a place whose change was cut short by a crash be given up once the lease runs out, promoting the waitlist once', async () => {
    const workshop = await insertWorkshop(cohortId, { capacity: 1 })
    const [ada, ben] = await insertCrowd(cohortId, 2)
    await registrations().register(workshop._id, ada!._id)
    await registrations().register(workshop._id, ben!._id)
    const held = (await registrationOf(workshop._id, ada!._id))!
    // What a process leaves when it dies after claiming the revision and before saving.
    await Claim.create({ _id: `workshop-reg:${String(held._id)}:${held.revision}`, at: t.clock.now() })
    let early: unknown
    await registrations().cancelRegistration(workshop._id, ada!._id).catch(e => (early = e))
    expect(early).to.be.instanceOf(ConflictError)
    expect((await registrationOf(workshop._id, ada!._id))?.status).to.equal('confirmed')

    t.clock.advance(REVISION_LEASE_MS + 1000)
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => registrations().cancelRegistration(workshop._id, ada!._id)))
    expect(results.filter(r => r.status === 'rejected').map(r => String((r as PromiseRejectedResult).reason))).to.satisfy((errors: string[]) => errors.every(e => /changed/.test(e)))
    expect((await registrationOf(workshop._id, ada!._id))?.status).to.equal('cancelled')
    expect((await registrationOf(workshop._id, ben!._id))?.status).to.equal('confirmed')
    const cancellations = await OutboxMessage.countDocuments({ to: ada!.email, 'icalEvent.method': 'CANCEL' })
    expect(cancellations).to.equal(1)
  })

  it('refuses registration for a cancelled workshop or one that has started', async () => {
    const workshop = await insertWorkshop(cohortId, { start: new Date(+t.clock.now() - HOUR), end: new Date(+t.clock.now() + HOUR) })
    const [ada] = await insertCrowd(cohortId, 1)
    let error: unknown
    await registrations().register(workshop._id, ada!._id).catch(e => (error = e))
    expect(error).to.be.instanceOf(ConflictError)
    expect((error as Error).message).to.contain('registration has closed')
  })

  describe('a place that comes up less than a day before the start', () => {
    // Tomorrow at 9:30am, 24½ hours after START_TIME; the clock is then moved to 3 hours before.
    const start = new Date(+new Date('2026-11-24T09:30:00Z'))
    const end = new Date(+start + 3 * HOUR)

    async function lateWorkshop() {
      const workshop = await insertWorkshop(cohortId, { capacity: 1, start, end })
      const [ada, ben, cal] = await insertCrowd(cohortId, 3)
      for (const person of [ada, ben, cal]) await registrations().register(workshop._id, person!._id)
      t.clock.set(new Date(+start - 3 * HOUR))
      return { workshop, ada: ada!, ben: ben!, cal: cal! }
    }

    it('is offered to the head of the waitlist, to confirm within two hours (or an hour before the start); confirming by the link sends the invitation', async () => {
      const { workshop, ada, ben, cal } = await lateWorkshop()
      await registrations().cancelRegistration(workshop._id, ada._id)
      const offered = await registrationOf(workshop._id, ben._id)
      expect(offered).to.include({ status: 'offered', placeNumber: 1 })
      expect(+offered!.offerExpiresAt!).to.equal(+start - HOUR)
      expect((await registrationOf(workshop._id, cal._id))?.status).to.equal('waitlisted')
      expect(await calendarMail(ben.email), 'no invitation before confirming').to.have.length(0)
      const offer = await OutboxMessage.findOne({ to: ben.email, dedupeKey: /^workshop-offer:/ }).lean()
      expect(offer!.subject).to.equal('A place has come up: Lean for Leaders, module 1: Value and waste — confirm by Tuesday 24 November 2026, 8:30am')
      const token = tokenIn(offer!.text)

      const seen = await registrations().offerFor(token)
      expect(String(seen._id)).to.equal(String(offered!._id))
      await registrations().answerOfferByLink(token, 'accept')
      expect((await registrationOf(workshop._id, ben._id))).to.include({ status: 'confirmed', placeNumber: 1 })
      const [invite] = await calendarMail(ben.email)
      expect(invite!.calendar.method).to.equal('REQUEST')
      expect(invite!.row.text).to.contain('Thank you for confirming')
      let error: unknown
      await registrations().offerFor(token).catch(e => (error = e))
      expect(error, 'the link works until answered').to.be.instanceOf(NotFoundError)
    })

    it('passes on when not confirmed in time, once however many processes look', async () => {
      const { workshop, ada, ben, cal } = await lateWorkshop()
      await registrations().cancelRegistration(workshop._id, ada._id)
      // Offered at 6:30am: two hours later is 8:30am, which is also an hour before the start.
      t.clock.advance(2 * HOUR - 60_000)
      expect(await registrations().expireOffers(), 'not yet').to.equal(0)
      t.clock.advance(2 * 60_000)
      const counts = await Promise.all([registrations().expireOffers(), registrations().expireOffers(), registrations().expireOffers()])
      expect(counts.reduce((a, b) => a + b)).to.equal(1)
      expect(await registrationOf(workshop._id, ben._id)).to.include({ status: 'cancelled', cancelReason: 'offer-expired', placeNumber: null })
      expect(await OutboxMessage.countDocuments({ to: ben.email, dedupeKey: /^workshop-offer-expired:/ })).to.equal(1)
      // In the last hour nobody could confirm in time: the place stays free rather than being offered.
      expect((await registrationOf(workshop._id, cal._id))?.status).to.equal('waitlisted')
      expect(await WorkshopPlace.countDocuments({ workshopId: workshop._id })).to.equal(0)
    })

    it('goes to the next person when declined, with a fresh time limit', async () => {
      const { workshop, ada, ben, cal } = await lateWorkshop()
      await registrations().cancelRegistration(workshop._id, ada._id)
      const offer = await OutboxMessage.findOne({ to: ben.email, dedupeKey: /^workshop-offer:/ }).lean()
      t.clock.advance(30 * 60_000)
      await registrations().answerOfferByLink(tokenIn(offer!.text), 'decline')
      expect(await registrationOf(workshop._id, ben._id)).to.include({ status: 'cancelled', cancelReason: 'offer-declined' })
      const next = await registrationOf(workshop._id, cal._id)
      expect(next).to.include({ status: 'offered', placeNumber: 1 })
      expect(+next!.offerExpiresAt!).to.equal(+start - HOUR)
      expect(await WorkshopPlace.countDocuments({ workshopId: workshop._id })).to.equal(1)
    })

    it('expires quietly when the lead has cancelled the workshop meanwhile', async () => {
      const { workshop, ada, ben } = await lateWorkshop()
      await registrations().cancelRegistration(workshop._id, ada._id)
      await t.services.workshops.cancelWorkshop(workshop._id, 'Trainer ill')
      t.clock.advance(2 * HOUR + 60_000)
      expect(await registrations().expireOffers()).to.equal(1)
      expect(await OutboxMessage.countDocuments({ to: ben.email, dedupeKey: /^workshop-offer-expired:/ })).to.equal(0)
      expect(await OutboxMessage.countDocuments({ to: ben.email, dedupeKey: /^workshop-cancelled:/ })).to.equal(1)
    })

    it('can be accepted in the app, but not after the time limit', async () => {
      const { workshop, ada, ben } = await lateWorkshop()
      await registrations().cancelRegistration(workshop._id, ada._id)
      t.clock.advance(2 * HOUR + 60_000)
      let error: unknown
      await registrations().acceptOffer(workshop._id, ben._id).catch(e => (error = e))
      expect((error as Error).message).to.contain('The time to confirm this place has passed')
    })
  })
})
