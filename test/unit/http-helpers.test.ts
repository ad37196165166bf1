import { expect } from 'chai'
import { safeReturnPath } from '../../server/http/guards'
import { maskPath } from '../../server/logger'
import { formatDateTime } from '../../server/format'

describe('safeReturnPath', () => {
  it('keeps paths on this site and refuses everything else', () => {
    expect(safeReturnPath('/people/invite?x=1')).to.equal('/people/invite?x=1')
    expect(safeReturnPath('//evil.example/')).to.equal('/')
    expect(safeReturnPath('https://evil.example/')).to.equal('/')
    expect(safeReturnPath('/\\evil.example')).to.equal('/')
    expect(safeReturnPath(undefined)).to.equal('/')
  })
})

describe('maskPath', () => {
  it('keeps tokens and query strings out of logs', () => {
    expect(maskPath('/invitations/Qm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eHF1dXg?email=a@b')).to.equal('/invitations/:token')
    expect(maskPath('/people/invite')).to.equal('/people/invite')
    // A calendar feed's address: the feed's id and its secret (decision 009).
    expect(maskPath('/calendar/65f0a1b2c3d4e5f6a7b8c9d0.Qm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eHF1dXg.ics')).to.equal('/calendar/:token.:token.ics')
  })
})

describe('formatDateTime', () => {
  it('shows London time on both sides of the clock changes', () => {
    // 29 March 2026: clocks go forward at 01:00 UTC. 25 October 2026: back at 01:00 UTC.
    expect(formatDateTime(new Date('2026-03-28T09:30:00Z'))).to.equal('Saturday 28 March 2026 at 9:30am')
    expect(formatDateTime(new Date('2026-03-30T08:30:00Z'))).to.equal('Monday 30 March 2026 at 9:30am')
    expect(formatDateTime(new Date('2026-10-26T09:30:00Z'))).to.equal('Monday 26 October 2026 at 9:30am')
  })
})
