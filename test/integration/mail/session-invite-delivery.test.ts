import { expect } from 'chai'
import type { Attachment } from 'mailparser'
import { createOutboxWorker } from '../../../server/mail/outbox-worker'
import { createOutbox } from '../../../server/mail/outbox.service'
import { createTransport, type MailTransport } from '../../../server/mail/transport'
import { fixedClock } from '../../../server/clock'
import {
  organizerFrom,
  sessionInviteEmails,
} from '../../../server/shadowing/session-emails'
import { startSmtpServer, type TestSmtpServer } from '../../support/smtp-server'
import { readWithIcalJs } from '../../unit/calendar/read-ics'
import { bedMeetingMail } from '../../support/session-mail'

const MAIL_FROM = 'Tandem <tandem@trust.nhs.uk>'

/** Every part a calendar would pick up: text/calendar, application/ics or an .ics file. */
const calendarParts = (attachments: Attachment[]) =>
  attachments.filter(
    a => /^(text\/calendar|application\/ics)/i.test(a.contentType) || /\.ics$/i.test(a.filename ?? ''),
  )

/** The method parameter of a part's Content-Type. */
function methodParameter(part: Attachment): string | undefined {
  const header = part.headers.get('content-type') as { params?: Record<string, string> } | undefined
  return header?.params?.method
}

describe('shadowing invitations through the outbox and a real SMTP server', () => {
  let smtp: TestSmtpServer
  let transport: MailTransport
  const clock = fixedClock(new Date('2026-03-20T12:00:00Z'))
  const outbox = createOutbox({ clock })

  const ctx = bedMeetingMail({ organizer: organizerFrom(MAIL_FROM), now: clock.now() })

  before(async () => {
    smtp = await startSmtpServer()
    transport = createTransport(smtp.url)!
  })
  after(async () => {
    transport.close()
    await smtp.stop()
  })

  it('delivers invite, update and cancellation each with exactly one calendar part, its method that of the METHOD inside, from the organiser', async () => {
    const moved = {
      ...ctx.session,
      sequence: 1,
      start: new Date('2026-04-07T12:00:00Z'),
      end: new Date('2026-04-07T13:00:00Z'),
      reason: 'Clinic overran',
    }
    await outbox.enqueueMany(sessionInviteEmails('invite', ctx))
    await outbox.enqueueMany(
      sessionInviteEmails('update', { ...ctx, session: moved, now: new Date('2026-03-25T09:00:00Z') }),
    )
    await outbox.enqueueMany(
      sessionInviteEmails('cancel', {
        ...ctx,
        session: { ...moved, sequence: 2, reason: 'Bed meeting stood down' },
        now: new Date('2026-03-26T09:00:00Z'),
      }),
    )

    const worker = createOutboxWorker({ transport, from: MAIL_FROM, clock })
    expect(await worker.runOnce()).to.equal(6)
    const messages = await smtp.waitFor(6)

    const seen = messages.map(message => {
      const { parsed } = message
      const parts = calendarParts(parsed.attachments)
      expect(parts, `${message.subject}: one calendar payload, no second attachment`).to.have.length(1)
      expect(parsed.attachments, 'nothing else attached').to.have.length(1)
      const part = parts[0]!
      expect(part.contentType).to.equal('text/calendar')
      const calendar = readWithIcalJs(part.content.toString('utf8'))
      expect(methodParameter(part), message.subject).to.equal(calendar.method)
      const event = calendar.events[0]!
      const from = parsed.from?.value[0]?.address
      expect(from).to.equal('tandem@trust.nhs.uk')
      expect(event.organizer?.email).to.equal(from)
      expect(event.attendees.map(a => a.email)).to.deep.equal([message.to])
      expect(parsed.text).to.contain('http://tandem.test/shadowing/6650a1b2c3d4e5f6a7b8c9d0')
      expect(parsed.html).to.contain('<a href="http://tandem.test/shadowing/6650a1b2c3d4e5f6a7b8c9d0">')
      return [
        message.to,
        message.subject.split(':')[0],
        calendar.method,
        event.uid,
        event.sequence,
        event.status,
      ]
    })
    const sorted = seen.sort(
      (a, b) => String(a[0]).localeCompare(String(b[0])) || Number(a[4]) - Number(b[4]),
    )
    expect(sorted).to.deep.equal([
      ['dara@example.nhs.uk', 'Shadowing', 'REQUEST', 'shadowing-p1@tandem', 0, 'CONFIRMED'],
      ['dara@example.nhs.uk', 'Updated', 'REQUEST', 'shadowing-p1@tandem', 1, 'CONFIRMED'],
      ['dara@example.nhs.uk', 'Cancelled', 'CANCEL', 'shadowing-p1@tandem', 2, 'CANCELLED'],
      ['mina@example.nhs.uk', 'Shadowing', 'REQUEST', 'shadowing-p1@tandem', 0, 'CONFIRMED'],
      ['mina@example.nhs.uk', 'Updated', 'REQUEST', 'shadowing-p1@tandem', 1, 'CONFIRMED'],
      ['mina@example.nhs.uk', 'Cancelled', 'CANCEL', 'shadowing-p1@tandem', 2, 'CANCELLED'],
    ])
  })
})
