import { expect } from 'chai'
import { Claim } from '../../../models/claim'
import { OutboxMessage } from '../../../models/outbox-message'
import { fixedClock } from '../../../server/clock'
import { NotFoundError } from '../../../server/errors'
import { createOutboxWorker, outboxMessageId } from '../../../server/mail/outbox-worker'
import { createOutbox, type OutgoingEmail } from '../../../server/mail/outbox.service'
import { createTransport, type MailTransport } from '../../../server/mail/transport'
import { startSmtpServer, type TestSmtpServer } from '../../support/smtp-server'

const email = (n: number, extra: Partial<OutgoingEmail> = {}): OutgoingEmail => ({
  to: `person${n}@example.nhs.uk`,
  subject: `Message ${n}`,
  text: `Hello ${n}`,
  dedupeKey: `test:${n}`,
  ...extra,
})

describe('mail outbox', () => {
  let smtp: TestSmtpServer
  let transport: MailTransport
  const clock = fixedClock(new Date('2026-11-23T09:00:00Z'))
  const outbox = createOutbox({ clock })
  const worker = (id = 'w1') =>
    createOutboxWorker({
      transport,
      from: 'Tandem <tandem@example.nhs.uk>',
      clock,
      workerId: id,
      baseBackoffMs: 1000,
      maxAttempts: 4,
    })

  before(async () => {
    smtp = await startSmtpServer()
  })
  beforeEach(async () => {
    clock.set(new Date('2026-11-23T09:00:00Z'))
    smtp.clear()
    await smtp.start() // again, after a test that stopped it
    // A transport per test, without pooling surprises between server restarts.
    transport = createTransport(smtp.url)!
  })
  afterEach(() => transport.close())
  after(async () => {
    await smtp.stop()
  })

  it('writes one row for one dedupe key, however often it is asked', async () => {
    expect(await outbox.enqueue(email(1))).to.deep.equal({ created: true })
    expect(await outbox.enqueue(email(1, { subject: 'Again' }))).to.deep.equal({ created: false })
    expect(await outbox.enqueueMany([email(1), email(2), email(3)])).to.equal(2)
    expect(await OutboxMessage.countDocuments()).to.equal(3)
  })

  it('delivers what piled up while the SMTP server was down, each message exactly once', async () => {
    for (let n = 0; n < 5; n += 1) await outbox.enqueue(email(n))
    await smtp.stop()
    expect(await worker().runOnce()).to.equal(5)
    const waiting = await OutboxMessage.find().lean()
    expect(waiting.every(row => row.status === 'pending' && row.attempts === 1)).to.equal(true)
    expect(waiting.every(row => row.nextAttemptAt > clock.now())).to.equal(true)
    expect(await worker().runOnce(), 'nothing is due before the backoff').to.equal(0)

    await smtp.start()
    transport.close()
    transport = createTransport(smtp.url)!
    clock.advance(1500)
    expect(await worker().runOnce()).to.equal(5)
    expect(smtp.messages).to.have.length(5)
    expect(new Set(smtp.messages.map(m => m.messageId)).size).to.equal(5)
    expect((await OutboxMessage.find().lean()).every(row => row.status === 'sent' && row.sentAt)).to.equal(
      true,
    )
    clock.advance(60 * 60 * 1000)
    expect(await worker().runOnce()).to.equal(0)
    expect(smtp.messages).to.have.length(5)
  })

  it('marks a permanent refusal (5xx) failed and never retries it', async () => {
    await outbox.enqueue(email(1))
    smtp.rejectNext(550, 'Mailbox unavailable')
    await worker().runOnce()
    const row = await OutboxMessage.findOne().lean()
    expect(row?.status).to.equal('failed')
    expect(row?.lastError).to.match(/^550/)
    clock.advance(24 * 60 * 60 * 1000)
    expect(await worker().runOnce()).to.equal(0)
    expect(smtp.messages).to.have.length(0)
  })

  it('marks a recipient refused at RCPT (5xx) failed', async () => {
    await outbox.enqueue(email(1))
    smtp.rejectNext(550, 'No such user', 'rcpt')
    await worker().runOnce()
    const row = await OutboxMessage.findOne().lean()
    expect(row?.status).to.equal('failed')
    expect(row?.attempts).to.equal(1)
  })

  it('retries a temporary refusal (4xx) later and then delivers', async () => {
    await outbox.enqueue(email(1))
    smtp.rejectNext(451, 'Try again later')
    await worker().runOnce()
    expect((await OutboxMessage.findOne().lean())?.status).to.equal('pending')
    clock.advance(1500)
    await worker().runOnce()
    expect((await OutboxMessage.findOne().lean())?.status).to.equal('sent')
    expect(smtp.messages).to.have.length(1)
  })

  it('gives up after the last attempt', async () => {
    await outbox.enqueue(email(1))
    for (let i = 0; i < 4; i += 1) {
      smtp.rejectNext(421, 'Busy')
      await worker().runOnce()
      clock.advance(60_000)
    }
    const row = await OutboxMessage.findOne().lean()
    expect(row?.status).to.equal('failed')
    expect(row?.attempts).to.equal(4)
  })

  it('sends each row once when two workers run at the same time', async () => {
    await outbox.enqueueMany(Array.from({ length: 30 }, (_, n) => email(n)))
    const [a, b] = await Promise.all([worker('a').runOnce(), worker('b').runOnce()])
    expect(a + b).to.equal(30)
    expect(smtp.messages).to.have.length(30)
    expect(new Set(smtp.messages.map(m => m.messageId)).size).to.equal(30)
  })

  it('takes over a row whose worker died mid-send once its lease runs out', async () => {
    await outbox.enqueue(email(1))
    await OutboxMessage.updateOne(
      {},
      {
        $set: { status: 'sending', leaseOwner: 'dead', leaseUntil: new Date(clock.now().getTime() + 60_000) },
      },
    )
    expect(await worker().runOnce(), 'not while the lease holds').to.equal(0)
    clock.advance(61_000)
    expect(await worker().runOnce()).to.equal(1)
    expect(smtp.messages).to.have.length(1)
  })

  it('takes over a row whose worker died between claiming it and leasing it', async () => {
    await outbox.enqueue(email(1))
    const row = await OutboxMessage.findOne().lean()
    // The dead worker won attempt 1 but never wrote its lease: the row still looks pending.
    await Claim.create({ _id: `outbox:${String(row!._id)}:1`, at: clock.now() })
    expect(await worker().runOnce(), 'not while the claimant may still be writing').to.equal(0)
    clock.advance(2 * 60 * 1000 + 1)
    expect(await worker().runOnce()).to.equal(1)
    expect(smtp.messages).to.have.length(1)
    const sent = await OutboxMessage.findOne().lean()
    expect(sent?.status).to.equal('sent')
    expect(sent?.attempts, 'the abandoned attempt counts').to.equal(2)
  })

  it('forgets old delivery claims without sending anything again', async () => {
    await outbox.enqueue(email(1))
    await worker().runOnce()
    clock.advance(25 * 60 * 60 * 1000)
    expect(await worker().sweepClaims()).to.equal(1)
    expect(await Claim.countDocuments({ _id: /^outbox:/ })).to.equal(0)
    expect(await worker().runOnce()).to.equal(0)
    expect(smtp.messages).to.have.length(1)
  })

  it('polls until stopped, and stop waits for the batch in flight', async () => {
    const polling = createOutboxWorker({
      transport,
      from: 'Tandem <tandem@example.nhs.uk>',
      clock,
      pollMs: 20,
    })
    polling.start()
    await outbox.enqueue(email(1))
    await smtp.waitFor(1, 5000)
    await polling.stop()
    await outbox.enqueue(email(2))
    await new Promise(resolve => setTimeout(resolve, 100))
    expect(smtp.messages).to.have.length(1)
    expect((await OutboxMessage.findOne({ dedupeKey: 'test:1' }).lean())?.status).to.equal('sent')
  })

  it('lists newest first and finds one message by id, treating a malformed id as not found', async () => {
    await outbox.enqueue(email(1))
    await outbox.enqueue(email(2))
    const listed = await outbox.list({ limit: 10 })
    expect(listed.map(m => m.dedupeKey)).to.deep.equal(['test:2', 'test:1'])
    expect((await outbox.get(String(listed[1]!._id))).subject).to.equal('Message 1')
    for (const id of ['nonsense', 'aaaaaaaaaaaa', '0123456789abcdef01234567', undefined]) {
      let error: unknown
      await outbox.get(id).catch(e => (error = e))
      expect(error, String(id)).to.be.instanceOf(NotFoundError)
    }
  })

  it('carries a calendar part whose method matches the invitation', async () => {
    const content = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Tandem//EN',
      'METHOD:REQUEST',
      'BEGIN:VEVENT',
      'UID:test-1@tandem',
      'DTSTAMP:20261123T090000Z',
      'DTSTART:20261201T100000Z',
      'SUMMARY:Bed meeting',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n')
    await outbox.enqueue(email(1, { icalEvent: { method: 'REQUEST', content } }))
    await worker().runOnce()
    const [message] = await smtp.waitFor(1)
    expect(message!.raw).to.match(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i)
    expect(message!.raw).to.contain('BEGIN:VCALENDAR')
    expect(message!.raw).to.contain('METHOD:REQUEST')
    const row = await OutboxMessage.findOne().lean()
    expect(message!.messageId).to.equal(outboxMessageId(row!))
  })
})
