import { expect } from 'chai'
import { placeEmail, placeEmailKey, seriesInviteEmail, waitlistedEmail } from '../../server/workshops/workshop-emails'
import type { WorkshopMailContext } from '../../server/workshops/workshop-emails'
import { readWithIcalJs, readWithNodeIcal, rawProperty } from './calendar/read-ics'

// Module 3 on Sunday 25 October 2026, the day the clocks go back: 9am to 5pm GMT.
const ctx: WorkshopMailContext = {
  workshop: {
    id: '6650a1b2c3d4e5f6a7b8c9d1',
    seriesTitle: 'Lean for Leaders',
    title: 'Flow <and> pull',
    moduleNumber: 3,
    description: 'Why queues form.',
    start: new Date('2026-10-25T09:00:00Z'),
    end: new Date('2026-10-25T17:00:00Z'),
    room: '',
    site: '',
    onlineLink: 'https://meet.example.com/lean-3',
    facilitators: ['Grace Evans'],
  },
  person: { id: 'user-1', name: 'Dara Okafor', email: 'dara@example.nhs.uk' },
  organizer: { name: 'Tandem', email: 'tandem@trust.nhs.uk' },
  baseUrl: 'http://tandem.test',
  now: new Date('2026-10-01T12:00:00Z'),
}

describe('workshop emails', () => {
  it('invites the person to their own event, with London times read the same by two parsers', () => {
    const email = placeEmail('registered', ctx, { uid: 'workshop-w-u@tandem', sequence: 4 })
    expect(email.subject).to.equal('Lean for Leaders, module 3: Flow <and> pull')
    expect(email.dedupeKey).to.equal(placeEmailKey(ctx.workshop.id, 'user-1', 4)).and.equal('workshop:6650a1b2c3d4e5f6a7b8c9d1:user-1:seq4')
    expect(email.html).to.contain('Flow &lt;and&gt; pull').and.not.contain('<and>')
    expect(email.text).to.contain('Where: Online: https://meet.example.com/lean-3').and.contain('When: Sunday 25 October 2026, 9am to 5pm (UK time)')
    const content = email.icalEvent!.content
    for (const read of [readWithIcalJs, readWithNodeIcal]) {
      const calendar = read(content)
      expect(calendar.method).to.equal('REQUEST')
      expect(calendar.events[0]).to.include({ uid: 'workshop-w-u@tandem', sequence: 4 })
      expect(+calendar.events[0]!.start).to.equal(+ctx.workshop.start)
      expect(+calendar.events[0]!.end).to.equal(+ctx.workshop.end)
      expect(calendar.events[0]!.attendees.map(a => a.email)).to.deep.equal(['dara@example.nhs.uk'])
    }
    expect(rawProperty(content, 'DTSTART', 'VEVENT')).to.equal(';TZID=Europe/London:20261025T090000')
  })

  it('cancels with CANCEL and says why; an update starts "Updated:"', () => {
    const cancel = placeEmail('workshop-cancelled', ctx, { uid: 'workshop-w-u@tandem', sequence: 5, reason: 'Room flooded' })
    expect(cancel.subject).to.equal('Cancelled: Lean for Leaders, module 3: Flow <and> pull')
    expect(cancel.icalEvent!.method).to.equal('CANCEL')
    expect(readWithIcalJs(cancel.icalEvent!.content).events[0]).to.include({ status: 'CANCELLED', sequence: 5 })
    expect(cancel.text).to.contain('The reason given: Room flooded')
    expect(placeEmail('changed', ctx, { uid: 'u', sequence: 6 }).subject).to.match(/^Updated: /)
  })

  it('writes the waitlist email once per arrival, and the series announcement once per person', () => {
    expect(waitlistedEmail(ctx, 'arrival-1').dedupeKey).to.equal('workshop-waitlisted:6650a1b2c3d4e5f6a7b8c9d1:user-1:arrival-1')
    const announcement = seriesInviteEmail({ series: { id: 's1', title: 'Lean for Leaders', description: 'Six modules.' }, cohortName: 'Acute care', sessions: [ctx.workshop], person: ctx.person, baseUrl: ctx.baseUrl })
    expect(announcement.dedupeKey).to.equal('workshop-series-invite:s1:user-1')
    expect(announcement.text).to.contain('- Lean for Leaders, module 3: Flow <and> pull: Sunday 25 October 2026, 9am to 5pm, Online: https://meet.example.com/lean-3').and.contain('http://tandem.test/workshops')
  })
})
