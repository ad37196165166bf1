import { expect } from 'chai'
import { DateTime } from 'luxon'
import { findSlots, type SlotSearch } from '../../../server/scheduling/slot-finder'

// Wall-clock London time → instant; "2026-06-03 09:00" is 08:00Z (summer time).
const london = (text: string) =>
  DateTime.fromFormat(text, 'yyyy-MM-dd HH:mm', { zone: 'Europe/London' }).toJSDate()
// An unavailable date as the profile stores it: midnight UTC of the date.
const storedDate = (iso: string) => new Date(`${iso}T00:00:00Z`)

// Monday 1 June 2026, 9am London: the earliest proposal is Wednesday 3 June, 9am.
const monday9am = london('2026-06-01 09:00')

function search(overrides: Partial<SlotSearch>): SlotSearch {
  return {
    now: monday9am,
    durationMinutes: 60,
    host: { availability: [], unavailable: [] },
    guest: { availability: [], unavailable: [] },
    busy: [],
    horizonWeeks: 2,
    ...overrides,
  }
}
const labels = (s: SlotSearch) => findSlots(s).map(slot => slot.label)

describe('finding times for a shadowing session', () => {
  it('offers only the half-days both people are free', () => {
    const slots = findSlots(
      search({
        host: { availability: ['mon-am', 'wed-am', 'wed-pm', 'thu-am'], unavailable: [] },
        guest: { availability: ['wed-am', 'thu-pm', 'fri-am', 'wed-eve'], unavailable: [] },
      }),
    )
    // Wednesday morning is the only half-day in common; 3 June starts at 9am because of the 48 hours.
    expect(slots.map(s => s.label)).to.deep.equal([
      'Wednesday 3 June 2026, 9am to 10am',
      'Wednesday 10 June 2026, 8am to 9am',
    ])
    expect(slots.map(s => s.start.toISOString())).to.deep.equal([
      '2026-06-03T08:00:00.000Z',
      '2026-06-10T07:00:00.000Z',
    ])
    expect(slots.every(s => s.kind === 'free-time' && s.meetingName === undefined)).to.equal(true)
  })

  it('leaves out a date either person is unavailable, and only that date', () => {
    const free = { availability: ['wed-am'], unavailable: [] }
    const away10th = {
      availability: ['wed-am'],
      unavailable: [{ from: storedDate('2026-06-10'), to: storedDate('2026-06-10') }],
    }
    const away3rdTo5th = {
      availability: ['wed-am'],
      unavailable: [{ from: storedDate('2026-06-02'), to: storedDate('2026-06-05') }],
    }
    expect(labels(search({ host: free, guest: away10th }))).to.deep.equal([
      'Wednesday 3 June 2026, 9am to 10am',
    ])
    expect(labels(search({ host: away3rdTo5th, guest: free }))).to.deep.equal([
      'Wednesday 10 June 2026, 8am to 9am',
    ])
  })

  it('moves off an existing booking without touching the other days', () => {
    const both = { availability: ['wed-am', 'thu-am'], unavailable: [] }
    const twoHours = search({ host: both, guest: both, durationMinutes: 120 })
    expect(labels(twoHours)).to.deep.equal([
      'Wednesday 3 June 2026, 9am to 11am',
      'Thursday 4 June 2026, 8am to 10am',
      'Wednesday 10 June 2026, 8am to 10am',
      'Thursday 11 June 2026, 8am to 10am',
    ])
    // Booked 10:30 to 11am on 3 June: 9am to 10:30am is too short, so 11am to 1pm; a
    // booking that ends at 8am on 4 June, when the session would start, is no clash.
    const busy = [
      { start: london('2026-06-03 10:30'), end: london('2026-06-03 11:00') },
      { start: london('2026-06-04 07:00'), end: london('2026-06-04 08:00') },
    ]
    expect(labels({ ...twoHours, busy })).to.deep.equal([
      'Wednesday 3 June 2026, 11am to 1pm',
      'Thursday 4 June 2026, 8am to 10am',
      'Wednesday 10 June 2026, 8am to 10am',
      'Thursday 11 June 2026, 8am to 10am',
    ])
  })

  it('starts no proposal within 48 hours of now, rounding up to the half hour', () => {
    const both = { availability: ['wed-am', 'thu-am'], unavailable: [] }
    const at1015 = findSlots(
      search({ now: london('2026-06-01 10:15'), host: both, guest: both, horizonWeeks: 1 }),
    )
    expect(at1015[0]!.label).to.equal('Wednesday 3 June 2026, 10:30am to 11:30am')
    // At 12:30 only half an hour of Wednesday morning is left after the 48 hours: too short.
    const at1230 = findSlots(
      search({ now: london('2026-06-01 12:30'), host: both, guest: both, horizonWeeks: 1 }),
    )
    expect(at1230[0]!.label).to.equal('Thursday 4 June 2026, 8am to 9am')
  })

  it('proposes nothing that starts after the horizon (8 weeks unless told)', () => {
    const mornings = { availability: ['mon-am'], unavailable: [] }
    const slots = findSlots({ ...search({ host: mornings, guest: mornings }), horizonWeeks: undefined })
    // Monday 8 June to Monday 27 July: the last starts at 8am, before 9am eight weeks on.
    expect(slots).to.have.length(8)
    expect(slots.at(-1)!.label).to.equal('Monday 27 July 2026, 8am to 9am')
    const afternoons = { availability: ['mon-pm'], unavailable: [] }
    const later = findSlots({ ...search({ host: afternoons, guest: afternoons }), horizonWeeks: undefined })
    expect(later.at(-1)!.label).to.equal('Monday 20 July 2026, 1pm to 2pm')
  })

  it('offers a few times a day: the start of each free half-day, not every half hour', () => {
    const day = { availability: ['wed-am', 'wed-pm'], unavailable: [] }
    expect(labels(search({ host: day, guest: day, horizonWeeks: 1 }))).to.deep.equal([
      'Wednesday 3 June 2026, 9am to 10am',
      'Wednesday 3 June 2026, 1pm to 2pm',
    ])
    expect(findSlots(search({ host: day, guest: day, limit: 3 }))).to.have.length(3)
  })

  it('joins a free morning and afternoon for a long session, but not across a gap', () => {
    const day = { availability: ['wed-am', 'wed-pm'], unavailable: [] }
    expect(labels(search({ host: day, guest: day, durationMinutes: 450 }))).to.deep.equal([
      'Wednesday 3 June 2026, 9am to 4:30pm',
      'Wednesday 10 June 2026, 8am to 3:30pm',
    ])
    const split = { availability: ['wed-am', 'wed-eve'], unavailable: [] }
    expect(labels(search({ host: day, guest: split, durationMinutes: 450 }))).to.deep.equal([])
  })

  describe("the host's recurring meetings", () => {
    const host = {
      availability: ['wed-am'],
      unavailable: [],
      meetings: [
        { name: 'Board round', weekday: 'mon' as const, start: '09:30', durationMinutes: 60 },
        { name: 'Bed meeting', weekday: 'thu' as const, start: '08:30', durationMinutes: 30 },
      ],
    }
    const guest = { availability: ['mon-am', 'wed-am', 'thu-pm'], unavailable: [] }

    it('come first, at their real times, when the guest is free then', () => {
      const slots = findSlots(search({ host, guest }))
      // Monday 15 June 9:30am is after the horizon (9am); the Thursday bed meeting is in the
      // morning, when the guest is not free.
      expect(slots.map(s => [s.kind, s.meetingName, s.label])).to.deep.equal([
        ['meeting', 'Board round', 'Monday 8 June 2026, 9:30am to 10:30am'],
        ['free-time', undefined, 'Wednesday 3 June 2026, 9am to 10am'],
        ['free-time', undefined, 'Wednesday 10 June 2026, 8am to 9am'],
      ])
      expect(slots[0]!.start.toISOString()).to.equal('2026-06-08T08:30:00.000Z')
    })

    it('are not offered when the guest is busy, or either person is away that day', () => {
      const busy = [{ start: london('2026-06-08 10:00'), end: london('2026-06-08 10:15') }]
      expect(findSlots(search({ host, guest, busy })).filter(s => s.kind === 'meeting')).to.deep.equal([])
      const away = {
        ...guest,
        unavailable: [{ from: storedDate('2026-06-08'), to: storedDate('2026-06-08') }],
      }
      expect(findSlots(search({ host, guest: away })).filter(s => s.kind === 'meeting')).to.deep.equal([])
      const hostAway = { ...host, unavailable: away.unavailable }
      expect(findSlots(search({ host: hostAway, guest })).filter(s => s.kind === 'meeting')).to.deep.equal([])
    })

    it('last the whole meeting when it is longer than the session asked for', () => {
      const thursdayGuest = { availability: ['thu-am'], unavailable: [] }
      const long = {
        ...host,
        meetings: [{ name: 'Budget review', weekday: 'thu' as const, start: '09:00', durationMinutes: 90 }],
      }
      expect(findSlots(search({ host: long, guest: thursdayGuest }))[0]).to.include({
        kind: 'meeting',
        meetingName: 'Budget review',
        label: 'Thursday 4 June 2026, 9am to 10:30am',
      })
    })
  })
})
