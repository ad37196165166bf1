// The participants' workshop pages and what runs behind them: registering,
// the waitlist, giving up a place, asking a partner, late offers in the app
// and by link, the personal calendar feed, reminders and the catch-up job.
import { expect } from 'chai'
import type { Types } from 'mongoose'
import supertest from 'supertest'
import { OutboxMessage } from '../../../models/outbox-message'
import { WorkshopPlace } from '../../../models/workshop-place'
import { WorkshopRegistration } from '../../../models/workshop-registration'
import { insertCohort, insertMember } from '../../support/cohorts'
import { insertPublishedPair } from '../../support/shadowing'
import { browserFor, buildTestApp, type TestApp } from '../../support/test-app'
import { linkIn, signedIn, signInAs } from '../../support/users'
import { insertCrowd, insertSeries, insertWorkshop, WORKSHOP_START } from '../../support/workshops'
import { readWithIcalJs } from '../../unit/calendar/read-ics'

const HOUR = 3_600_000
const MINUTE = 60_000

describe('workshops: the participants’ pages', () => {
  let t: TestApp
  let cohortId: Types.ObjectId

  beforeEach(async () => {
    t = await buildTestApp()
    cohortId = (await insertCohort({ status: 'running' }))._id
  })

  const registrations = () => t.services.workshopRegistrations
  const statusOf = async (workshopId: Types.ObjectId, userId: Types.ObjectId) => (await WorkshopRegistration.findOne({ workshopId, userId }).lean())?.status
  const calendarsTo = async (email: string) =>
    (await OutboxMessage.find({ to: email, icalEvent: { $exists: true } }).sort({ createdAt: 1, _id: 1 }).lean()).map(row => ({ subject: row.subject, text: row.text, ...readWithIcalJs(row.icalEvent!.content!) }))

  it('lets a member register from the list, shows the place and the waitlist, and promotes the next when a place is given up', async () => {
    const workshop = await insertWorkshop(cohortId, { capacity: 1 })
    const path = `/workshops/${String(workshop._id)}`
    const dara = await insertMember(cohortId, 'doctor', { name: 'Dara Okafor' })
    const mina = await insertMember(cohortId, 'manager', { name: 'Mina Shah' })
    const doctor = await signInAs(t, dara)
    const manager = await signInAs(t, mina)

    expect((await doctor.get('/')).text).to.contain('href="/workshops"')
    const list = await doctor.get('/workshops')
    expect(list.text).to.contain('Lean for Leaders').and.contain(`href="${path}"`).and.contain('Module 1: Value and waste').and.contain('1 place left')
    const page = await doctor.get(path)
    expect(page.text).to.contain('Lean for Leaders, module 1: Value and waste').and.contain('Monday 7 December 2026, 9:30am to 12:30pm').and.contain('Register')

    const registered = await doctor.submit(path, {}, `${path}/register`)
    expect(registered.status).to.equal(303)
    expect((await doctor.get(path)).text).to.contain('Your place is confirmed: the calendar invitation is on its way').and.contain('Cancel your place')
    expect((await calendarsTo(dara.email))[0]!.method).to.equal('REQUEST')
    const again = await doctor.submit(path, {}, `${path}/register`)
    expect(again.status).to.equal(303)
    expect((await doctor.get(path)).text).to.contain('You are already registered for this workshop')

    const full = await manager.get(path)
    expect(full.text).to.contain('Join the waitlist')
    await manager.submit(path, {}, `${path}/register`)
    expect((await manager.get(path)).text).to.contain('you are on the waitlist').and.contain('You are number 1 on the waitlist').and.contain('Leave the waitlist')
    expect((await manager.get('/workshops')).text).to.contain('On the waitlist')

    expect((await doctor.get(`${path}/cancel-place`)).text).to.contain('Cancel your place?')
    const cancelled = await doctor.submit(`${path}/cancel-place`, {})
    expect(cancelled.status).to.equal(303)
    expect(await statusOf(workshop._id, dara._id)).to.equal('cancelled')
    expect((await calendarsTo(dara.email))[1]!.method).to.equal('CANCEL')
    expect(await statusOf(workshop._id, mina._id)).to.equal('confirmed')
    const [invite] = await calendarsTo(mina.email)
    expect(invite!.text).to.contain('A place came up and it is yours')
    expect((await manager.get(path)).text).to.contain('Place confirmed')
  })

  it('hides a cohort’s workshops from people outside it, and sends a lead who does not take part to the lead’s page', async () => {
    const workshop = await insertWorkshop(cohortId)
    const path = `/workshops/${String(workshop._id)}`
    const otherCohort = (await insertCohort({ name: 'Another cohort' }))._id
    const outsider = await signInAs(t, await insertMember(otherCohort, 'doctor'))
    expect((await outsider.get(path)).status).to.equal(404)
    expect((await outsider.get('/workshops')).text).to.not.contain(path)
    const refused = await outsider.submit('/workshops', {}, `${path}/register`)
    expect(refused.status).to.equal(404)
    expect(await WorkshopRegistration.countDocuments()).to.equal(0)
    expect((await outsider.get('/workshops/6650a1b2c3d4e5f6a7b8c9d0')).status).to.equal(404)

    const stranger = await supertest(t.app).get(path)
    expect(stranger.status).to.equal(303)
    expect(stranger.headers.location).to.equal('/sign-in')

    const { browser: lead } = await signedIn(t, ['lead'])
    const asLead = await lead.get(path)
    expect(asLead.status).to.equal(303)
    expect(asLead.headers.location).to.equal(`${path}/manage`)
  })

  it('offers to ask a partner in a series for pairs; the partner is prompted but registered only when they register', async () => {
    const { doctor, manager } = await insertPublishedPair({}, cohortId)
    const series = await insertSeries(cohortId, { pairsTogether: true })
    const workshop = await insertWorkshop(cohortId, { seriesId: series._id, capacity: 10 })
    const path = `/workshops/${String(workshop._id)}`
    const dara = await signInAs(t, doctor)
    expect((await dara.get(path)).text).to.contain('Ask Mina Shah to register too')

    const registered = await dara.submit(path, { askPartner: 'yes' }, `${path}/register`)
    expect(registered.status).to.equal(303)
    expect((await dara.get(path)).text).to.contain('We have asked Mina Shah to register too').and.contain('Your place is confirmed')
    expect(await statusOf(workshop._id, manager._id), 'never registered on her behalf').to.equal(undefined)
    const prompt = await OutboxMessage.findOne({ to: manager.email, dedupeKey: /^workshop-partner:/ }).lean()
    expect(prompt!.subject).to.equal('Dara Okafor asks you to come to Lean for Leaders, module 1: Value and waste')
    expect(linkIn(prompt!.text, 'http://tandem.test/workshops/')).to.equal(`http://tandem.test${path}`)

    const mina = await signInAs(t, manager)
    expect((await mina.get('/workshops')).text).to.contain('Dara Okafor asked you to come too')
    const page = await mina.get(path)
    expect(page.text).to.contain('Dara Okafor registered and asked you to come too').and.contain('Your partner Dara Okafor: place confirmed.')
    await mina.submit(path, {}, `${path}/register`)
    expect(await statusOf(workshop._id, manager._id)).to.equal('confirmed')
    expect((await mina.get(path)).text).to.not.contain('asked you to come too')

    // A series not for pairs does not offer it.
    const solo = await insertWorkshop(cohortId, { capacity: 10 })
    expect((await dara.get(`/workshops/${String(solo._id)}`)).text).to.not.contain('register too')
  })

  describe('late offers', () => {
    const start = new Date('2026-11-24T09:30:00Z')

    async function offered() {
      const workshop = await insertWorkshop(cohortId, { capacity: 1, start, end: new Date(+start + 3 * HOUR) })
      const first = await insertMember(cohortId, 'doctor')
      const second = await insertMember(cohortId, 'manager')
      await registrations().register(workshop._id, first._id)
      await registrations().register(workshop._id, second._id)
      t.clock.set(new Date(+start - 5 * HOUR))
      await registrations().cancelRegistration(workshop._id, first._id)
      expect(await statusOf(workshop._id, second._id)).to.equal('offered')
      const email = await OutboxMessage.findOne({ to: second.email, dedupeKey: /^workshop-offer:/ }).lean()
      return { workshop, second, path: `/workshops/${String(workshop._id)}`, link: linkIn(email!.text, 'http://tandem.test/workshops/offer/').replace('http://tandem.test', '') }
    }

    it('are accepted in the app', async () => {
      const { workshop, second, path } = await offered()
      const browser = await signInAs(t, second)
      const page = await browser.get(path)
      expect(page.text).to.contain('A place has come up for you').and.contain('Confirm by Tuesday 24 November 2026 at 6:30am')
      const taken = await browser.submit(path, { answer: 'accept' }, `${path}/offer`)
      expect(taken.status).to.equal(303)
      expect(await statusOf(workshop._id, second._id)).to.equal('confirmed')
      expect((await calendarsTo(second.email))[0]!.method).to.equal('REQUEST')
    })

    it('are answered by the link without signing in, once', async () => {
      const { workshop, second, link } = await offered()
      const visitor = browserFor(t.app)
      const page = await visitor.get(link)
      expect(page.status).to.equal(200)
      expect(page.text).to.contain('A place has come up for you').and.contain('Take the place')
      expect(await statusOf(workshop._id, second._id), 'looking is not answering').to.equal('offered')
      const taken = await visitor.submit(link, { answer: 'accept' })
      expect(taken.status).to.equal(303)
      expect(taken.headers.location).to.equal('/workshops/offer/done')
      expect((await visitor.get('/workshops/offer/done')).text).to.contain('The place is yours')
      expect(await statusOf(workshop._id, second._id)).to.equal('confirmed')
      const used = await visitor.get(link)
      expect(used.status).to.equal(404)
      expect(used.text).to.contain('This link no longer works')
    })

    it('pass on when the link is used to let the place go', async () => {
      const { workshop, second, link } = await offered()
      const visitor = browserFor(t.app)
      await visitor.submit(link, { answer: 'decline' })
      expect(await statusOf(workshop._id, second._id)).to.equal('cancelled')
      expect(await WorkshopPlace.countDocuments({ workshopId: workshop._id })).to.equal(0)
    })
  })

  it('puts a confirmed place in the person’s calendar feed with their own UID and SEQUENCE, and takes it out when given up', async () => {
    const workshop = await insertWorkshop(cohortId)
    const dara = await insertMember(cohortId, 'doctor')
    await registrations().register(workshop._id, dara._id)
    const { token } = await t.services.calendarFeeds.create(dara._id)
    const feed = await supertest(t.app).get(`/calendar/${token}.ics`)
    expect(feed.status).to.equal(200)
    const calendar = readWithIcalJs(feed.text)
    expect(calendar.method).to.equal('PUBLISH')
    expect(calendar.events).to.have.length(1)
    expect(calendar.events[0]).to.include({ uid: `workshop-${String(workshop._id)}-${String(dara._id)}@tandem`, sequence: 0, summary: 'Lean for Leaders, module 1: Value and waste' })
    expect(calendar.events[0]!.attendees).to.have.length(0)
    expect(+calendar.events[0]!.start).to.equal(+WORKSHOP_START)

    await registrations().cancelRegistration(workshop._id, dara._id)
    // A feed's text is kept for a minute (decision 009).
    t.clock.advance(60_000)
    expect(readWithIcalJs((await supertest(t.app).get(`/calendar/${token}.ics`)).text).events).to.have.length(0)
  })

  describe('the periodic job', () => {
    it('reminds each person with a place a day before, once however many processes run it, but not someone who just registered', async () => {
      const workshop = await insertWorkshop(cohortId, { capacity: 5 })
      const crowd = await insertCrowd(cohortId, 3)
      await registrations().register(workshop._id, crowd[0]!._id)
      await registrations().register(workshop._id, crowd[1]!._id)
      t.clock.set(new Date(+WORKSHOP_START - 25 * HOUR))
      expect(await t.services.workshopJobs.sendReminders(), 'not yet').to.equal(0)
      t.clock.set(new Date(+WORKSHOP_START - 20 * HOUR))
      await registrations().register(workshop._id, crowd[2]!._id)
      const counts = await Promise.all([t.services.workshopJobs.sendReminders(), t.services.workshopJobs.sendReminders()])
      expect(counts[0]! + counts[1]!).to.equal(2)
      const reminders = await OutboxMessage.find({ dedupeKey: /^workshop-reminder:/ }).lean()
      expect(reminders.map(r => r.to).sort()).to.deep.equal([crowd[0]!.email, crowd[1]!.email].sort())
      expect(reminders[0]!.subject).to.equal('Reminder: Lean for Leaders, module 1: Value and waste')
      expect(reminders[0]!.icalEvent?.content ?? undefined).to.equal(undefined)
    })

    it('sends an invitation that was never written, once the change is two minutes old', async () => {
      const workshop = await insertWorkshop(cohortId)
      const [ada] = await insertCrowd(cohortId, 1)
      await registrations().register(workshop._id, ada!._id)
      await OutboxMessage.deleteMany({})
      expect(await t.services.workshopJobs.catchUpCalendars(), 'too soon').to.equal(0)
      t.clock.advance(3 * MINUTE)
      expect(await t.services.workshopJobs.catchUpCalendars()).to.equal(1)
      expect(await t.services.workshopJobs.catchUpCalendars()).to.equal(0)
      const [invite] = await calendarsTo(ada!.email)
      expect(invite!.method).to.equal('REQUEST')
      expect(invite!.events[0]!.uid).to.equal(`workshop-${String(workshop._id)}-${String(ada!._id)}@tandem`)
    })

    it('gives back a place nobody holds and fills it from the waitlist', async () => {
      const workshop = await insertWorkshop(cohortId, { capacity: 1 })
      const [ada, ben] = await insertCrowd(cohortId, 2)
      await registrations().register(workshop._id, ada!._id)
      await registrations().register(workshop._id, ben!._id)
      // A place left behind by a change that stopped half way.
      await WorkshopRegistration.updateOne({ workshopId: workshop._id, userId: ada!._id }, { $set: { status: 'cancelled', placeNumber: null } })
      expect(await t.services.workshopJobs.sweepAbandonedPlaces(), 'too soon').to.equal(0)
      t.clock.advance(3 * MINUTE)
      expect(await t.services.workshopJobs.sweepAbandonedPlaces()).to.equal(1)
      expect(await statusOf(workshop._id, ben!._id)).to.equal('confirmed')
    })
  })
})
