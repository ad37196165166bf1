import { expect } from 'chai'
import {
  declinedEmail,
  organizerFrom,
  proposalEmail,
  reminderEmails,
  sessionInviteEmails,
} from '../../server/shadowing/session-emails'
import { readWithIcalJs } from './calendar/read-ics'
import { bedMeetingMail, dara, mina } from '../support/session-mail'

const ctx = bedMeetingMail()
const link = 'http://tandem.test/shadowing/6650a1b2c3d4e5f6a7b8c9d0'
const when = 'When: Monday 30 March 2026, 9:30am to 10:30am (UK time)'

describe('shadowing session emails', () => {
  it('sends each partner their own invitation, with them as the attendee and the programme mailbox as organiser', () => {
    const emails = sessionInviteEmails('invite', ctx)
    expect(emails.map(e => e.to)).to.deep.equal(['mina@example.nhs.uk', 'dara@example.nhs.uk'])
    expect(emails.map(e => e.dedupeKey)).to.deep.equal([
      'shadowing:6650a1b2c3d4e5f6a7b8c9d0:seq0:manager-1',
      'shadowing:6650a1b2c3d4e5f6a7b8c9d0:seq0:doctor-1',
    ])
    for (const [email, person] of [
      [emails[0]!, mina],
      [emails[1]!, dara],
    ] as const) {
      expect(email.subject).to.equal('Shadowing: Bed meeting — Dara Okafor shadows Mina Shah')
      expect(email.icalEvent?.method).to.equal('REQUEST')
      const calendar = readWithIcalJs(email.icalEvent!.content)
      expect(calendar.method).to.equal('REQUEST')
      const event = calendar.events[0]!
      expect(event.attendees.map(a => a.email)).to.deep.equal([person.email])
      expect(event.attendees[0]!.params.CN).to.equal(person.name)
      expect(event.organizer?.email).to.equal('tandem@trust.nhs.uk')
      expect(event).to.include({
        uid: 'shadowing-p1@tandem',
        sequence: 0,
        summary: email.subject,
        location: 'Site office',
        url: link,
      })
      expect(event.stamp.toISOString()).to.equal('2026-03-20T12:00:00.000Z')
      expect(event.start.toISOString()).to.equal('2026-03-30T08:30:00.000Z')
      expect(event.description).to.equal(
        `Dara Okafor (doctor) shadows Mina Shah (manager): Bed meeting.\nWhere: Site office\nThe session in Tandem: ${link}`,
      )
      expect(email.text).to.contain('Your shadowing session is confirmed.')
      expect(email.text).to.contain(
        `What: Bed meeting\nWho: Dara Okafor shadows Mina Shah\n${when}\nWhere: Site office`,
      )
      expect(email.text).to.contain(link)
    }
    expect(emails[0]!.text).to.match(/^Hello Mina Shah,/)
    expect(emails[0]!.text).to.contain('Dara Okafor (doctor) will shadow you.')
    expect(emails[1]!.text).to.contain('You will shadow Mina Shah (manager).')
  })

  it('sends an update to the same event, one SEQUENCE on, with the new time and the reason', () => {
    const moved = {
      ...ctx,
      session: {
        ...ctx.session,
        sequence: 1,
        revision: 3,
        start: new Date('2026-04-07T12:00:00Z'),
        end: new Date('2026-04-07T13:30:00Z'),
        reason: 'Clinic overran',
      },
      now: new Date('2026-03-25T16:05:00Z'),
    }
    const emails = sessionInviteEmails('update', moved)
    expect(emails.map(e => e.subject)).to.deep.equal([
      'Updated: Shadowing: Bed meeting — Dara Okafor shadows Mina Shah',
      'Updated: Shadowing: Bed meeting — Dara Okafor shadows Mina Shah',
    ])
    expect(emails[1]!.dedupeKey).to.equal('shadowing:6650a1b2c3d4e5f6a7b8c9d0:seq1:doctor-1')
    expect(emails[1]!.text).to.contain('The reason given: Clinic overran')
    expect(emails[1]!.text).to.contain('When: Tuesday 7 April 2026, 1pm to 2:30pm (UK time)')
    const event = readWithIcalJs(emails[1]!.icalEvent!.content).events[0]!
    expect(emails[1]!.icalEvent?.method).to.equal('REQUEST')
    expect(event).to.include({ uid: 'shadowing-p1@tandem', sequence: 1 })
    expect(event.stamp.toISOString()).to.equal('2026-03-25T16:05:00.000Z')
    expect(event.start.toISOString()).to.equal('2026-04-07T12:00:00.000Z')
    expect(event.description).to.contain('Reason for the change: Clinic overran')
  })

  it('sends a cancellation of the same event at its original time', () => {
    const cancelled = { ...ctx, session: { ...ctx.session, sequence: 1, reason: 'Bed meeting stood down' } }
    const emails = sessionInviteEmails('cancel', cancelled)
    expect(emails.map(e => e.subject)).to.deep.equal([
      'Cancelled: Shadowing: Bed meeting — Dara Okafor shadows Mina Shah',
      'Cancelled: Shadowing: Bed meeting — Dara Okafor shadows Mina Shah',
    ])
    expect(emails[0]!.text).to.contain('Your shadowing session has been cancelled.')
    expect(emails[0]!.text).to.contain('The reason given: Bed meeting stood down')
    expect(emails[0]!.text).to.contain(when)
    const calendar = readWithIcalJs(emails[0]!.icalEvent!.content)
    expect(emails[0]!.icalEvent?.method).to.equal('CANCEL')
    expect(calendar.method).to.equal('CANCEL')
    expect(calendar.events[0]).to.include({ uid: 'shadowing-p1@tandem', sequence: 1, status: 'CANCELLED' })
    expect(calendar.events[0]!.start.toISOString()).to.equal('2026-03-30T08:30:00.000Z')
  })

  it('says who shadows whom the other way round when the manager shadows the doctor', () => {
    const ward = {
      ...ctx,
      session: { ...ctx.session, activity: 'Ward round', direction: 'manager-shadows-doctor' as const },
      host: dara,
      guest: mina,
    }
    const [toDara, toMina] = sessionInviteEmails('invite', ward)
    expect(toDara!.subject).to.equal('Shadowing: Ward round — Mina Shah shadows Dara Okafor')
    expect(toDara!.text).to.contain('Mina Shah (manager) will shadow you.')
    expect(toMina!.text).to.contain('You will shadow Dara Okafor (doctor).')
  })

  it('escapes what people typed in the HTML part, and makes the link clickable', () => {
    const risky = {
      ...ctx,
      session: {
        ...ctx.session,
        activity: 'Bed <b>meeting</b> & handover',
        location: '<script>alert(1)</script>',
      },
    }
    const [email] = sessionInviteEmails('invite', risky)
    expect(email!.html).to.contain('Bed &lt;b&gt;meeting&lt;/b&gt; &amp; handover')
    expect(email!.html).to.contain('&lt;script&gt;')
    expect(email!.html).not.to.contain('<script>')
    expect(email!.html).to.contain(`<a href="${link}">${link}</a>`)
  })

  it('asks the other partner to answer a proposal, with the one-click link, the app link and any flagged problems', () => {
    const email = proposalEmail({
      ...ctx,
      proposer: dara,
      respondent: mina,
      respondLink: 'http://tandem.test/shadowing/respond/abc',
      flags: ['Mina Shah is not usually available then'],
    })
    expect(email.to).to.equal('mina@example.nhs.uk')
    expect(email.subject).to.equal(
      'Dara Okafor proposes shadowing: Bed meeting, Monday 30 March 2026, 9:30am to 10:30am',
    )
    expect(email.dedupeKey).to.equal('shadowing-proposal:6650a1b2c3d4e5f6a7b8c9d0:1')
    expect(email.icalEvent).to.equal(undefined)
    expect(email.text).to.contain(
      'Dara Okafor has proposed a shadowing session. Dara Okafor (doctor) will shadow you.',
    )
    expect(email.text).to.contain(when)
    expect(email.text).to.contain(
      'Dara Okafor chose this time knowing that:\n- Mina Shah is not usually available then',
    )
    expect(email.text).to.contain(
      'You do not need to sign in, and the link works once:\nhttp://tandem.test/shadowing/respond/abc',
    )
    expect(email.text).to.contain(`Or answer in Tandem:\n${link}`)
    const plain = proposalEmail({
      ...ctx,
      proposer: dara,
      respondent: mina,
      respondLink: 'http://tandem.test/shadowing/respond/abc',
      flags: [],
    })
    expect(plain.text).not.to.contain('knowing that')
  })

  it('tells the proposer when the partner declines, with their reason', () => {
    const email = declinedEmail({
      ...ctx,
      session: { ...ctx.session, reason: 'On nights that week' },
      proposer: dara,
      respondent: mina,
    })
    expect(email.to).to.equal('dara@example.nhs.uk')
    expect(email.subject).to.equal(
      'Mina Shah declined shadowing: Bed meeting, Monday 30 March 2026, 9:30am to 10:30am',
    )
    expect(email.dedupeKey).to.equal('shadowing-declined:6650a1b2c3d4e5f6a7b8c9d0')
    expect(email.text).to.contain('Mina Shah has declined the shadowing session you proposed.')
    expect(email.text).to.contain('The reason given: On nights that week')
    expect(email.icalEvent).to.equal(undefined)
  })

  it('reminds each partner the day before, without a calendar part, once per start time', () => {
    const emails = reminderEmails(ctx)
    expect(emails.map(e => [e.to, e.subject, e.dedupeKey])).to.deep.equal([
      [
        'mina@example.nhs.uk',
        'Reminder: Shadowing: Bed meeting — Dara Okafor shadows Mina Shah',
        'shadowing-reminder:6650a1b2c3d4e5f6a7b8c9d0:2026-03-30T08:30:00.000Z:manager-1',
      ],
      [
        'dara@example.nhs.uk',
        'Reminder: Shadowing: Bed meeting — Dara Okafor shadows Mina Shah',
        'shadowing-reminder:6650a1b2c3d4e5f6a7b8c9d0:2026-03-30T08:30:00.000Z:doctor-1',
      ],
    ])
    expect(emails.every(e => e.icalEvent === undefined)).to.equal(true)
    expect(emails[1]!.text).to.contain(
      'A reminder of your shadowing session, Monday 30 March 2026, 9:30am to 10:30am. You will shadow Mina Shah (manager).',
    )
  })

  it('reads the organiser from MAIL_FROM, named or bare', () => {
    expect(organizerFrom('Tandem <tandem@trust.nhs.uk>')).to.deep.equal({
      name: 'Tandem',
      email: 'tandem@trust.nhs.uk',
    })
    expect(organizerFrom('"Tandem, North Trust" <tandem@north.nhs.uk>')).to.deep.equal({
      name: 'Tandem, North Trust',
      email: 'tandem@north.nhs.uk',
    })
    expect(organizerFrom('tandem@trust.nhs.uk')).to.deep.equal({
      name: 'Tandem',
      email: 'tandem@trust.nhs.uk',
    })
    expect(() => organizerFrom('Tandem')).to.throw(/no email address/)
  })
})
