import { expect } from 'chai'
import { DateTime } from 'luxon'
import { findSlots } from '../../../server/scheduling/slot-finder'
import { checkTime, type TimeToCheck } from '../../../server/scheduling/time-check'

const at = (text: string) =>
  DateTime.fromFormat(text, 'yyyy-MM-dd HH:mm', { zone: 'Europe/London' }).toJSDate()
const awayOn = (iso: string) => [{ from: new Date(`${iso}T00:00:00Z`), to: new Date(`${iso}T00:00:00Z`) }]

// Now is Monday 1 June 2026, 9am London. The host (a manager) is free Wednesdays all
// day and runs a budget review on Thursdays at 2pm; the guest is free Wednesday
// and Thursday afternoons... and Wednesday mornings.
const host = {
  availability: ['wed-am', 'wed-pm'],
  unavailable: [],
  meetings: [{ name: 'Budget review', weekday: 'thu' as const, start: '14:00', durationMinutes: 60 }],
}
const guest = { availability: ['wed-am', 'thu-pm'], unavailable: [] }

function check(start: string, overrides: Partial<TimeToCheck> = {}) {
  return checkTime({
    start: at(start),
    durationMinutes: 60,
    host,
    guest,
    busy: [],
    now: at('2026-06-01 09:00'),
    ...overrides,
  })
}

describe('checking a time the person typed', () => {
  it('passes a time inside both availabilities, two days or more ahead', () => {
    expect(check('2026-06-10 10:00')).to.deep.equal({
      ok: true,
      problems: [],
      refused: false,
      needsConfirmation: false,
    })
  })

  it('refuses a time in the past', () => {
    expect(check('2026-05-27 10:00')).to.deep.equal({
      ok: false,
      problems: ['in-the-past'],
      refused: true,
      needsConfirmation: false,
    })
  })

  it('asks to confirm a time under 48 hours ahead', () => {
    expect(check('2026-06-03 08:30')).to.deep.equal({
      ok: false,
      problems: ['too-soon'],
      refused: false,
      needsConfirmation: true,
    })
    expect(check('2026-06-03 09:00').ok).to.equal(true)
  })

  it('refuses a time over an existing booking, but not one that only touches it', () => {
    const busy = [{ start: at('2026-06-10 10:30'), end: at('2026-06-10 11:00') }]
    expect(check('2026-06-10 10:00', { busy }))
      .to.include({ refused: true })
      .and.have.property('problems')
      .deep.equal(['clashes-with-booking'])
    expect(check('2026-06-10 11:00', { busy }).ok).to.equal(true)
    expect(check('2026-06-10 09:30', { busy }).ok).to.equal(true)
  })

  it("flags a time outside the guest's availability, even when only its end is outside", () => {
    expect(check('2026-06-10 14:00').problems).to.deep.equal(['outside-guest-availability'])
    expect(check('2026-06-10 12:30').problems).to.deep.equal(['outside-guest-availability'])
    expect(check('2026-06-10 12:30')).to.include({ refused: false, needsConfirmation: true })
  })

  it("flags a time outside the host's availability, but not the start of the host's own meeting", () => {
    expect(check('2026-06-11 15:00').problems).to.deep.equal(['outside-host-availability'])
    expect(check('2026-06-11 14:00').problems).to.deep.equal([])
  })

  it('flags a date either person is unavailable, saying whose', () => {
    expect(
      check('2026-06-10 10:00', { guest: { ...guest, unavailable: awayOn('2026-06-10') } }).problems,
    ).to.deep.equal(['guest-unavailable-date'])
    expect(check('2026-06-10 10:00', { host: { ...host, unavailable: awayOn('2026-06-10') } })).to.include({
      needsConfirmation: true,
    })
    expect(
      check('2026-06-10 10:00', { host: { ...host, unavailable: awayOn('2026-06-10') } }).problems,
    ).to.deep.equal(['host-unavailable-date'])
  })

  it('lists every problem at once', () => {
    const busy = [{ start: at('2026-06-01 19:00'), end: at('2026-06-01 20:00') }]
    expect(
      check('2026-06-01 19:30', { busy, guest: { ...guest, unavailable: awayOn('2026-06-01') } }).problems,
    ).to.deep.equal([
      'too-soon',
      'clashes-with-booking',
      'guest-unavailable-date',
      'outside-host-availability',
    ])
  })

  it('finds no problem with any time Tandem itself proposed', () => {
    const busy = [{ start: at('2026-06-17 09:00'), end: at('2026-06-17 10:00') }]
    const now = at('2026-06-01 09:00')
    const slots = findSlots({ now, durationMinutes: 90, host, guest, busy })
    expect(slots.filter(s => s.kind === 'meeting')).to.have.length(8)
    expect(slots.filter(s => s.kind === 'free-time')).to.have.length(8)
    for (const slot of slots) {
      expect(
        checkTime({ start: slot.start, durationMinutes: 90, host, guest, busy, now }).problems,
        slot.label,
      ).to.deep.equal([])
    }
  })
})
