import { expect } from 'chai'
import { Types } from 'mongoose'
import { Cohort } from '../../../models/cohort'
import { CompactAgreement } from '../../../models/compact-agreement'
import { Enrolment } from '../../../models/enrolment'
import { OutboxMessage } from '../../../models/outbox-message'
import { Pair } from '../../../models/pair'
import { Priority } from '../../../models/priority'
import { QiProject } from '../../../models/qi-project'
import { User } from '../../../models/user'
import { WorkshopRegistration } from '../../../models/workshop-registration'
import { insertMember } from '../../support/cohorts'
import { asCurrentUser, insertPublishedPair } from '../../support/shadowing'
import { buildTestApp, type TestApp } from '../../support/test-app'
import { insertCrowd, insertWorkshop } from '../../support/workshops'
import { insertUser, signedIn, signInAs } from '../../support/users'

const DAY = 86_400_000
const keys = async (prefix: string) => (await OutboxMessage.find({ dedupeKey: new RegExp(`^nudge:${prefix}:`) }).lean()).map(m => m.to).sort()

// The fixed clock starts on Monday 23 November 2026, 09:00 London time.
describe('nudges', () => {
  let t: TestApp
  let fixture: Awaited<ReturnType<typeof insertPublishedPair>>
  const run = () => t.services.nudges.sendDue()

  beforeEach(async () => {
    t = await buildTestApp()
    fixture = await insertPublishedPair()
    // A cohort from 1 October 2026 to 31 March 2027: halfway is 15 January 2027.
    await Cohort.updateOne({ _id: fixture.cohortId }, { $set: { status: 'running', reflectionDay: 20, startDate: new Date('2026-10-01T00:00:00Z'), endDate: new Date('2027-03-31T00:00:00Z') } })
  })

  it('asks about an incomplete profile 7 days after someone was added, once', async () => {
    const late = await insertMember(fixture.cohortId, 'doctor', { name: 'Lou Late' })
    const fresh = await insertMember(fixture.cohortId, 'doctor', { name: 'Fay Fresh' })
    await Enrolment.collection.updateOne({ userId: late._id }, { $set: { createdAt: new Date(+t.clock.now() - 8 * DAY) } })
    await Enrolment.collection.updateOne({ userId: fresh._id }, { $set: { createdAt: new Date(+t.clock.now() - 2 * DAY) } })
    await run()
    await run()
    expect(await keys('profile-incomplete')).to.deep.equal([late.email])
    const [mail] = await OutboxMessage.find({ to: late.email }).lean()
    expect(mail!.subject).to.equal('Please complete your Tandem profile for Surgery and Medicine, spring 2027')
    expect(mail!.text).to.contain('Hello Lou Late').and.contain('http://tandem.test/profile')
  })

  it('asks a pair to book shadowing 3 weeks after pairing, and about each direction not done halfway through, once each, even with two processes', async () => {
    await Pair.updateOne({ _id: fixture.pair._id }, { $set: { publishedAt: new Date(+t.clock.now() - 20 * DAY) } })
    await run()
    expect(await keys('no-shadowing-booked')).to.deep.equal([])
    t.clock.advance(2 * DAY)
    const other = await buildTestApp()
    other.clock.set(t.clock.now())
    await Promise.all([run(), other.services.nudges.sendDue(), run()])
    expect(await keys('no-shadowing-booked')).to.deep.equal([fixture.doctor.email, fixture.manager.email].sort())
    const doctorsMail = (await OutboxMessage.findOne({ to: fixture.doctor.email, dedupeKey: /no-shadowing/ }).lean())!
    expect(doctorsMail.subject).to.equal('Time to book your first shadowing with Mina Shah')

    // Halfway through: one direction booked, the other not.
    const booked = await t.services.shadowing.propose(asCurrentUser(fixture.doctor), String(fixture.pair._id), {
      direction: 'doctor-shadows-manager', activity: 'Bed meeting', location: '', start: new Date('2027-01-18T10:00:00Z'), durationMinutes: 60, confirmed: true,
    })
    t.clock.set(new Date('2027-01-15T09:00:00Z'))
    await t.services.shadowing.respond(asCurrentUser(fixture.manager), booked.ok ? booked.sessionId : '', 'accept')
    await run()
    const missing = await OutboxMessage.find({ dedupeKey: /^nudge:direction-missing:/ }).lean()
    expect(missing.map(m => m.dedupeKey.split(':')[3])).to.deep.equal(['manager-shadows-doctor', 'manager-shadows-doctor'])
    expect(missing.find(m => m.to === fixture.manager.email)!.subject).to.equal('Halfway through Surgery and Medicine, spring 2027: you shadow Dara Okafor')
  })

  it('asks partners who agreed a compact to reflect on the reflection day and again a week later if they have not', async () => {
    await run()
    expect(await keys('reflection-due')).to.deep.equal([]) // nothing agreed yet
    await CompactAgreement.insertMany([fixture.doctor, fixture.manager].map(u => ({ pairId: fixture.pair._id, version: 1, userId: u._id })))
    await t.services.compact.forPair(asCurrentUser(fixture.doctor), String(fixture.pair._id))
    await run()
    expect(await keys('reflection-due')).to.deep.equal([fixture.doctor.email, fixture.manager.email].sort())
    await t.services.compactReflections.submit(asCurrentUser(fixture.doctor), String(fixture.pair._id), { ratings: [5, 5, 5, 5, 5], comment: '', concern: '' })
    t.clock.set(new Date('2026-11-28T09:00:00Z'))
    await run()
    await run()
    expect(await keys('reflection-overdue')).to.deep.equal([fixture.manager.email])
    expect(await keys('reflection-due')).to.have.length(2)
  })

  it('asks about a project with nothing new for 4 weeks, again after each new quiet spell', async () => {
    const priority = await Priority.create({ title: 'Flow' })
    const project = await QiProject.create({
      cohortId: fixture.cohortId, pairId: fixture.pair._id, doctorId: fixture.doctor._id, managerId: fixture.manager._id, title: 'Discharge before noon', priorityId: priority._id, createdBy: fixture.doctor._id,
      lastActivityAt: new Date(+t.clock.now() - 27 * DAY),
    })
    await run()
    expect(await keys('project-stale')).to.deep.equal([])
    t.clock.advance(2 * DAY)
    await run()
    expect(await keys('project-stale')).to.have.length(2)
    await QiProject.updateOne({ _id: project._id }, { $set: { lastActivityAt: t.clock.now() } })
    t.clock.advance(29 * DAY)
    await run()
    expect(await keys('project-stale')).to.have.length(4)
    expect((await OutboxMessage.findOne({ dedupeKey: /project-stale/ }).lean())!.text).to.contain('“Discharge before noon”')
  })

  it('sends each lead a weekly digest with concerns, quiet pairs and the coming week’s workshops, unless they opted out', async () => {
    const lead = await insertUser({ roles: ['lead'], name: 'Lena Lead' })
    // Thursday 26 November at 9:30am London: full, with a waitlist. The 7 December session is beyond the week.
    const soon = await insertWorkshop(fixture.cohortId, { title: 'Flow', moduleNumber: 2, capacity: 2, start: new Date('2026-11-26T09:30:00Z'), end: new Date('2026-11-26T12:30:00Z') })
    await insertWorkshop(fixture.cohortId, { title: 'Standard work', moduleNumber: 3 })
    const crowd = await insertCrowd(fixture.cohortId, 3)
    await WorkshopRegistration.insertMany(crowd.map((u, i) => ({ workshopId: soon._id, cohortId: fixture.cohortId, userId: u._id, status: i < 2 ? 'confirmed' : 'waitlisted', arrival: new Types.ObjectId(), uid: `digest-${i}@tandem` })))
    const quietLead = await insertUser({ roles: ['lead'] })
    await User.updateOne({ _id: quietLead._id }, { $set: { digestOptOut: true } })
    await Pair.updateOne({ _id: fixture.pair._id }, { $set: { publishedAt: new Date(+t.clock.now() - 40 * DAY) } })
    await run()
    await run()
    const digests = await OutboxMessage.find({ dedupeKey: /^nudge:lead-digest:/ }).lean()
    expect(digests.map(d => d.to)).to.deep.equal([lead.email])
    expect(digests[0]!.text).to.contain('No new concerns this week').and.contain('Dara Okafor and Mina Shah')
    expect(digests[0]!.text).to.contain('Workshops in the coming week (1):\n- Thursday 26 November 2026 at 9:30am: Module 2, Flow, 2 of 2 places taken, 1 on the waitlist')
    // Next Monday, another one.
    t.clock.advance(7 * DAY)
    await run()
    expect(await OutboxMessage.countDocuments({ dedupeKey: /^nudge:lead-digest:/ })).to.equal(2)
  })

  it('lets the lead reword a nudge with its placeholders or switch it off, and refuses unknown placeholders', async () => {
    const { browser } = await signedIn(t, ['lead'])
    const page = `/cohorts/${fixture.cohortId}/nudges/no-shadowing-booked`
    expect((await browser.get(`/cohorts/${fixture.cohortId}/nudges`)).text).to.contain('No shadowing booked').and.contain('On, Tandem’s wording')
    const bad = await browser.submit(page, { enabled: 'yes', subject: 'Book with {partner} by {deadline}', body: '' })
    expect(bad.status).to.equal(400)
    expect(bad.text).to.contain('uses {deadline}, which this nudge cannot fill in').and.contain('Enter the message').and.contain('Book with {partner} by {deadline}')
    expect((await browser.submit(page, { enabled: 'yes', subject: '{name}, book with {partner}', body: 'Go to {link}' })).status).to.equal(303)
    await Pair.updateOne({ _id: fixture.pair._id }, { $set: { publishedAt: new Date(+t.clock.now() - 22 * DAY) } })
    await run()
    const mail = (await OutboxMessage.findOne({ to: fixture.doctor.email, dedupeKey: /no-shadowing/ }).lean())!
    expect([mail.subject, mail.text]).to.deep.equal(['Dara Okafor, book with Mina Shah', `Go to http://tandem.test/pairs/${fixture.pair._id}`])

    // Switched off: nobody else gets it.
    expect((await browser.submit(page, { subject: 'x', body: 'y' })).status).to.equal(303)
    const other = await insertPublishedPair({ doctor: 'Ola Doctor', manager: 'Max Manager' }, fixture.cohortId)
    await Pair.updateOne({ _id: other.pair._id }, { $set: { publishedAt: new Date(+t.clock.now() - 22 * DAY) } })
    await run()
    expect(await OutboxMessage.countDocuments({ to: other.doctor.email, dedupeKey: /no-shadowing/ })).to.equal(0)
    // Doctors cannot change nudges.
    const doctor = await signInAs(t, fixture.doctor)
    expect((await doctor.get(page)).status).to.equal(403)
  })

  it('lets anyone switch the digest off from their email preferences', async () => {
    const { browser, user } = await signedIn(t, ['lead'])
    expect((await browser.get('/profile/emails')).text).to.contain('Send me the weekly digest')
    expect((await browser.submit('/profile/emails', {})).status).to.equal(303)
    expect((await User.findById(user._id).lean())?.digestOptOut).to.equal(true)
    expect((await browser.submit('/profile/emails', { digest: 'yes' })).status).to.equal(303)
    expect((await User.findById(user._id).lean())?.digestOptOut).to.equal(false)
  })
})
