import { expect } from 'chai'
import { londonLabel } from '../../../server/scheduling/london-time'
import { findSlots } from '../../../server/scheduling/slot-finder'
import { checkTime } from '../../../server/scheduling/time-check'

// Clocks go forward on Sunday 28 March 2027 and back on Sunday 25 October 2026 and
// Sunday 31 October 2027. London is UTC in winter, UTC+1 in summer.
const boardRound = { name: 'Board round', weekday: 'mon' as const, start: '09:30', durationMinutes: 60 }
const host = { availability: [], unavailable: [], meetings: [boardRound] }
const guest = { availability: ['mon-am'], unavailable: [] }

function boardRounds(now: string, weeks: number) {
  return findSlots({ now: new Date(now), durationMinutes: 60, host, guest, busy: [], horizonWeeks: weeks })
}

describe('times across the clock changes', () => {
  it('keeps a Monday 9:30am meeting at 9:30am London when the clocks go forward (28 March 2027)', () => {
    const slots = boardRounds('2027-03-15T12:00:00Z', 3)
    expect(slots.map(s => s.start.toISOString())).to.deep.equal([
      '2027-03-22T09:30:00.000Z',
      '2027-03-29T08:30:00.000Z',
      '2027-04-05T08:30:00.000Z',
    ])
    expect(slots.map(s => s.label)).to.deep.equal([
      'Monday 22 March 2027, 9:30am to 10:30am',
      'Monday 29 March 2027, 9:30am to 10:30am',
      'Monday 5 April 2027, 9:30am to 10:30am',
    ])
  })

  it('keeps it at 9:30am London when the clocks go back (25 October 2026)', () => {
    const slots = boardRounds('2026-10-12T12:00:00Z', 2)
    expect(slots.map(s => s.start.toISOString())).to.deep.equal([
      '2026-10-19T08:30:00.000Z',
      '2026-10-26T09:30:00.000Z',
    ])
    expect(slots.map(s => s.end.toISOString())).to.deep.equal([
      '2026-10-19T09:30:00.000Z',
      '2026-10-26T10:30:00.000Z',
    ])
    expect(slots[1]!.label).to.equal('Monday 26 October 2026, 9:30am to 10:30am')
  })

  it('keeps it at 9:30am London when the clocks go back (31 October 2027)', () => {
    const slots = boardRounds('2027-10-18T12:00:00Z', 2)
    expect(slots.map(s => s.start.toISOString())).to.deep.equal([
      '2027-10-25T08:30:00.000Z',
      '2027-11-01T09:30:00.000Z',
    ])
    expect(slots.map(s => s.label)).to.deep.equal([
      'Monday 25 October 2027, 9:30am to 10:30am',
      'Monday 1 November 2027, 9:30am to 10:30am',
    ])
  })

  it('reads a free Sunday morning as 8am London on the day the clocks change and the week before', () => {
    const sundays = { availability: ['sun-am'], unavailable: [] }
    const slots = findSlots({
      now: new Date('2027-03-15T12:00:00Z'),
      durationMinutes: 60,
      host: sundays,
      guest: sundays,
      busy: [],
      horizonWeeks: 2,
    })
    expect(slots.map(s => [s.start.toISOString(), s.label])).to.deep.equal([
      ['2027-03-21T08:00:00.000Z', 'Sunday 21 March 2027, 8am to 9am'],
      ['2027-03-28T07:00:00.000Z', 'Sunday 28 March 2027, 8am to 9am'],
    ])
  })

  it('checks a typed time against availability in London time', () => {
    const now = new Date('2027-03-01T12:00:00Z')
    const typed = (iso: string) =>
      checkTime({ start: new Date(iso), durationMinutes: 60, host: guest, guest, busy: [], now }).problems
    // 07:30Z is 7:30am London before the change (before the 8am morning) and 8:30am after it.
    expect(typed('2027-03-22T07:30:00Z')).to.deep.equal([
      'outside-host-availability',
      'outside-guest-availability',
    ])
    expect(typed('2027-03-29T07:30:00Z')).to.deep.equal([])
  })

  it('labels in London time, NHS style', () => {
    expect(londonLabel(new Date('2026-03-30T08:30:00Z'), new Date('2026-03-30T10:30:00Z'))).to.equal(
      'Monday 30 March 2026, 9:30am to 11:30am',
    )
    expect(londonLabel(new Date('2026-12-07T09:00:00Z'), new Date('2026-12-07T12:00:00Z'))).to.equal(
      'Monday 7 December 2026, 9am to midday',
    )
    expect(londonLabel(new Date('2026-12-07T21:00:00Z'), new Date('2026-12-08T00:00:00Z'))).to.equal(
      'Monday 7 December 2026, 9pm to midnight',
    )
    expect(londonLabel(new Date('2026-12-07T22:00:00Z'), new Date('2026-12-08T01:30:00Z'))).to.equal(
      'Monday 7 December 2026, 10pm to Tuesday 8 December 2026, 1:30am',
    )
  })
})
