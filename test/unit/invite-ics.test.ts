import { expect } from 'chai'
import ICAL from 'ical.js'
import { inviteIcs, type Invite } from '../../server/calendar/invite-ics'

const base: Invite = {
  uid: 'shadowing-42@tandem',
  sequence: 0,
  method: 'REQUEST',
  // 09:30 London time on Monday 30 March 2026, the day after the clocks went forward: 08:30 UTC.
  start: new Date('2026-03-30T08:30:00Z'),
  end: new Date('2026-03-30T09:30:00Z'),
  summary: 'Bed meeting: Dara shadows Mina',
  description: 'Meet at the site office.',
  location: 'Site operations centre',
  organizer: { name: 'Tandem', email: 'tandem@example.nhs.uk' },
  attendee: { name: 'Dara Doctor', email: 'dara@example.nhs.uk' },
  stamp: new Date('2026-03-20T12:00:00Z'),
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  const event = calendar.getFirstSubcomponent('vevent')!
  return { calendar, event, start: event.getFirstProperty('dtstart')! }
}

describe('calendar invitations (ICS)', () => {
  it('puts a session at its London wall-clock time with TZID and a matching VTIMEZONE, after the clocks go forward', () => {
    const text = inviteIcs(base)
    expect(text).to.contain('DTSTART;TZID=Europe/London:20260330T093000')
    expect(text).to.contain('DTEND;TZID=Europe/London:20260330T103000')
    const { calendar, event } = parse(text)
    expect(calendar.getFirstPropertyValue('method')).to.equal('REQUEST')
    const zone = calendar.getFirstSubcomponent('vtimezone')!
    expect(zone.getFirstPropertyValue('tzid')).to.equal('Europe/London')
    // ical.js, resolving the TZID through the VTIMEZONE, lands on the same instant.
    ICAL.TimezoneService.register(zone)
    const start = event.getFirstPropertyValue('dtstart') as ICAL.Time
    expect(start.toJSDate().toISOString()).to.equal('2026-03-30T08:30:00.000Z')
  })

  it('keeps 09:30 London as 09:30 after the clocks go back (09:30 UTC in winter)', () => {
    const text = inviteIcs({ ...base, start: new Date('2026-10-26T09:30:00Z'), end: new Date('2026-10-26T10:30:00Z') })
    expect(text).to.contain('DTSTART;TZID=Europe/London:20261026T093000')
  })

  it('names the recipient as an attendee asked to reply, and the programme mailbox as organiser', () => {
    const { event } = parse(inviteIcs(base))
    const attendee = event.getFirstProperty('attendee')!
    expect(String(attendee.getFirstValue()).toLowerCase()).to.equal('mailto:dara@example.nhs.uk')
    expect(attendee.getParameter('rsvp')).to.equal('TRUE')
    expect(String(event.getFirstProperty('organizer')!.getFirstValue()).toLowerCase()).to.equal('mailto:tandem@example.nhs.uk')
    expect(event.getFirstPropertyValue('uid')).to.equal('shadowing-42@tandem')
    expect(event.getFirstPropertyValue('sequence')).to.equal(0)
  })

  it('cancels with the same UID, a higher SEQUENCE, METHOD:CANCEL and STATUS:CANCELLED', () => {
    const { calendar, event } = parse(inviteIcs({ ...base, method: 'CANCEL', sequence: 2 }))
    expect(calendar.getFirstPropertyValue('method')).to.equal('CANCEL')
    expect(event.getFirstPropertyValue('uid')).to.equal('shadowing-42@tandem')
    expect(event.getFirstPropertyValue('sequence')).to.equal(2)
    expect(event.getFirstPropertyValue('status')).to.equal('CANCELLED')
  })
})
