import { expect } from 'chai'
import { classifyFailure, retryDelayMs } from '../../server/mail/delivery-failure'

// Shaped like nodemailer's errors: `code` from nodemailer or the socket, `responseCode` from the SMTP reply.
const smtpError = (responseCode: number, code = 'EMESSAGE') =>
  Object.assign(new Error('refused'), {
    code,
    responseCode,
    response: `${responseCode} refused for person@example.nhs.uk`,
  })

describe('classifying a failed send', () => {
  it('gives up at once on an SMTP 5xx reply, at DATA or at RCPT', () => {
    expect(classifyFailure(smtpError(550)).permanent).to.equal(true)
    expect(classifyFailure(smtpError(553, 'EENVELOPE')).permanent).to.equal(true)
  })

  it('retries an SMTP 4xx reply', () => {
    expect(classifyFailure(smtpError(451)).permanent).to.equal(false)
    expect(classifyFailure(smtpError(421, 'EENVELOPE')).permanent).to.equal(false)
  })

  it('retries network trouble: refused connections, timeouts, DNS', () => {
    for (const code of ['ECONNREFUSED', 'ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS']) {
      expect(classifyFailure(Object.assign(new Error('down'), { code })).permanent, code).to.equal(false)
    }
  })

  it('retries our own set-up failures even with a 5xx, so fixing the setting saves the outbox', () => {
    expect(classifyFailure(smtpError(535, 'EAUTH')).permanent).to.equal(false)
  })

  it('gives up on a malformed envelope the server never saw', () => {
    expect(
      classifyFailure(Object.assign(new Error('No recipients defined'), { code: 'EENVELOPE' })).permanent,
    ).to.equal(true)
  })

  it('logs a code, never the reply text (which may quote the address)', () => {
    const failure = classifyFailure(smtpError(550))
    expect(failure.code).to.equal(550)
    expect(failure.summary).to.match(/^550 /)
  })

  it('copes with things that are not errors', () => {
    expect(classifyFailure('boom')).to.deep.include({ permanent: false, code: 'ERROR' })
    expect(classifyFailure(null).permanent).to.equal(false)
  })
})

describe('retry delay', () => {
  it('doubles from the base with each attempt and stops at the cap', () => {
    expect([1, 2, 3, 4].map(n => retryDelayMs(n, 1000, 60_000))).to.deep.equal([1000, 2000, 4000, 8000])
    expect(retryDelayMs(30, 1000, 60_000)).to.equal(60_000)
  })
})
