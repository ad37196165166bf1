// Dates as people in the programme read them: the London date, across the clock changes.
import { expect } from 'chai'
import { formatDate, formatDateTime } from '../../server/format'

describe('formatting dates in London time', () => {
  it('gives the day in London, not in UTC, either side of the clock changes', () => {
    expect(formatDate(new Date('2026-03-29T00:30:00Z'))).to.equal('29 March 2026') // GMT: 00:30 on the 29th
    expect(formatDate(new Date('2026-03-29T23:30:00Z'))).to.equal('30 March 2026') // BST: 00:30 on the 30th
    expect(formatDate(new Date('2026-10-24T23:30:00Z'))).to.equal('25 October 2026') // BST: 00:30 on the 25th
    expect(formatDate(new Date('2026-10-25T23:30:00Z'))).to.equal('25 October 2026') // GMT again: 23:30 on the 25th
    expect(formatDate('2027-01-01T00:00:00Z')).to.equal('1 January 2027')
  })

  it('shows nothing for a missing or unreadable date', () => {
    expect(formatDate(undefined)).to.equal('')
    expect(formatDate(null)).to.equal('')
    expect(formatDate('not a date')).to.equal('')
  })

  it('gives the time of day in London too', () => {
    expect(formatDateTime(new Date('2026-03-30T08:30:00Z'))).to.equal('Monday 30 March 2026 at 9:30am')
    expect(formatDateTime(new Date('2026-12-01T13:05:00Z'))).to.equal('Tuesday 1 December 2026 at 1:05pm')
  })
})
