import { expect } from 'chai'
import { Types } from 'mongoose'
import supertest from 'supertest'
import { OutboxMessage } from '../../../models/outbox-message'
import { SessionReflection } from '../../../models/session-reflection'
import { ShadowingSession } from '../../../models/shadowing-session'
import { asCurrentUser, insertPublishedPair } from '../../support/shadowing'
import { browserFor, buildTestApp, csrfFrom, type TestApp } from '../../support/test-app'
import { signedIn, signInAs } from '../../support/users'

// START_TIME is Monday 23 November 2026, 09:00 London (GMT).
const THURSDAY_10AM = new Date('2026-11-26T10:00:00Z')
const HOUR = 3_600_000

describe('a shadowing session (routes)', () => {
  let t: TestApp
  let fixture: Awaited<ReturnType<typeof insertPublishedPair>>

  beforeEach(async () => {
    t = await buildTestApp()
    fixture = await insertPublishedPair()
  })

  /** Dara (doctor) proposes that she shadows Mina (manager) on Thursday at 10am for 2 hours. */
  async function propose(start = THURSDAY_10AM) {
    const result = await t.services.shadowing.propose(asCurrentUser(fixture.doctor), String(fixture.pair._id), {
      direction: 'doctor-shadows-manager',
      activity: 'Directorate board',
      location: 'Board room',
      start,
      durationMinutes: 120,
      confirmed: false,
    })
    if (!result.ok) throw new Error(result.messages.join('; '))
    const email = await OutboxMessage.findOne({ to: fixture.manager.email }).sort({ createdAt: -1 }).lean()
    return { id: result.sessionId, path: `/shadowing/${result.sessionId}`, link: /\/shadowing\/respond\/[A-Za-z0-9_-]{43}/.exec(email!.text)![0] }
  }

  async function confirmed() {
    const proposal = await propose()
    await t.services.shadowing.respond(asCurrentUser(fixture.manager), proposal.id, 'accept')
    return proposal
  }

  const statusOf = async (id: string) => (await ShadowingSession.findById(id).lean())!.status

  describe('the link in the proposal email', () => {
    it('shows the proposal without signing in and changes nothing; accepting confirms it and sends both invitations once', async () => {
      const { id, link } = await propose()
      const visitor = browserFor(t.app)
      const page = await visitor.get(link)
      expect(page.status).to.equal(200)
      expect(page.text).to.contain('Dara Okafor has proposed a shadowing session').and.contain('Directorate board').and.contain('Thursday 26 November 2026, 10am to midday').and.contain('Board room')
      await visitor.get(link)
      expect(await statusOf(id), 'looking is not answering').to.equal('proposed')

      const accepted = await visitor.submit(link, { answer: 'accept' })
      expect(accepted.status).to.equal(303)
      expect(accepted.headers.location).to.equal('/shadowing/respond/done')
      expect((await visitor.get('/shadowing/respond/done')).text).to.contain('Accepted').and.contain('You and Dara Okafor will both get a calendar invitation')
      expect(await statusOf(id)).to.equal('confirmed')
      const invites = await OutboxMessage.find({ 'icalEvent.method': 'REQUEST' }).lean()
      expect(invites.map(m => m.to).sort()).to.deep.equal([fixture.doctor.email, fixture.manager.email].sort())

      const used = await visitor.get(link)
      expect(used.status).to.equal(404)
      expect(used.text).to.contain('This link no longer works').and.contain('already been used').and.contain('href="/sign-in"')
      const again = await supertest(t.app).post(link).type('form').send({ answer: 'decline' })
      expect(again.status, 'no CSRF token, no answer').to.equal(403)
      expect(await statusOf(id)).to.equal('confirmed')
    })

    it('declines with a reason, which the proposer is told', async () => {
      const { id, link } = await propose()
      const visitor = browserFor(t.app)
      const tooLong = await visitor.submit(link, { answer: 'decline', reason: 'x'.repeat(501) })
      expect(tooLong.status).to.equal(400)
      expect(tooLong.text).to.contain('500 characters or fewer')
      const declined = await visitor.submit(link, { answer: 'decline', reason: 'On nights that week' })
      expect(declined.status).to.equal(303)
      expect((await visitor.get('/shadowing/respond/done')).text).to.contain('We have told Dara Okafor')
      const session = await ShadowingSession.findById(id).lean()
      expect(session).to.include({ status: 'declined', reason: 'On nights that week' })
      const told = await OutboxMessage.findOne({ to: fixture.doctor.email }).lean()
      expect(told!.text).to.contain('On nights that week')
    })
  })

  describe('signed in', () => {
    it('lets the partner who was asked accept from the pair page, then either partner download it', async () => {
      const { id, path } = await propose()
      const manager = await signInAs(t, fixture.manager)
      const pairPath = `/pairs/${String(fixture.pair._id)}`
      const pairPage = await manager.get(pairPath)
      expect(pairPage.text).to.contain('Waiting for an answer').and.contain(`action="${path}/respond"`)
      const doctorsView = await (await signInAs(t, fixture.doctor)).get(pairPath)
      expect(doctorsView.text).to.contain('Waiting for Mina Shah to accept or decline').and.not.contain(`action="${path}/respond"`)

      const accepted = await manager.submit(pairPath, { answer: 'accept', from: 'pair' }, `${path}/respond`)
      expect(accepted.status).to.equal(303)
      expect(accepted.headers.location).to.equal(pairPath)
      const after = await manager.get(pairPath)
      expect(after.text).to.contain('Session confirmed: you and Dara Okafor will both get a calendar invitation').and.contain('Coming up')
      expect(await statusOf(id)).to.equal('confirmed')

      const ics = await manager.get(`${path}/calendar.ics`)
      expect(ics.status).to.equal(200)
      expect(ics.headers['content-type']).to.match(/^text\/calendar/)
      expect(ics.text).to.contain('METHOD:PUBLISH').and.contain('BEGIN:VEVENT')
    })

    it('shows each partner their pair, what waits for their answer and what is coming up on the home page; the lead reaches the pair from the cohort', async () => {
      const proposal = await propose()
      const pairPath = `/pairs/${String(fixture.pair._id)}`
      const manager = await signInAs(t, fixture.manager)
      const home = await manager.get('/')
      expect(home.text).to.contain(`href="${pairPath}"`).and.contain('Waiting for your answer').and.contain(`href="${proposal.path}"`)
      await t.services.shadowing.respond(asCurrentUser(fixture.manager), proposal.id, 'accept')
      const doctorHome = await (await signInAs(t, fixture.doctor)).get('/')
      expect(doctorHome.text).to.contain('Coming up').and.contain('Directorate board, Thursday 26 November 2026, 10am to midday').and.not.contain('Waiting for your answer')
      const { browser: lead } = await signedIn(t, ['lead'])
      expect((await lead.get(`/cohorts/${String(fixture.cohortId)}/pairs`)).text).to.contain(`href="${pairPath}"`)
    })

    it('declines in the app with a reason, and lets the proposer withdraw a proposal', async () => {
      const first = await propose()
      const manager = await signInAs(t, fixture.manager)
      const declined = await manager.submit(first.path, { answer: 'decline', reason: 'Board is cancelled' }, `${first.path}/respond`)
      expect(declined.status).to.equal(303)
      expect((await ShadowingSession.findById(first.id).lean())).to.include({ status: 'declined', reason: 'Board is cancelled' })
      expect((await manager.get(first.path)).text).to.contain('Declined by you').and.contain('Board is cancelled')

      const second = await propose(new Date(+THURSDAY_10AM + 24 * HOUR))
      const doctor = await signInAs(t, fixture.doctor)
      expect((await doctor.get(second.path)).text).to.contain('Withdraw this proposal')
      const notMine = await manager.submit(second.path, {}, `${second.path}/withdraw`)
      expect(notMine.status).to.equal(403)
      const withdrawn = await doctor.submit(second.path, {}, `${second.path}/withdraw`)
      expect(withdrawn.status).to.equal(303)
      expect(await statusOf(second.id)).to.equal('cancelled')
      expect((await doctor.get(second.path)).text).to.contain('Withdrawn')
    })

    it('moves a confirmed session with a reason (an update, SEQUENCE 1), then cancels it (CANCEL)', async () => {
      const { id, path } = await confirmed()
      const doctor = await signInAs(t, fixture.doctor)
      const form = await doctor.get(`${path}/reschedule`)
      expect(form.text).to.contain('value="10:00"').and.contain('value="26"')
      const move = { 'date-day': '3', 'date-month': '12', 'date-year': '2026', clock: '14:00', duration: '120', location: 'Board room' }

      const noReason = await doctor.submit(`${path}/reschedule`, move)
      expect(noReason.status).to.equal(400)
      expect(noReason.text).to.contain('Enter a reason for moving the session').and.contain('value="14:00"')
      const offQuarter = await doctor.submit(`${path}/reschedule`, { ...move, clock: '14:20', reason: 'Clinic overran' })
      expect(offQuarter.text).to.contain('on the hour or at 15, 30 or 45 minutes past')
      const past = await doctor.submit(`${path}/reschedule`, { ...move, 'date-day': '20', 'date-month': '11', reason: 'Clinic overran' })
      expect(past.status).to.equal(400)
      expect(past.text).to.contain('The time must be in the future')

      const moved = await doctor.submit(`${path}/reschedule`, { ...move, reason: 'Clinic overran' })
      expect(moved.status, moved.text).to.equal(303)
      expect((await doctor.get(path)).text).to.contain('Session moved to Thursday 3 December 2026, 2pm to 4pm').and.contain('Moved by you').and.contain('Clinic overran')
      const updates = await OutboxMessage.find({ subject: /^Updated:/ }).lean()
      expect(updates).to.have.length(2)
      for (const update of updates) expect(update.icalEvent!.content).to.contain('SEQUENCE:1').and.contain('METHOD:REQUEST')

      const manager = await signInAs(t, fixture.manager)
      const cancelPage = await manager.get(`${path}/cancel`)
      expect(cancelPage.text).to.contain('Cancel this session?').and.contain('Thursday 3 December 2026, 2pm to 4pm')
      const unexplained = await manager.submit(`${path}/cancel`, { reason: '' })
      expect(unexplained.status).to.equal(400)
      expect(unexplained.text).to.contain('Enter a reason for cancelling')
      const cancelled = await manager.submit(`${path}/cancel`, { reason: 'Winter pressures' })
      expect(cancelled.status).to.equal(303)
      expect(await statusOf(id)).to.equal('cancelled')
      const cancels = await OutboxMessage.find({ 'icalEvent.method': 'CANCEL' }).lean()
      expect(cancels.map(m => m.to).sort()).to.deep.equal([fixture.doctor.email, fixture.manager.email].sort())
      expect((await manager.get(path)).text).to.contain('Session cancelled: Dara Okafor has been sent the cancellation')
      expect((await manager.get(`${path}/cancel`)).status, 'a cancelled session cannot be cancelled again').to.equal(409)
    })

    it('refuses to move a session over another confirmed one, and asks for a tick for a time outside availability', async () => {
      const { path } = await confirmed()
      const other = await t.services.shadowing.propose(asCurrentUser(fixture.manager), String(fixture.pair._id), { direction: 'manager-shadows-doctor', activity: 'Ward round', location: 'Ward 7', start: new Date('2026-12-03T10:00:00Z'), durationMinutes: 120, confirmed: false })
      if (!other.ok) throw new Error(other.messages.join())
      await t.services.shadowing.respond(asCurrentUser(fixture.doctor), other.sessionId, 'accept')
      const doctor = await signInAs(t, fixture.doctor)
      const over = await doctor.submit(`${path}/reschedule`, { 'date-day': '3', 'date-month': '12', 'date-year': '2026', clock: '11:00', duration: '60', location: 'Board room', reason: 'Clash' })
      expect(over.status).to.equal(400)
      expect(over.text).to.contain('There is a problem').and.contain('overlaps another session')

      const saturday = { 'date-day': '5', 'date-month': '12', 'date-year': '2026', clock: '10:00', duration: '60', location: 'Board room', reason: 'Quieter at the weekend' }
      const warned = await doctor.submit(`${path}/reschedule`, saturday)
      expect(warned.status).to.equal(400)
      expect(warned.text).to.contain('outside the half-days').and.contain('want to move the session to this time anyway').and.contain('Quieter at the weekend')
      const moved = await doctor.submit(`${path}/reschedule`, { ...saturday, confirmAsked: 'yes', confirmed: 'yes' })
      expect(moved.status).to.equal(303)
      expect((await ShadowingSession.findById(path.split('/').at(-1)).lean())!.start.toISOString()).to.equal('2026-12-05T10:00:00.000Z')
    })

    it('asks the host whether it happened once it has started, and takes a reflection from each partner', async () => {
      const { id, path } = await confirmed()
      const doctor = await signInAs(t, fixture.doctor)
      const manager = await signInAs(t, fixture.manager)
      const before = await manager.get(path)
      expect(before.text).to.not.contain('Did this session happen?').and.not.contain('Save reflection')
      expect((await doctor.submit(path, { learned: 'Too early' }, `${path}/reflection`)).status).to.equal(409)

      t.clock.set(new Date(+THURSDAY_10AM + 3 * HOUR))
      expect((await doctor.get(path)).text, 'only the host says').to.not.contain('Did this session happen?')
      expect((await manager.get(path)).text).to.contain('Did this session happen?')
      expect((await doctor.submit(path, { happened: 'yes' }, `${path}/outcome`)).status).to.equal(403)
      const unanswered = await manager.submit(path, {}, `${path}/outcome`)
      expect(unanswered.status).to.equal(400)
      expect(unanswered.text).to.contain('Select whether the session happened')
      expect((await manager.submit(path, { happened: 'yes' }, `${path}/outcome`)).status).to.equal(303)
      expect(await statusOf(id)).to.equal('completed')

      const empty = await doctor.submit(path, { learned: '', surprised: '', idea: '' }, `${path}/reflection`)
      expect(empty.status).to.equal(400)
      expect(empty.text).to.contain('Write at least one of what you learned')
      const long = await doctor.submit(path, { learned: 'x'.repeat(2001), idea: 'Keep this' }, `${path}/reflection`)
      expect(long.text).to.contain('What I learned must be 2000 characters or fewer').and.contain('Keep this')
      const saved = await doctor.submit(path, { learned: 'How beds are found', idea: 'A discharge checklist' }, `${path}/reflection`)
      expect(saved.status).to.equal(303)
      expect(saved.headers.location).to.equal(`${path}#reflections`)
      expect(await SessionReflection.countDocuments({ sessionId: id })).to.equal(1)
      const managerView = await manager.get(path)
      expect(managerView.text).to.contain('Dara Okafor’s reflection').and.contain('A discharge checklist').and.contain('Write your reflection')
      const pairPage = await manager.get(`/pairs/${String(fixture.pair._id)}`)
      expect(pairPage.text).to.contain('Happened').and.contain('Written by Dara Okafor').and.contain('1 of 2')
    })
  })

  describe('access', () => {
    it('shows another pair’s doctor nothing: 404 on the pair page, the session page and every action', async () => {
      const { path, id } = await propose()
      const other = await insertPublishedPair({ doctor: 'Olu Other', manager: 'Pat Other' }, fixture.cohortId)
      const stranger = await signInAs(t, other.doctor)
      const ownPage = await stranger.get(`/pairs/${String(other.pair._id)}`)
      expect(ownPage.status).to.equal(200)
      const token = csrfFrom(ownPage.text)
      expect((await stranger.get(`/pairs/${String(fixture.pair._id)}`)).status).to.equal(404)
      expect((await stranger.get(`/pairs/${String(fixture.pair._id)}/book`)).status).to.equal(404)
      for (const page of [path, `${path}/reschedule`, `${path}/cancel`, `${path}/calendar.ics`]) {
        expect((await stranger.get(page)).status, page).to.equal(404)
      }
      const posts: [string, Record<string, string>][] = [
        [`${path}/respond`, { answer: 'accept' }],
        [`${path}/withdraw`, {}],
        [`${path}/outcome`, { happened: 'yes' }],
        [`${path}/reflection`, { learned: 'Something' }],
        [`${path}/reschedule`, { 'date-day': '3', 'date-month': '12', 'date-year': '2026', clock: '10:00', duration: '60', location: 'X', reason: 'Y' }],
        [`${path}/cancel`, { reason: 'Y' }],
        [`/pairs/${String(fixture.pair._id)}/book`, { direction: 'doctor-shadows-manager' }],
        [`/pairs/${String(fixture.pair._id)}/book/check?direction=doctor-shadows-manager&activity=A&duration=60&location=B&start=2026-12-01T10%3A00%3A00.000Z`, {}],
      ]
      for (const [action, fields] of posts) {
        const response = await stranger.agent.post(action).type('form').send({ _csrf: token, ...fields })
        expect(response.status, action).to.equal(404)
      }
      expect(await statusOf(id)).to.equal('proposed')
      expect(await ShadowingSession.countDocuments()).to.equal(1)
    })

    it('answers unknown and malformed ids with 404', async () => {
      const doctor = await signInAs(t, fixture.doctor)
      for (const page of [`/pairs/${String(new Types.ObjectId())}`, '/pairs/nope', `/shadowing/${String(new Types.ObjectId())}`, '/shadowing/nope', '/shadowing/respond/not-a-token']) {
        expect((await doctor.get(page)).status, page).to.equal(404)
      }
    })

    it('lets a lead see the pair and its sessions but not book or act', async () => {
      const { path } = await propose()
      const { browser: lead } = await signedIn(t, ['lead'])
      const pairPage = await lead.get(`/pairs/${String(fixture.pair._id)}`)
      expect(pairPage.status).to.equal(200)
      expect(pairPage.text).to.contain('Dara Okafor and Mina Shah').and.not.contain('Book shadowing').and.not.contain(`action="${path}/respond"`)
      expect((await lead.get(`/pairs/${String(fixture.pair._id)}/book`)).status).to.equal(403)
      const sessionPage = await lead.get(path)
      expect(sessionPage.status).to.equal(200)
      expect(sessionPage.text).to.contain('Directorate board').and.not.contain('<form method="post"')
      const response = await lead.agent.post(`${path}/respond`).type('form').send({ _csrf: csrfFrom(pairPage.text), answer: 'accept' })
      expect(response.status).to.equal(403)
    })

    it('sends a stranger to sign in, and refuses a form without its CSRF token', async () => {
      const { path } = await propose()
      const anonymous = await supertest(t.app).get(`/pairs/${String(fixture.pair._id)}`)
      expect(anonymous.status).to.equal(303)
      expect(anonymous.headers.location).to.equal('/sign-in')
      const manager = await signInAs(t, fixture.manager)
      const forged = await manager.agent.post(`${path}/respond`).type('form').send({ answer: 'accept' })
      expect(forged.status).to.equal(403)
      expect(await statusOf(path.split('/').at(-1)!)).to.equal('proposed')
    })
  })
})
