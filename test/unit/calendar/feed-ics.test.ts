import { expect } from 'chai'
import { feedIcs, sessionDownloadIcs, type FeedEvent } from '../../../server/calendar/feed-ics'
import { contentLines, rawProperty, readWithIcalJs, readWithNodeIcal } from './read-ics'

// See invite-ics.test.ts: process-time-zones.test.ts runs this file under other zones too.
const processZone = Intl.DateTimeFormat().resolvedOptions().timeZone

const bedMeeting: FeedEvent = {
  uid: 'shadowing-a@tandem',
  sequence: 2,
  // Friday 27 March 2026, 9:30am GMT, the last weekday before the clocks go forward.
  start: new Date('2026-03-27T09:30:00Z'),
  end: new Date('2026-03-27T10:30:00Z'),
  summary: 'Shadowing: Bed meeting — Dara Okafor shadows Mina Shah',
  description: 'Dara Okafor (doctor) shadows Mina Shah (manager): Bed meeting.',
  location: 'Site office',
  url: 'http://tandem.test/shadowing/a',
  stamp: new Date('2026-03-01T10:00:00Z'),
}
const wardRound: FeedEvent = {
  uid: 'shadowing-b@tandem',
  sequence: 0,
  // Monday 30 March 2026, 8am BST, the first weekday after.
  start: new Date('2026-03-30T07:00:00Z'),
  end: new Date('2026-03-30T12:00:00Z'),
  summary: 'Shadowing: Ward round — Mina Shah shadows Dara Okafor',
  description: 'Mina Shah (manager) shadows Dara Okafor (doctor): Ward round.',
  location: 'Ward 7',
}
const feed = {
  name: 'Tandem: Dara Okafor',
  events: [bedMeeting, wardRound],
  stamp: new Date('2026-03-02T09:00:00Z'),
}

describe(`calendar feeds (ICS), in a process whose time zone is ${processZone}`, () => {
  it('publishes, names the calendar and asks to be refreshed every hour', () => {
    const text = feedIcs(feed)
    expect(rawProperty(text, 'METHOD')).to.equal(':PUBLISH')
    expect(rawProperty(text, 'X-WR-CALNAME')).to.equal(':Tandem: Dara Okafor')
    expect(rawProperty(text, 'REFRESH-INTERVAL')).to.equal(';VALUE=DURATION:PT1H')
    expect(rawProperty(text, 'X-PUBLISHED-TTL')).to.equal(':PT1H')
    for (const read of [readWithIcalJs, readWithNodeIcal]) expect(read(text).method).to.equal('PUBLISH')
    for (const read of [readWithIcalJs, readWithNodeIcal])
      expect(read(text).name).to.equal('Tandem: Dara Okafor')
  })

  it('has one event per item, with its UID, SEQUENCE, STATUS and times either side of the clock change', () => {
    const text = feedIcs(feed)
    expect(text.match(/^BEGIN:VEVENT\r$/gm)).to.have.length(2)
    expect(text).to.contain('DTSTART;TZID=Europe/London:20260327T093000')
    expect(text).to.contain('DTSTART;TZID=Europe/London:20260330T080000')
    for (const read of [readWithIcalJs, readWithNodeIcal]) {
      const calendar = read(text)
      expect(calendar.zones).to.deep.equal(['Europe/London'])
      const events = [...calendar.events].sort((a, b) => a.uid.localeCompare(b.uid))
      expect(
        events.map(e => [e.uid, e.sequence, e.status, e.start.toISOString(), e.end.toISOString()]),
      ).to.deep.equal([
        ['shadowing-a@tandem', 2, 'CONFIRMED', '2026-03-27T09:30:00.000Z', '2026-03-27T10:30:00.000Z'],
        ['shadowing-b@tandem', 0, 'CONFIRMED', '2026-03-30T07:00:00.000Z', '2026-03-30T12:00:00.000Z'],
      ])
      // An event's own stamp, or the feed's.
      expect(events.map(e => e.stamp.toISOString())).to.deep.equal([
        '2026-03-01T10:00:00.000Z',
        '2026-03-02T09:00:00.000Z',
      ])
      expect(events[0]!.summary).to.equal(bedMeeting.summary)
      expect(events[0]!.url).to.equal('http://tandem.test/shadowing/a')
      expect(events[1]!.location).to.equal('Ward 7')
    }
  })

  it('asks nobody to reply: no ATTENDEE, ORGANIZER or reminder', () => {
    const text = feedIcs(feed)
    expect(text).not.to.match(/^(ATTENDEE|ORGANIZER|BEGIN:VALARM)/m)
  })

  it('marks a cancelled event CANCELLED', () => {
    const text = feedIcs({ ...feed, events: [{ ...bedMeeting, status: 'cancelled' }] })
    expect(readWithIcalJs(text).events[0]!.status).to.equal('CANCELLED')
    expect(readWithNodeIcal(text).events[0]!.status).to.equal('CANCELLED')
  })

  it('gives the same bytes for the same events, so an ETag can stand for them', () => {
    expect(feedIcs(feed)).to.equal(feedIcs({ ...feed, events: feed.events.map(e => ({ ...e })) }))
  })

  it('is a valid calendar with no events, folded and ending every line in CRLF', () => {
    const empty = feedIcs({ name: 'Tandem: Zoë Ørsted-Nakamura, Dr; Ward 7', events: [], stamp: feed.stamp })
    expect(readWithIcalJs(empty).events).to.deep.equal([])
    // A TEXT value: commas and semicolons escaped, and read back unescaped.
    expect(rawProperty(empty, 'X-WR-CALNAME')).to.equal(':Tandem: Zoë Ørsted-Nakamura\\, Dr\\; Ward 7')
    expect(readWithNodeIcal(empty).name).to.equal('Tandem: Zoë Ørsted-Nakamura, Dr; Ward 7')
    for (const text of [empty, feedIcs(feed)]) {
      expect(text.replace(/\r\n/g, '')).not.to.match(/[\r\n]/)
      for (const line of contentLines(text)) expect(Buffer.byteLength(line), line).to.be.at.most(75)
    }
  })

  it('makes a single session into a download: one published event in London time, no attendees', () => {
    const text = sessionDownloadIcs({
      session: {
        id: 'a',
        uid: 'shadowing-a@tandem',
        sequence: 1,
        start: new Date('2026-10-26T09:30:00Z'),
        end: new Date('2026-10-26T11:00:00Z'),
        activity: 'Bed meeting',
        location: 'Site office',
        direction: 'doctor-shadows-manager',
      },
      host: { name: 'Mina Shah' },
      guest: { name: 'Dara Okafor' },
      baseUrl: 'http://tandem.test',
      now: new Date('2026-10-20T08:00:00Z'),
    })
    expect(rawProperty(text, 'METHOD')).to.equal(':PUBLISH')
    expect(rawProperty(text, 'DTSTART', 'VEVENT')).to.equal(';TZID=Europe/London:20261026T093000')
    expect(text).not.to.match(/^(ATTENDEE|X-WR-CALNAME|REFRESH-INTERVAL)/m)
    for (const read of [readWithIcalJs, readWithNodeIcal]) {
      const { events } = read(text)
      expect(events).to.have.length(1)
      expect(events[0]).to.include({
        uid: 'shadowing-a@tandem',
        sequence: 1,
        summary: 'Shadowing: Bed meeting — Dara Okafor shadows Mina Shah',
        location: 'Site office',
        url: 'http://tandem.test/shadowing/a',
      })
      expect(events[0]!.start.toISOString()).to.equal('2026-10-26T09:30:00.000Z')
      expect(events[0]!.description).to.equal(
        'Dara Okafor (doctor) shadows Mina Shah (manager): Bed meeting.\nWhere: Site office\nThe session in Tandem: http://tandem.test/shadowing/a',
      )
    }
  })
})
