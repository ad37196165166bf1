// The emails of a shadowing session, as outbox rows: the proposal to the
// partner who must answer, the refusal back to the proposer, a calendar
// invitation (then its updates and its cancellation) to each partner with that
// partner as the ATTENDEE, and the reminder a day before. Pure functions: the
// caller writes them to the outbox. Plain text first; the HTML says the same.
import addressparser from 'nodemailer/lib/addressparser'
import { inviteIcs } from '../calendar/invite-ics'
import { emailFromText } from '../mail/email-html'
import type { OutgoingEmail } from '../mail/outbox.service'
import { londonLabel } from '../scheduling/london-time'
import { rolesOf, sessionDescription, sessionLink, sessionSummary } from './session-calendar-event'

export type MailPerson = { id: string; name: string; email: string }
export type MailSession = {
  id: string
  uid: string
  sequence: number
  revision: number
  start: Date
  end: Date
  activity: string
  location: string
  direction: 'doctor-shadows-manager' | 'manager-shadows-doctor'
  reason?: string
}
export type SessionMailContext = {
  session: MailSession
  host: MailPerson
  guest: MailPerson
  organizer: { name: string; email: string }
  baseUrl: string
  now: Date
}

type InviteKind = 'invite' | 'update' | 'cancel'

const opening: Record<InviteKind, string> = {
  invite:
    'Your shadowing session is confirmed. The calendar invitation is in this email: accept it to add the session to your calendar.',
  update:
    'Your shadowing session has changed. The details below are the new ones, and the calendar invitation in this email updates the event in your calendar.',
  cancel:
    'Your shadowing session has been cancelled. The cancellation in this email removes the event from your calendar.',
}
const subjectPrefix: Record<InviteKind, string> = { invite: '', update: 'Updated: ', cancel: 'Cancelled: ' }

const nameOf = (person: { name: string; email: string }) => person.name || person.email

/** The person's part in the session, in their own words: "You will shadow …" or "… will shadow you". */
function yourPart(ctx: SessionMailContext, person: MailPerson): string {
  const roles = rolesOf(ctx.session.direction)
  return person.id === ctx.host.id
    ? `${nameOf(ctx.guest)} (${roles.guest}) will shadow you.`
    : `You will shadow ${nameOf(ctx.host)} (${roles.host}).`
}

/** What, who, when and where, one line each. */
function details(ctx: SessionMailContext): string {
  const { session } = ctx
  return [
    `What: ${session.activity}`,
    `Who: ${nameOf(ctx.guest)} shadows ${nameOf(ctx.host)}`,
    `When: ${londonLabel(session.start, session.end)} (UK time)`,
    `Where: ${session.location || 'to be agreed between you'}`,
  ].join('\n')
}

const people = (ctx: SessionMailContext) => ({
  host: { name: nameOf(ctx.host) },
  guest: { name: nameOf(ctx.guest) },
})

function email(
  to: MailPerson,
  subject: string,
  paragraphs: string[],
  dedupeKey: string,
  icalEvent?: OutgoingEmail['icalEvent'],
): OutgoingEmail {
  const text = [`Hello ${nameOf(to)},`, ...paragraphs].join('\n\n')
  return { to: to.email, ...emailFromText(subject, text), dedupeKey, ...(icalEvent ? { icalEvent } : {}) }
}

/** One invite/update/cancel per partner (host and guest), each with its calendar part; the recipient is the ATTENDEE. */
export function sessionInviteEmails(kind: InviteKind, ctx: SessionMailContext): OutgoingEmail[] {
  const { session } = ctx
  const summary = sessionSummary(session, people(ctx))
  const reason = kind === 'invite' ? '' : (session.reason ?? '').trim()
  const method = kind === 'cancel' ? 'CANCEL' : 'REQUEST'
  return [ctx.host, ctx.guest].map(person => {
    const content = inviteIcs({
      uid: session.uid,
      sequence: session.sequence,
      method,
      start: session.start,
      end: session.end,
      summary,
      description: sessionDescription(session, people(ctx), ctx.baseUrl, reason),
      location: session.location,
      url: sessionLink(ctx.baseUrl, session.id),
      organizer: ctx.organizer,
      attendee: { name: nameOf(person), email: person.email },
      stamp: ctx.now,
    })
    return email(
      person,
      `${subjectPrefix[kind]}${summary}`,
      [
        opening[kind],
        ...(reason ? [`The reason given: ${reason}`] : []),
        yourPart(ctx, person),
        details(ctx),
        `The session in Tandem:\n${sessionLink(ctx.baseUrl, session.id)}`,
      ],
      `shadowing:${session.id}:seq${session.sequence}:${person.id}`,
      { method, content, filename: kind === 'cancel' ? 'cancel.ics' : 'invite.ics' },
    )
  })
}

/** To the partner who must answer: what was proposed, any availability problems, and the links to answer. */
export function proposalEmail(
  ctx: SessionMailContext & {
    proposer: MailPerson
    respondent: MailPerson
    respondLink: string
    flags: string[]
  },
): OutgoingEmail {
  const { session } = ctx
  return email(
    ctx.respondent,
    `${nameOf(ctx.proposer)} proposes shadowing: ${session.activity}, ${londonLabel(session.start, session.end)}`,
    [
      `${nameOf(ctx.proposer)} has proposed a shadowing session. ${yourPart(ctx, ctx.respondent)}`,
      details(ctx),
      ...(ctx.flags.length
        ? [
            `${nameOf(ctx.proposer)} chose this time knowing that:\n${ctx.flags.map(flag => `- ${flag}`).join('\n')}`,
          ]
        : []),
      `To accept or decline, open this link. You do not need to sign in, and the link works once:\n${ctx.respondLink}`,
      `Or answer in Tandem:\n${sessionLink(ctx.baseUrl, session.id)}`,
    ],
    `shadowing-proposal:${session.id}:${session.revision}`,
  )
}

/** To the proposer when the partner declines. */
export function declinedEmail(
  ctx: SessionMailContext & { proposer: MailPerson; respondent: MailPerson },
): OutgoingEmail {
  const { session } = ctx
  const reason = (session.reason ?? '').trim()
  return email(
    ctx.proposer,
    `${nameOf(ctx.respondent)} declined shadowing: ${session.activity}, ${londonLabel(session.start, session.end)}`,
    [
      `${nameOf(ctx.respondent)} has declined the shadowing session you proposed.`,
      ...(reason ? [`The reason given: ${reason}`] : []),
      details(ctx),
      `You can propose another time from your pair page in Tandem. The session:\n${sessionLink(ctx.baseUrl, session.id)}`,
    ],
    `shadowing-declined:${session.id}`,
  )
}

/** A day before: one email per partner, no calendar part (the event is already in their calendars). */
export function reminderEmails(ctx: SessionMailContext): OutgoingEmail[] {
  const { session } = ctx
  const summary = sessionSummary(session, people(ctx))
  return [ctx.host, ctx.guest].map(person =>
    email(
      person,
      `Reminder: ${summary}`,
      [
        `A reminder of your shadowing session, ${londonLabel(session.start, session.end)}. ${yourPart(ctx, person)}`,
        details(ctx),
        `The session in Tandem, where you can also reschedule or cancel it:\n${sessionLink(ctx.baseUrl, session.id)}`,
      ],
      `shadowing-reminder:${session.id}:${session.start.toISOString()}:${person.id}`,
    ),
  )
}

/** The programme mailbox as ORGANIZER, from MAIL_FROM ("Tandem <tandem@trust.nhs.uk>" or a bare address). */
export function organizerFrom(mailFrom: string): { name: string; email: string } {
  const [first] = addressparser(mailFrom, { flatten: true })
  if (!first?.address.includes('@')) throw new RangeError(`MAIL_FROM has no email address: "${mailFrom}"`)
  return { name: first.name || 'Tandem', email: first.address }
}
