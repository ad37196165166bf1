// The register as CSV (streamed, quoted, UTF-8 with a BOM, ISO 8601 and UK
// times) and inviting the whole cohort to a series, once per person.
import { expect } from 'chai'
import { parse } from 'csv-parse/sync'
import { Types } from 'mongoose'
import { Enrolment } from '../../../models/enrolment'
import { OutboxMessage } from '../../../models/outbox-message'
import { WorkshopRegistration } from '../../../models/workshop-registration'
import { HEADER } from '../../../server/workshops/register-csv'
import { insertCohort, insertMember } from '../../support/cohorts'
import { buildTestApp, type TestApp } from '../../support/test-app'
import { insertUser, signedIn } from '../../support/users'
import { insertCrowd, insertSeries, insertWorkshop } from '../../support/workshops'

describe('workshops: the register as CSV and inviting the cohort', () => {
  let t: TestApp
  let cohortId: Types.ObjectId
  let lead: Awaited<ReturnType<typeof signedIn>>['browser']

  beforeEach(async () => {
    t = await buildTestApp()
    cohortId = (await insertCohort({ status: 'running' }))._id
    lead = (await signedIn(t, ['lead'])).browser
  })

  const registrations = () => t.services.workshopRegistrations
  const csvOf = (body: string) => parse(body.replace(/^\uFEFF/, ''), { relax_column_count: false }) as string[][]

  it('downloads the register: places, offers, the waitlist in order and cancellations, with UK times and attendance', async () => {
    // Sunday 7 June 2026 is in British Summer Time.
    const start = new Date('2027-06-07T08:30:00Z')
    const workshop = await insertWorkshop(cohortId, { capacity: 2, start, end: new Date('2027-06-07T11:30:00Z'), title: 'Flow, pull & "takt"' })
    const tricky = await insertMember(cohortId, 'manager', { name: 'O’Brien, "Jo"' })
    const formula = await insertMember(cohortId, 'doctor', { name: '=cmd|calc' })
    const crowd = await insertCrowd(cohortId, 3)
    for (const person of [tricky, formula, ...crowd]) await registrations().register(workshop._id, person._id)
    await registrations().cancelRegistration(workshop._id, crowd[2]!._id)
    await WorkshopRegistration.updateOne({ workshopId: workshop._id, userId: tricky._id }, { $set: { attendance: 'apologies' } })

    const response = await lead.get(`/workshops/${String(workshop._id)}/register.csv`)
    expect(response.status).to.equal(200)
    expect(response.headers['content-type']).to.equal('text/csv; charset=utf-8')
    expect(response.headers['content-disposition']).to.equal('attachment; filename=register-lean-for-leaders-module-1-flow-pull-takt-2027-06-07.csv')
    expect(response.text.startsWith('\uFEFF')).to.equal(true)
    expect(response.text).to.contain('\r\n')
    const [header, ...rows] = csvOf(response.text)
    expect(header).to.deep.equal(HEADER)
    expect(rows.map(r => [r[5], r[8], r[10]])).to.deep.equal([
      ['O’Brien, "Jo"', 'Confirmed', ''],
      ["'=cmd|calc", 'Confirmed', ''],
      [crowd[0]!.name, 'Waitlisted', '1'],
      [crowd[1]!.name, 'Waitlisted', '2'],
      [crowd[2]!.name, 'Cancelled', ''],
    ])
    expect(rows.map(r => r[9]).sort(), 'the places held').to.deep.equal(['', '', '', '1', '2'])
    expect(rows[0]!.slice(0, 5)).to.deep.equal(['Lean for Leaders, module 1: Flow, pull & "takt"', '2027-06-07', '09:30', '12:30', '2027-06-07T09:30:00+01:00'])
    expect(rows[0]![7]).to.equal('manager')
    expect(rows[0]![12]).to.equal('Sent apologies')
    expect(rows[0]![11]).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/)
    expect(rows[3]![6]).to.equal(crowd[1]!.email)
  })

  it('streams a register longer than one batch', async () => {
    const workshop = await insertWorkshop(cohortId, { capacity: 500 })
    const crowd = await insertCrowd(cohortId, 450)
    await WorkshopRegistration.insertMany(
      crowd.map((person, i) => ({
        workshopId: workshop._id,
        cohortId,
        userId: person._id,
        arrival: new Types.ObjectId(),
        status: i < 300 ? 'confirmed' : 'waitlisted',
        placeNumber: i < 300 ? i + 1 : null,
        uid: `workshop-${String(workshop._id)}-${String(person._id)}@tandem`,
      })),
    )
    const response = await lead.get(`/workshops/${String(workshop._id)}/register.csv`)
    const [, ...rows] = csvOf(response.text)
    expect(rows).to.have.length(450)
    expect(rows.slice(300).map(r => r[10])).to.deep.equal(Array.from({ length: 150 }, (_, i) => String(i + 1)))
    expect(new Set(rows.map(r => r[6])).size).to.equal(450)
  })

  it('is for leads only', async () => {
    const workshop = await insertWorkshop(cohortId)
    const { browser } = await signedIn(t, ['doctor'])
    expect((await browser.get(`/workshops/${String(workshop._id)}/register.csv`)).status).to.equal(403)
  })

  it('invites the whole cohort once per person per series, leaving out people not yet signed up', async () => {
    const series = await insertSeries(cohortId)
    const seriesPath = `/workshop-series/${String(series._id)}`
    const empty = await lead.get(`${seriesPath}/invite`)
    expect(empty.text).to.contain('Add one before inviting the cohort').and.not.contain('Send ')

    await insertWorkshop(cohortId, { seriesId: series._id })
    const people = await insertCrowd(cohortId, 3)
    const pending = await insertUser({ status: 'invited', roles: ['doctor'] })
    await insertMember(cohortId, 'manager', { name: 'Mina Shah' })
    await Enrolment.create({ cohortId, userId: pending._id, side: 'doctor' })

    const page = await lead.get(`${seriesPath}/invite`)
    expect(page.text).to.contain('4 people will be emailed').and.contain('1 not yet signed up to Tandem').and.contain('Module 1: Value and waste')
    const sent = await lead.submit(`${seriesPath}/invite`, {})
    expect(sent.status).to.equal(303)
    expect((await lead.get(seriesPath)).text).to.contain('Invitations sent to 4 people').and.contain('4 people invited so far')
    const emails = await OutboxMessage.find({ dedupeKey: new RegExp(`^workshop-series-invite:${String(series._id)}:`) }).lean()
    expect(emails.map(e => e.to).sort()).to.include.members(people.map(p => p.email)).and.not.include(pending.email)
    expect(emails).to.have.length(4)
    expect(emails[0]!.subject).to.equal('Workshops for Surgery and Medicine, spring 2027: Lean for Leaders')
    expect(emails[0]!.text).to.contain('http://tandem.test/workshops').and.contain('Monday 7 December 2026, 9:30am to 12:30pm')

    expect((await lead.get(`${seriesPath}/invite`)).text).to.contain('Everyone who can sign in has been invited')
    const again = await lead.submit(seriesPath, {}, `${seriesPath}/invite`)
    expect(again.status).to.equal(303)
    expect(await OutboxMessage.countDocuments({ dedupeKey: /^workshop-series-invite:/ })).to.equal(4)
    // Someone who joins the cohort later is invited the next time.
    await insertCrowd(cohortId, 1)
    await lead.submit(`${seriesPath}/invite`, {})
    expect(await OutboxMessage.countDocuments({ dedupeKey: /^workshop-series-invite:/ })).to.equal(5)
  })
})
