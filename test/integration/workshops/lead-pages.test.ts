// The lead's workshop pages: series and sessions, editing (updates to
// everyone's calendar; a lower capacity asks who moves), cancelling,
// duplicating, the waitlist in order, attendance; and who may use them.
import { expect } from 'chai'
import type { Types } from 'mongoose'
import { OutboxMessage } from '../../../models/outbox-message'
import { Workshop } from '../../../models/workshop'
import { WorkshopPlace } from '../../../models/workshop-place'
import { WorkshopRegistration } from '../../../models/workshop-registration'
import { WorkshopSeries } from '../../../models/workshop-series'
import { insertCohort } from '../../support/cohorts'
import { buildTestApp, type TestApp } from '../../support/test-app'
import { signedIn } from '../../support/users'
import { insertCrowd, insertSeries, insertWorkshop } from '../../support/workshops'
import { readWithIcalJs } from '../../unit/calendar/read-ics'

const HOUR = 3_600_000
// A session the form can type: Monday 7 December 2026, 9:30am to 12:30pm (GMT).
const sessionFields = {
  title: 'Value and waste',
  moduleNumber: '1',
  description: 'Seeing the work from the patient’s side.',
  'date-day': '7',
  'date-month': '12',
  'date-year': '2026',
  startTime: '09:30',
  endTime: '12:30',
  where: 'in-person',
  room: 'Education centre, room 2',
  site: 'Guy’s Hospital',
  onlineLink: '',
  capacity: '20',
  facilitators: 'Grace Evans\nTariq Khan',
}

describe('workshops: the lead’s pages', () => {
  let t: TestApp
  let cohortId: Types.ObjectId
  let lead: Awaited<ReturnType<typeof signedIn>>['browser']

  beforeEach(async () => {
    t = await buildTestApp()
    cohortId = (await insertCohort({ status: 'running' }))._id
    lead = (await signedIn(t, ['lead'])).browser
  })

  const registrations = () => t.services.workshopRegistrations
  const calendarsTo = async (email: string) =>
    (await OutboxMessage.find({ to: email, icalEvent: { $exists: true } }).sort({ createdAt: 1, _id: 1 }).lean()).map(row => ({ subject: row.subject, ...readWithIcalJs(row.icalEvent!.content!) }))

  async function registered(capacity: number, people: number) {
    const workshop = await insertWorkshop(cohortId, { capacity })
    const crowd = await insertCrowd(cohortId, people)
    for (const person of crowd) await registrations().register(workshop._id, person._id)
    return { workshop, crowd, path: `/workshops/${String(workshop._id)}` }
  }

  it('creates a series from the cohort page, then a session, refusing what is missing or wrong', async () => {
    const overview = await lead.get(`/cohorts/${String(cohortId)}`)
    expect(overview.text).to.contain(`href="/cohorts/${String(cohortId)}/workshops"`)
    const list = `/cohorts/${String(cohortId)}/workshops`
    expect((await lead.get(list)).text).to.contain('There are no workshop series for this cohort yet')

    const missing = await lead.submit(`${list}/new`, { title: '', description: '' })
    expect(missing.status).to.equal(400)
    expect(missing.text).to.contain('Enter a title for the series').and.contain('Select whether pairs should attend together').and.contain('href="#title"')
    const created = await lead.submit(`${list}/new`, { title: 'Lean for Leaders', description: 'Six modules.', pairsTogether: 'yes' })
    expect(created.status).to.equal(303)
    const series = await WorkshopSeries.findOne({ cohortId }).lean()
    expect(series).to.include({ title: 'Lean for Leaders', pairsTogether: true })
    expect(created.headers.location).to.equal(`/workshop-series/${String(series!._id)}`)
    expect((await lead.get(list)).text).to.contain('Lean for Leaders').and.contain('0 sessions')

    const add = `/workshop-series/${String(series!._id)}/sessions/new`
    const wrong = await lead.submit(add, { ...sessionFields, startTime: '13:00', endTime: '12:30', capacity: '501', where: 'online', onlineLink: 'http://meet.example.com/x', moduleNumber: 'one' })
    expect(wrong.status).to.equal(400)
    expect(wrong.text)
      .to.contain('The end time must be after the start time')
      .and.contain('The number of places must be a whole number from 1 to 500')
      .and.contain('Enter the link to join online as a web address starting https://')
      .and.contain('The module number must be a whole number from 1 to 99')
    const past = await lead.submit(add, { ...sessionFields, 'date-day': '1', 'date-month': '11' })
    expect(past.text).to.contain('The date and start time must be in the future')
    const noRoom = await lead.submit(add, { ...sessionFields, room: '', site: '' })
    expect(noRoom.text).to.contain('Enter the room').and.contain('Enter the site')

    const added = await lead.submit(add, sessionFields)
    expect(added.status).to.equal(303)
    const workshop = await Workshop.findOne({ seriesId: series!._id }).lean()
    expect(workshop).to.include({ title: 'Value and waste', moduleNumber: 1, capacity: 20, room: 'Education centre, room 2', site: 'Guy’s Hospital' })
    expect(+workshop!.start).to.equal(+new Date('2026-12-07T09:30:00Z'))
    expect(workshop!.facilitators).to.deep.equal(['Grace Evans', 'Tariq Khan'])
    const page = await lead.get(added.headers.location!)
    expect(page.text).to.contain('Lean for Leaders, module 1: Value and waste').and.contain('Monday 7 December 2026, 9:30am to 12:30pm').and.contain('0 of 20 places taken').and.contain('Grace Evans, Tariq Khan')
    expect((await lead.get(`/workshop-series/${String(series!._id)}`)).text).to.contain('Module 1: Value and waste')
  })

  it('shows who holds a place and the waitlist in order', async () => {
    const { crowd, path } = await registered(2, 5)
    const page = await lead.get(`${path}/manage`)
    expect(page.text).to.contain('2 of 2 places taken, 3 on the waitlist')
    const waitlist = page.text.slice(page.text.indexOf('The waitlist, first in line'))
    const positions = crowd.slice(2).map(p => waitlist.indexOf(p.name))
    expect(positions.every(p => p > 0)).to.equal(true)
    expect(positions).to.deep.equal([...positions].sort((a, b) => a - b))
  })

  it('sends everyone with a place an update when the time changes, with the same UID and SEQUENCE + 1', async () => {
    const { workshop, crowd, path } = await registered(2, 3)
    const changed = await lead.submit(`${path}/edit`, { ...sessionFields, capacity: '2', startTime: '13:30', endTime: '16:30' })
    expect(changed.status).to.equal(303)
    expect((await lead.get(`${path}/manage`)).text).to.contain('everyone with a place has been sent the update')
    for (const person of crowd.slice(0, 2)) {
      const [invite, update] = await calendarsTo(person.email)
      expect(update!.subject).to.equal('Updated: Lean for Leaders, module 1: Value and waste')
      expect(update!.method).to.equal('REQUEST')
      expect(update!.events[0]!.uid).to.equal(invite!.events[0]!.uid).and.equal(`workshop-${String(workshop._id)}-${String(person._id)}@tandem`)
      expect(update!.events[0]!.sequence).to.equal(invite!.events[0]!.sequence + 1)
      expect(+update!.events[0]!.start).to.equal(+new Date('2026-12-07T13:30:00Z'))
    }
    expect(await calendarsTo(crowd[2]!.email), 'nothing in the waitlisted person’s calendar').to.have.length(0)
    // Saving without a change of time or place sends nothing more.
    await lead.submit(`${path}/edit`, { ...sessionFields, capacity: '2', startTime: '13:30', endTime: '16:30', description: 'New words' })
    expect(await calendarsTo(crowd[0]!.email)).to.have.length(2)
  })

  it('asks who moves to the waitlist when the capacity goes below the places held, and moves nobody until told', async () => {
    const { workshop, crowd, path } = await registered(4, 6)
    const lowered = await lead.submit(`${path}/edit`, { ...sessionFields, capacity: '2' })
    expect(lowered.status).to.equal(400)
    expect(lowered.text).to.contain('4 people hold a place: 2 more than 2').and.contain(crowd[0]!.name).and.contain(crowd[3]!.name)
    expect(await WorkshopRegistration.countDocuments({ workshopId: workshop._id, status: 'confirmed' })).to.equal(4)
    expect((await Workshop.findById(workshop._id).lean())!.capacity).to.equal(4)

    const holders = await WorkshopRegistration.find({ workshopId: workshop._id, status: 'confirmed' }).sort({ arrival: 1 }).lean()
    const one = await lead.submit(`${path}/edit`, { ...sessionFields, capacity: '2', capacityAsked: 'yes', capacityChoice: 'move', moveToWaitlist: [String(holders[3]!._id)] })
    expect(one.status).to.equal(400)
    expect(one.text).to.contain('Choose 2 people to move to the waitlist, or keep 4 places')

    const moved = await lead.submit(`${path}/edit`, { ...sessionFields, capacity: '2', capacityAsked: 'yes', capacityChoice: 'move', moveToWaitlist: [String(holders[0]!._id), String(holders[2]!._id)] })
    expect(moved.status).to.equal(303)
    expect((await Workshop.findById(workshop._id).lean())!.capacity).to.equal(2)
    const confirmed = await WorkshopRegistration.find({ workshopId: workshop._id, status: 'confirmed' }).lean()
    expect(confirmed.map(r => String(r._id)).sort()).to.deep.equal([String(holders[1]!._id), String(holders[3]!._id)].sort())
    // Everyone left holds a place within the new capacity.
    const places = await WorkshopPlace.find({ workshopId: workshop._id }).lean()
    expect(places.map(p => p.number).sort()).to.deep.equal([1, 2])
    expect(confirmed.map(r => r.placeNumber).sort()).to.deep.equal([1, 2])
    const [, cancel] = await calendarsTo(crowd[0]!.email)
    expect(cancel!.method).to.equal('CANCEL')
    expect(cancel!.subject).to.match(/^Cancelled: /)
    // The moved people wait at the front, in their original order.
    const waiting = await WorkshopRegistration.find({ workshopId: workshop._id, status: 'waitlisted' }).sort({ arrival: 1 }).lean()
    expect(waiting.map(r => String(r.userId))).to.deep.equal([crowd[0], crowd[2], crowd[4], crowd[5]].map(p => String(p!._id)))
  })

  it('keeps as many places as are held when the lead chooses, and promotes from the waitlist when places are added', async () => {
    const { workshop, path } = await registered(3, 5)
    const kept = await lead.submit(`${path}/edit`, { ...sessionFields, capacity: '1', capacityAsked: 'yes', capacityChoice: 'keep' })
    expect(kept.status).to.equal(303)
    expect((await Workshop.findById(workshop._id).lean())!.capacity).to.equal(3)
    const raised = await lead.submit(`${path}/edit`, { ...sessionFields, capacity: '4' })
    expect(raised.status).to.equal(303)
    expect(await WorkshopRegistration.countDocuments({ workshopId: workshop._id, status: 'confirmed' })).to.equal(4)
    expect(await WorkshopRegistration.countDocuments({ workshopId: workshop._id, status: 'waitlisted' })).to.equal(1)
  })

  it('cancels a session: a CANCEL to everyone with a place, a note to the waitlist', async () => {
    const { workshop, crowd, path } = await registered(1, 2)
    const noReason = await lead.submit(`${path}/cancel`, { reason: '' })
    expect(noReason.status).to.equal(400)
    expect(noReason.text).to.contain('Enter a reason for cancelling the workshop')
    const cancelled = await lead.submit(`${path}/cancel`, { reason: 'The trainer is ill' })
    expect(cancelled.status).to.equal(303)
    expect((await Workshop.findById(workshop._id).lean())).to.include({ status: 'cancelled', cancelReason: 'The trainer is ill' })
    const [invite, cancel] = await calendarsTo(crowd[0]!.email)
    expect(cancel!.method).to.equal('CANCEL')
    expect(cancel!.events[0]).to.include({ uid: invite!.events[0]!.uid, sequence: invite!.events[0]!.sequence + 1, status: 'CANCELLED' })
    const note = await OutboxMessage.findOne({ to: crowd[1]!.email, dedupeKey: /^workshop-cancelled:/ }).lean()
    expect(note!.text).to.contain('The trainer is ill')
    expect((await lead.get(`${path}/manage`)).text).to.contain('Cancelled').and.not.contain(`href="${path}/edit"`)
    expect((await lead.get(`${path}/edit`)).status).to.equal(409)
  })

  it('duplicates a session without its registrations', async () => {
    const { workshop, path } = await registered(2, 3)
    const copied = await lead.submit(`${path}/manage`, {}, `${path}/duplicate`)
    expect(copied.status).to.equal(303)
    const copy = await Workshop.findOne({ _id: { $ne: workshop._id } }).lean()
    expect(copied.headers.location).to.equal(`/workshops/${String(copy!._id)}/edit`)
    expect(copy).to.include({ title: workshop.title, capacity: 2, sequence: 0, status: 'scheduled' })
    expect(await WorkshopRegistration.countDocuments({ workshopId: copy!._id })).to.equal(0)
    expect((await lead.get(copied.headers.location!)).text).to.contain('Copy made, with nobody registered')
  })

  it('marks attendance once the session has started', async () => {
    const { workshop, crowd, path } = await registered(3, 3)
    expect((await lead.get(`${path}/attendance`)).status).to.equal(409)
    t.clock.set(new Date(+workshop.end + HOUR))
    const form = await lead.get(`${path}/attendance`)
    expect(form.status).to.equal(200)
    const rows = await WorkshopRegistration.find({ workshopId: workshop._id }).sort({ arrival: 1 }).lean()
    const none = await lead.submit(`${path}/attendance`, {})
    expect(none.status).to.equal(400)
    const saved = await lead.submit(`${path}/attendance`, { [`attendance-${String(rows[0]!._id)}`]: 'attended', [`attendance-${String(rows[1]!._id)}`]: 'apologies', [`attendance-${String(rows[2]!._id)}`]: 'absent' })
    expect(saved.status).to.equal(303)
    expect((await WorkshopRegistration.find({ workshopId: workshop._id }).sort({ arrival: 1 }).lean()).map(r => r.attendance)).to.deep.equal(['attended', 'apologies', 'absent'])
    const page = await lead.get(`${path}/manage`)
    expect(page.text).to.contain('Sent apologies').and.contain(crowd[0]!.name)
  })

  it('is for leads only; unknown ids are not found', async () => {
    const series = await insertSeries(cohortId)
    const workshop = await insertWorkshop(cohortId, { seriesId: series._id })
    const { browser } = await signedIn(t, ['doctor'])
    for (const path of [`/cohorts/${String(cohortId)}/workshops`, `/workshop-series/${String(series._id)}`, `/workshops/${String(workshop._id)}/manage`, `/workshops/${String(workshop._id)}/edit`]) {
      expect((await browser.get(path)).status, path).to.equal(403)
    }
    expect((await lead.get('/workshops/6650a1b2c3d4e5f6a7b8c9d0/manage')).status).to.equal(404)
    expect((await lead.get('/workshop-series/not-an-id')).status).to.equal(404)
    expect((await lead.get('/cohorts/6650a1b2c3d4e5f6a7b8c9d0/workshops')).status).to.equal(404)
  })
})
