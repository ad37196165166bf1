import { expect } from 'chai'
import { inviteIcs, type Invite } from '../../../server/calendar/invite-ics'
import { contentLines, rawProperty, readWithIcalJs, readWithNodeIcal, type ReadCalendar } from './read-ics'

// The zone this process runs in: test/unit/calendar/process-time-zones.test.ts runs
// this file again under TZ=UTC and TZ=America/New_York, and looks for it here.
const processZone = Intl.DateTimeFormat().resolvedOptions().timeZone

const base: Invite = {
  uid: 'shadowing-42@tandem',
  sequence: 0,
  method: 'REQUEST',
  // 09:30 London time on Monday 30 March 2026, the day after the clocks went forward: 08:30 UTC.
  start: new Date('2026-03-30T08:30:00Z'),
  end: new Date('2026-03-30T09:30:00Z'),
  summary: 'Shadowing: Bed meeting — Dara Okafor shadows Mina Shah',
  description:
    'Dara Okafor (doctor) shadows Mina Shah (manager): Bed meeting.\nWhere: Site office, level 2; north wing',
  location: 'Site office, level 2',
  url: 'http://tandem.test/shadowing/42',
  organizer: { name: 'Tandem', email: 'tandem@example.nhs.uk' },
  attendee: { name: 'Dara Okafor', email: 'dara@example.nhs.uk' },
  stamp: new Date('2026-03-20T12:00:00Z'),
}

/** Both parsers' reading of the same text. */
const readBoth = (text: string): [string, ReadCalendar][] => [
  ['ical.js', readWithIcalJs(text)],
  ['node-ical', readWithNodeIcal(text)],
]

describe(`calendar invitations (ICS), in a process whose time zone is ${processZone}`, () => {
  it('is one REQUEST with one VEVENT, its times in London time with TZID and the matching VTIMEZONE', () => {
    const text = inviteIcs(base)
    expect(rawProperty(text, 'METHOD')).to.equal(':REQUEST')
    expect(text.match(/^BEGIN:VEVENT\r$/gm)).to.have.length(1)
    expect(rawProperty(text, 'DTSTART', 'VEVENT')).to.equal(';TZID=Europe/London:20260330T093000')
    expect(rawProperty(text, 'DTEND', 'VEVENT')).to.equal(';TZID=Europe/London:20260330T103000')
    expect(rawProperty(text, 'TZID')).to.equal(':Europe/London')
    for (const [parser, calendar] of readBoth(text)) {
      expect(calendar.method, parser).to.equal('REQUEST')
      expect(calendar.zones, parser).to.deep.equal(['Europe/London'])
      expect(calendar.events, parser).to.have.length(1)
    }
  })

  describe('lands on the stored instants around the clock changes, for both parsers', () => {
    // [what, start, end (UTC instants), DTSTART and DTEND as written], each checked by hand:
    // BST (UTC+1) runs from 01:00 UTC on 29 March 2026 to 01:00 UTC on 25 October 2026.
    // prettier-ignore
    const cases: [string, string, string, string, string][] = [
      ['Saturday before the clocks go forward, GMT', '2026-03-28T09:30:00Z', '2026-03-28T10:30:00Z', ';TZID=Europe/London:20260328T093000', ';TZID=Europe/London:20260328T103000'],
      ['the Sunday they go forward (29 March), BST', '2026-03-29T08:30:00Z', '2026-03-29T09:30:00Z', ';TZID=Europe/London:20260329T093000', ';TZID=Europe/London:20260329T103000'],
      ['the Monday after, BST', '2026-03-30T08:30:00Z', '2026-03-30T09:30:00Z', ';TZID=Europe/London:20260330T093000', ';TZID=Europe/London:20260330T103000'],
      ['a night on call across the spring change: 8pm GMT to 8am BST, 11 hours', '2026-03-28T20:00:00Z', '2026-03-29T07:00:00Z', ';TZID=Europe/London:20260328T200000', ';TZID=Europe/London:20260329T080000'],
      ['Saturday before the clocks go back, BST', '2026-10-24T08:30:00Z', '2026-10-24T09:30:00Z', ';TZID=Europe/London:20261024T093000', ';TZID=Europe/London:20261024T103000'],
      ['the Sunday they go back (25 October), GMT', '2026-10-25T09:30:00Z', '2026-10-25T10:30:00Z', ';TZID=Europe/London:20261025T093000', ';TZID=Europe/London:20261025T103000'],
      ['the Monday after, GMT', '2026-10-26T09:30:00Z', '2026-10-26T10:30:00Z', ';TZID=Europe/London:20261026T093000', ';TZID=Europe/London:20261026T103000'],
      ['a night on call across the autumn change: 8pm BST to 8am GMT, 13 hours', '2026-10-24T19:00:00Z', '2026-10-25T08:00:00Z', ';TZID=Europe/London:20261024T200000', ';TZID=Europe/London:20261025T080000'],
      // 1:30am happens twice on 25 October; a London time cannot say which, so these go in UTC.
      ['from the first 1:30am (BST) on 25 October', '2026-10-25T00:30:00Z', '2026-10-25T02:30:00Z', ':20261025T003000Z', ':20261025T023000Z'],
      ['from the second 1:30am (GMT) on 25 October', '2026-10-25T01:30:00Z', '2026-10-25T03:00:00Z', ':20261025T013000Z', ':20261025T030000Z'],
    ]
    for (const [what, start, end, dtstart, dtend] of cases) {
      it(what, () => {
        const text = inviteIcs({ ...base, start: new Date(start), end: new Date(end) })
        expect(rawProperty(text, 'DTSTART', 'VEVENT')).to.equal(dtstart)
        expect(rawProperty(text, 'DTEND', 'VEVENT')).to.equal(dtend)
        for (const [parser, calendar] of readBoth(text)) {
          expect(calendar.events[0]!.start.toISOString(), parser).to.equal(new Date(start).toISOString())
          expect(calendar.events[0]!.end.toISOString(), parser).to.equal(new Date(end).toISOString())
        }
      })
    }
  })

  it('keeps the UID across invite, update and cancellation, with SEQUENCE rising and a new UTC DTSTAMP each time', () => {
    const versions = [
      inviteIcs(base),
      inviteIcs({
        ...base,
        sequence: 1,
        start: new Date('2026-04-06T08:30:00Z'),
        end: new Date('2026-04-06T09:30:00Z'),
        stamp: new Date('2026-03-25T16:05:00Z'),
      }),
      inviteIcs({
        ...base,
        sequence: 2,
        method: 'CANCEL',
        start: new Date('2026-04-06T08:30:00Z'),
        end: new Date('2026-04-06T09:30:00Z'),
        stamp: new Date('2026-03-26T10:00:00Z'),
      }),
    ]
    expect(versions.map(text => rawProperty(text, 'DTSTAMP'))).to.deep.equal([
      ':20260320T120000Z',
      ':20260325T160500Z',
      ':20260326T100000Z',
    ])
    for (const read of [readWithIcalJs, readWithNodeIcal]) {
      const events = versions.map(text => read(text).events[0]!)
      expect(events.map(e => e.uid)).to.deep.equal([
        'shadowing-42@tandem',
        'shadowing-42@tandem',
        'shadowing-42@tandem',
      ])
      expect(events.map(e => e.sequence)).to.deep.equal([0, 1, 2])
      expect(events.map(e => e.stamp.toISOString())).to.deep.equal([
        '2026-03-20T12:00:00.000Z',
        '2026-03-25T16:05:00.000Z',
        '2026-03-26T10:00:00.000Z',
      ])
    }
  })

  it('names the programme mailbox as ORGANIZER and the recipient as the one ATTENDEE, asked to reply', () => {
    for (const [parser, calendar] of readBoth(inviteIcs(base))) {
      const event = calendar.events[0]!
      expect(event.organizer?.email.toLowerCase(), parser).to.equal('tandem@example.nhs.uk')
      expect(event.organizer?.params.CN, parser).to.equal('Tandem')
      expect(event.attendees, parser).to.have.length(1)
      expect(event.attendees[0]!.email.toLowerCase(), parser).to.equal('dara@example.nhs.uk')
      expect(event.attendees[0]!.params, parser).to.deep.equal({
        CN: 'Dara Okafor',
        ROLE: 'REQ-PARTICIPANT',
        PARTSTAT: 'NEEDS-ACTION',
        RSVP: 'TRUE',
      })
    }
  })

  it('carries the summary, location, description and link, commas, semicolons and line breaks included', () => {
    for (const [parser, calendar] of readBoth(inviteIcs(base))) {
      const event = calendar.events[0]!
      expect(event.summary, parser).to.equal(base.summary)
      expect(event.location, parser).to.equal('Site office, level 2')
      expect(event.description, parser).to.equal(base.description)
      expect(event.url, parser).to.equal('http://tandem.test/shadowing/42')
      expect(event.status, parser).to.equal('CONFIRMED')
    }
  })

  it('reminds a day before', () => {
    const { events } = readWithIcalJs(inviteIcs(base))
    expect(events[0]!.alarms).to.deep.equal([
      { action: 'DISPLAY', triggerSeconds: -86400, description: `Tomorrow: ${base.summary}` },
    ])
    expect(readWithNodeIcal(inviteIcs(base)).events[0]!.alarms.map(a => a.action)).to.deep.equal(['DISPLAY'])
  })

  it('cancels with METHOD:CANCEL, STATUS:CANCELLED, the same UID, a higher SEQUENCE and the original times, without a reminder', () => {
    const text = inviteIcs({
      ...base,
      method: 'CANCEL',
      sequence: 1,
      stamp: new Date('2026-03-26T10:00:00Z'),
    })
    for (const [parser, calendar] of readBoth(text)) {
      expect(calendar.method, parser).to.equal('CANCEL')
      const event = calendar.events[0]!
      expect(event.status, parser).to.equal('CANCELLED')
      expect(event.uid, parser).to.equal('shadowing-42@tandem')
      expect(event.sequence, parser).to.equal(1)
      expect(event.start.toISOString(), parser).to.equal('2026-03-30T08:30:00.000Z')
      expect(event.end.toISOString(), parser).to.equal('2026-03-30T09:30:00.000Z')
      expect(event.alarms, parser).to.deep.equal([])
    }
  })

  it('ends every line with CRLF and folds lines longer than 75 octets, never inside a character', () => {
    const long: Invite = {
      ...base,
      summary: `Shadowing: Ward round, acute medical unit 🏥 — Siân Ŵyn-Llewelyn shadows Zoë Ørsted-Nakamura`,
      description: `${'Ysbyty’r Ffynnon Ddŵr — ward round with the consultant, “board round” first. '.repeat(6)}\nThen: handover.`,
      location: 'Uned Asesu Meddygol Acíwt (AMU), Ysbyty Gwynedd, Penrhosgarnedd, Bangor',
      attendee: { name: 'Siân Ŵyn-Llewelyn, Dr', email: 'sian@example.nhs.uk' },
    }
    const text = inviteIcs(long)
    expect(text.replace(/\r\n/g, '')).not.to.match(/[\r\n]/)
    const lines = contentLines(text)
    expect(lines.filter(line => line.startsWith(' ')).length, 'some lines were folded').to.be.greaterThan(5)
    for (const line of lines) {
      const bytes = Buffer.from(line, 'utf8')
      expect(bytes.length, line).to.be.at.most(75)
      expect(line, 'no empty continuation').not.to.equal(' ')
    }
    // Unfolded, both parsers get the original text back, so no character was cut in two.
    for (const [parser, calendar] of readBoth(text)) {
      const event = calendar.events[0]!
      expect(event.summary, parser).to.equal(long.summary)
      expect(event.description, parser).to.equal(long.description)
      expect(event.location, parser).to.equal(long.location)
      expect(event.attendees[0]!.params.CN, parser).to.equal('Siân Ŵyn-Llewelyn, Dr')
    }
  })

  it('keeps a name with double quotes from breaking the CN parameter', () => {
    const text = inviteIcs({ ...base, attendee: { name: 'Dara "DJ" Okafor', email: 'dara@example.nhs.uk' } })
    for (const [parser, calendar] of readBoth(text)) {
      expect(calendar.events[0]!.attendees[0]!.params.CN, parser).to.equal('Dara DJ Okafor')
      expect(calendar.events[0]!.attendees[0]!.email.toLowerCase(), parser).to.equal('dara@example.nhs.uk')
    }
  })
})
