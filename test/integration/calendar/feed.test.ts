import { expect } from 'chai'
import mongoose, { Types } from 'mongoose'
import supertest from 'supertest'
import { CalendarFeed } from '../../../models/calendar-feed'
import { ShadowingSession, type SessionStatus } from '../../../models/shadowing-session'
import { User } from '../../../models/user'
import { hashToken, newToken } from '../../../server/accounts/tokens'
import { buildTestApp, type TestApp } from '../../support/test-app'
import { insertUser, signedIn, signInAs } from '../../support/users'
import { readWithIcalJs } from '../../unit/calendar/read-ics'

// The feed's id, a dot and the secret (decision 009).
const FEED_URL = /http:\/\/tandem\.test\/calendar\/([0-9a-f]{24}\.[A-Za-z0-9_-]{43})\.ics/
const KEPT_FOR_MS = 60_000

type Person = Awaited<ReturnType<typeof insertUser>>
let made = 0

/** A session of this doctor and manager, the doctor shadowing the manager, straight into the database. */
async function insertSession(
  doctor: Person,
  manager: Person,
  fields: { status: SessionStatus; start: string; hours?: number; activity?: string },
) {
  made += 1
  const start = new Date(fields.start)
  return ShadowingSession.create({
    cohortId: new Types.ObjectId(),
    pairId: new Types.ObjectId(),
    doctorId: doctor._id,
    managerId: manager._id,
    direction: 'doctor-shadows-manager',
    hostId: manager._id,
    guestId: doctor._id,
    activity: fields.activity ?? `Session ${made}`,
    location: 'Site office',
    start,
    end: new Date(+start + (fields.hours ?? 1) * 3_600_000),
    status: fields.status,
    proposedBy: doctor._id,
    respondentId: manager._id,
    uid: `shadowing-test-${made}@tandem`,
  })
}

describe('private calendar feeds', () => {
  let t: TestApp
  beforeEach(async () => {
    t = await buildTestApp()
  })

  /** Signs in, makes a feed address on the profile page and returns the token shown. */
  async function makeFeed(user: Person) {
    const browser = await signInAs(t, user)
    const made = await browser.submit('/profile/calendar-feed', {})
    expect(made.status).to.equal(303)
    expect(made.headers.location).to.equal('/profile/calendar-feed')
    const page = await browser.get('/profile/calendar-feed')
    const token = FEED_URL.exec(page.text)?.[1]
    if (!token) throw new Error('No feed address on the page')
    return { browser, token, page }
  }

  it('answers 404 to an unknown, malformed or extension-less address, and sets no cookie for a feed path', async () => {
    const { token } = await makeFeed(await insertUser({ roles: ['doctor'] }))
    const [feedId] = token.split('.')
    const unknown = `${String(new Types.ObjectId())}.${'A'.repeat(43)}`
    const wrongSecret = `${feedId}.${'A'.repeat(43)}`
    const malformed = [`${feedId}.${'A'.repeat(42)}`, `${feedId}${'A'.repeat(43)}`, 'A'.repeat(43), 'not-a-token']
    for (const path of [unknown, wrongSecret, ...malformed].map(made => `/calendar/${made}.ics`)) {
      const response = await supertest(t.app).get(path)
      expect(response.status, path).to.equal(404)
      expect(response.headers['set-cookie'], path).to.equal(undefined)
    }
    for (const path of [`/calendar/${unknown}`, '/calendar/.ics'])
      expect((await supertest(t.app).get(path)).status, path).to.equal(404)
  })

  it('shows the new address once, in https and webcal forms, and keeps only its hash', async () => {
    const doctor = await insertUser({ roles: ['doctor'], name: 'Dara Okafor' })
    const browser = await signInAs(t, doctor)
    const before = await browser.get('/profile/calendar-feed')
    expect(before.status).to.equal(200)
    expect(before.text).to.contain('Not made yet')
    expect(before.text).to.contain('Make my feed address')

    const { token, page } = await makeFeed(doctor)
    expect(page.text).to.contain(`value="http://tandem.test/calendar/${token}.ics"`)
    expect(page.text).to.contain(`href="webcal://tandem.test/calendar/${token}.ics"`)
    expect(page.text).to.contain('Calendar feed address made')
    expect(page.text).to.contain('Made on 23 November 2026')

    const [feedId, secret] = token.split('.')
    const stored = await CalendarFeed.find().lean()
    expect(stored).to.have.length(1)
    expect(String(stored[0]!._id)).to.equal(feedId)
    expect(stored[0]!.tokenHash).to.equal(hashToken(secret!))
    expect(JSON.stringify(stored)).not.to.contain(secret)
    const sessions = await mongoose.connection.db!.collection('sessions').find().toArray()
    expect(JSON.stringify(sessions), 'not left in the session store once shown').not.to.contain(token)

    const again = await browser.get('/profile/calendar-feed')
    expect(again.text).not.to.contain(token)
    expect(again.text).to.contain('Made on 23 November 2026')
    expect(again.text).to.contain('Make a new address')
    expect(again.text).to.contain('the old address stops working')
  })

  it('lists the owner’s confirmed and completed sessions only, published, without attendees or cookies', async () => {
    const dara = await insertUser({ roles: ['doctor'], name: 'Dara Okafor' })
    const mina = await insertUser({ roles: ['manager'], name: 'Mina Shah' })
    const other = await insertUser({ roles: ['doctor'], name: 'Osei Other' })
    // Tuesday 1 December 2026, 9:30am GMT; and Monday 2 November, done.
    const upcoming = await insertSession(dara, mina, {
      status: 'confirmed',
      start: '2026-12-01T09:30:00Z',
      activity: 'Bed meeting',
    })
    const done = await insertSession(dara, mina, {
      status: 'completed',
      start: '2026-11-02T14:00:00Z',
      hours: 2,
      activity: 'Budget review',
    })
    for (const status of ['proposed', 'declined', 'cancelled', 'did-not-happen'] as const)
      await insertSession(dara, mina, { status, start: '2026-12-02T10:00:00Z' })
    await insertSession(other, mina, { status: 'confirmed', start: '2026-12-03T10:00:00Z' })

    const { token } = await makeFeed(dara)
    const response = await supertest(t.app).get(`/calendar/${token}.ics`)
    expect(response.status).to.equal(200)
    expect(response.headers['content-type']).to.equal('text/calendar; charset=utf-8')
    expect(response.headers['cache-control']).to.equal('private, max-age=300')
    expect(response.headers['set-cookie']).to.equal(undefined)
    expect(response.text).to.contain('METHOD:PUBLISH')
    expect(response.text).to.contain('X-PUBLISHED-TTL:PT1H')
    expect(response.text).not.to.match(/^ATTENDEE/m)

    const { events } = readWithIcalJs(response.text)
    expect(events.map(e => [e.uid, e.summary, e.start.toISOString(), e.end.toISOString()])).to.deep.equal([
      [
        done.uid,
        'Shadowing: Budget review — Dara Okafor shadows Mina Shah',
        '2026-11-02T14:00:00.000Z',
        '2026-11-02T16:00:00.000Z',
      ],
      [
        upcoming.uid,
        'Shadowing: Bed meeting — Dara Okafor shadows Mina Shah',
        '2026-12-01T09:30:00.000Z',
        '2026-12-01T10:30:00.000Z',
      ],
    ])
    expect(events[1]!.url).to.equal(`http://tandem.test/shadowing/${String(upcoming._id)}`)

    // The manager's own feed has the same session under the same UID.
    const minaFeed = await makeFeed(mina)
    const minaEvents = readWithIcalJs(
      (await supertest(t.app).get(`/calendar/${minaFeed.token}.ics`)).text,
    ).events
    expect(minaEvents.map(e => e.uid)).to.deep.equal([
      done.uid,
      upcoming.uid,
      `shadowing-test-${made}@tandem`,
    ])
  })

  it('answers a poll with nothing new with 304, and a change, at most a minute later, with a new ETag', async () => {
    const dara = await insertUser({ roles: ['doctor'] })
    const mina = await insertUser({ roles: ['manager'] })
    const session = await insertSession(dara, mina, { status: 'confirmed', start: '2026-12-01T09:30:00Z' })
    const { token } = await makeFeed(dara)
    const path = `/calendar/${token}.ics`

    const first = await supertest(t.app).get(path)
    const etag = first.headers.etag as string
    expect(etag).to.match(/^"[A-Za-z0-9_-]{43}"$/)
    expect((await supertest(t.app).get(path)).headers.etag, 'the same data, the same ETag').to.equal(etag)
    const unchanged = await supertest(t.app).get(path).set('If-None-Match', etag)
    expect(unchanged.status).to.equal(304)
    expect(unchanged.text).to.equal('')

    // Rescheduled: the same UID, one SEQUENCE on, a new time.
    await ShadowingSession.updateOne(
      { _id: session._id },
      {
        $set: { sequence: 1, start: new Date('2026-12-08T09:30:00Z'), end: new Date('2026-12-08T10:30:00Z') },
      },
    )
    // The feed's text is kept for a minute: a poll within it is answered from what was built.
    t.clock.advance(KEPT_FOR_MS - 1)
    expect((await supertest(t.app).get(path).set('If-None-Match', etag)).status, 'within the minute').to.equal(304)
    t.clock.advance(1)
    const changed = await supertest(t.app).get(path).set('If-None-Match', etag)
    expect(changed.status).to.equal(200)
    expect(changed.headers.etag).not.to.equal(etag)
    const [event] = readWithIcalJs(changed.text).events
    expect([event!.uid, event!.sequence, event!.start.toISOString()]).to.deep.equal([
      session.uid,
      1,
      '2026-12-08T09:30:00.000Z',
    ])
  })

  it('stops the old address working when a new one is made', async () => {
    const dara = await insertUser({ roles: ['doctor'] })
    const mina = await insertUser({ roles: ['manager'] })
    await insertSession(dara, mina, { status: 'confirmed', start: '2026-12-01T09:30:00Z' })
    const { browser, token: old } = await makeFeed(dara)
    expect((await supertest(t.app).get(`/calendar/${old}.ics`)).status).to.equal(200)

    t.clock.advance(24 * 60 * 60 * 1000)
    expect((await browser.submit('/profile/calendar-feed', {})).status).to.equal(303)
    const page = await browser.get('/profile/calendar-feed')
    const fresh = FEED_URL.exec(page.text)![1]!
    expect(fresh).not.to.equal(old)
    expect(page.text).to.contain('New calendar feed address made. The old address no longer works.')
    expect(page.text).to.contain('Made on 24 November 2026')

    expect((await supertest(t.app).get(`/calendar/${old}.ics`)).status).to.equal(404)
    const response = await supertest(t.app).get(`/calendar/${fresh}.ics`)
    expect(response.status).to.equal(200)
    expect(readWithIcalJs(response.text).events).to.have.length(1)
    expect(await CalendarFeed.countDocuments()).to.equal(1)
  })

  it('stops the old address working at once, while the feed’s text is still kept', async () => {
    const dara = await insertUser({ roles: ['doctor'] })
    const { browser, token: old } = await makeFeed(dara)
    expect((await supertest(t.app).get(`/calendar/${old}.ics`)).status).to.equal(200)

    expect((await browser.submit('/profile/calendar-feed', {})).status).to.equal(303)
    const fresh = FEED_URL.exec((await browser.get('/profile/calendar-feed')).text)![1]!
    expect(fresh.split('.')[0], 'the same feed').to.equal(old.split('.')[0])
    expect((await supertest(t.app).get(`/calendar/${old}.ics`)).status).to.equal(404)
    expect((await supertest(t.app).get(`/calendar/${fresh}.ics`)).status).to.equal(200)
  })

  it('keeps serving an address made before feed addresses named their feed, until a new one is made', async () => {
    const dara = await insertUser({ roles: ['doctor'] })
    const mina = await insertUser({ roles: ['manager'] })
    await insertSession(dara, mina, { status: 'confirmed', start: '2026-12-01T09:30:00Z' })
    const { browser } = await makeFeed(dara)
    // An address of the old form: a secret alone, its hash stored as then.
    const oldForm = newToken().token
    await CalendarFeed.updateOne({ userId: dara._id }, { $set: { tokenHash: hashToken(oldForm) } })
    const response = await supertest(t.app).get(`/calendar/${oldForm}.ics`)
    expect(response.status).to.equal(200)
    expect(readWithIcalJs(response.text).events).to.have.length(1)

    expect((await browser.submit('/profile/calendar-feed', {})).status).to.equal(303)
    expect((await supertest(t.app).get(`/calendar/${oldForm}.ics`)).status).to.equal(404)
  })

  it('stops the feed of a person no longer active at once', async () => {
    const dara = await insertUser({ roles: ['doctor'] })
    const { token } = await makeFeed(dara)
    expect((await supertest(t.app).get(`/calendar/${token}.ics`)).status).to.equal(200)
    await User.updateOne({ _id: dara._id }, { $set: { status: 'invited' } })
    expect((await supertest(t.app).get(`/calendar/${token}.ics`)).status).to.equal(404)
    await User.updateOne({ _id: dara._id }, { $set: { status: 'active' } })
    expect((await supertest(t.app).get(`/calendar/${token}.ics`)).status).to.equal(200)
  })

  it('needs signing in for the page, and the CSRF token to make an address', async () => {
    const anonymous = await supertest(t.app).get('/profile/calendar-feed')
    expect(anonymous.status).to.equal(303)
    expect(anonymous.headers.location).to.equal('/sign-in')

    const { browser } = await signedIn(t, ['doctor'])
    const forged = await browser.agent.post('/profile/calendar-feed').type('form').send('')
    expect(forged.status).to.equal(403)
    expect(await CalendarFeed.countDocuments()).to.equal(0)
  })
})
