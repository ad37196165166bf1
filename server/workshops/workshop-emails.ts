// The emails of workshops, as outbox rows, one per recipient: a calendar
// invitation when a place is confirmed (then its updates and its
// cancellation), with the recipient as the ATTENDEE of their own event; the
// waitlist, a late offer to confirm, the reminder a day before, a partner's
// prompt and the lead's announcement of a series. Pure functions: the caller
// writes them to the outbox. Plain text first; the HTML says the same.
import { inviteIcs } from '../calendar/invite-ics'
import { emailFromText } from '../mail/email-html'
import type { OutgoingEmail } from '../mail/outbox.service'
import { londonLabel } from '../scheduling/london-time'
import type { MailPerson } from '../shadowing/session-emails'
import { workshopDescription, workshopLink, workshopLocation, workshopSummary, type CalendarWorkshop } from './workshop-calendar-event'

export type WorkshopMailContext = {
  workshop: CalendarWorkshop
  person: MailPerson
  organizer: { name: string; email: string }
  baseUrl: string
  now: Date
}

/** Why a calendar email is sent: its first paragraph. */
export type PlaceNews = 'registered' | 'promoted' | 'offer-accepted' | 'changed' | 'cancelled-by-you' | 'workshop-cancelled' | 'moved-to-waitlist'

const opening: Record<PlaceNews, string> = {
  registered: 'Your place is confirmed. The calendar invitation is in this email: accept it to add the workshop to your calendar.',
  promoted: 'A place came up and it is yours: you were first on the waitlist. The calendar invitation is in this email: accept it to add the workshop to your calendar.',
  'offer-accepted': 'Thank you for confirming: the place is yours. The calendar invitation is in this email: accept it to add the workshop to your calendar.',
  changed: 'The workshop has changed. The details below are the new ones, and the calendar invitation in this email updates the event in your calendar.',
  'cancelled-by-you': 'You have cancelled your place. The cancellation in this email removes the workshop from your calendar. You can register again while places are left.',
  'workshop-cancelled': 'The workshop has been cancelled. The cancellation in this email removes it from your calendar.',
  'moved-to-waitlist':
    'The programme lead has had to reduce the number of places, and you have been moved to the waitlist, near the front. The cancellation in this email removes the workshop from your calendar; if a place comes up, you will be emailed at once.',
}

const nameOf = (person: { name: string; email: string }) => person.name || person.email

/** What, when, where and who runs it, one line each. */
function details(workshop: CalendarWorkshop): string {
  return [
    `What: ${workshopSummary(workshop)}`,
    `When: ${londonLabel(workshop.start, workshop.end)} (UK time)`,
    `Where: ${workshopLocation(workshop) || 'to be confirmed'}`,
    ...(workshop.facilitators.length ? [`Run by: ${workshop.facilitators.join(', ')}`] : []),
  ].join('\n')
}

function email(to: MailPerson, subject: string, paragraphs: string[], dedupeKey: string, icalEvent?: OutgoingEmail['icalEvent']): OutgoingEmail {
  const text = [`Hello ${nameOf(to)},`, ...paragraphs].join('\n\n')
  return { to: to.email, ...emailFromText(subject, text), dedupeKey, ...(icalEvent ? { icalEvent } : {}) }
}

const link = (ctx: WorkshopMailContext) => workshopLink(ctx.baseUrl, ctx.workshop.id)

/** The dedupe key of a person's calendar email at a SEQUENCE: one email per version of their event. */
export const placeEmailKey = (workshopId: string, userId: string, sequence: number) => `workshop:${workshopId}:${userId}:seq${sequence}`

/**
 * An invitation (REQUEST) or its cancellation (CANCEL) for the person's own event,
 * at their SEQUENCE (the workshop's plus their registration's). Subjects start
 * "Updated:" or "Cancelled:" as for shadowing.
 */
export function placeEmail(news: PlaceNews, ctx: WorkshopMailContext, event: { uid: string; sequence: number; reason?: string }): OutgoingEmail {
  const { workshop, person } = ctx
  const cancelling = news === 'cancelled-by-you' || news === 'workshop-cancelled' || news === 'moved-to-waitlist'
  const method = cancelling ? 'CANCEL' : 'REQUEST'
  const reason = (event.reason ?? '').trim()
  const summary = workshopSummary(workshop)
  const content = inviteIcs({
    uid: event.uid,
    sequence: event.sequence,
    method,
    start: workshop.start,
    end: workshop.end,
    summary,
    description: workshopDescription(workshop, ctx.baseUrl, reason),
    location: workshopLocation(workshop),
    url: link(ctx),
    organizer: ctx.organizer,
    attendee: { name: nameOf(person), email: person.email },
    stamp: ctx.now,
  })
  const prefix = cancelling ? 'Cancelled: ' : news === 'changed' ? 'Updated: ' : ''
  return email(
    person,
    `${prefix}${summary}`,
    [opening[news], ...(reason ? [`The reason given: ${reason}`] : []), details(workshop), `The workshop in Tandem:\n${link(ctx)}`],
    placeEmailKey(workshop.id, person.id, event.sequence),
    { method, content, filename: cancelling ? 'cancel.ics' : 'invite.ics' },
  )
}

/** On joining the waitlist: once per registration (its arrival names it). */
export function waitlistedEmail(ctx: WorkshopMailContext, arrival: string): OutgoingEmail {
  return email(
    ctx.person,
    `On the waitlist: ${workshopSummary(ctx.workshop)}`,
    [
      'The workshop is full, so you are on its waitlist. Places go to the waitlist in the order people joined it. If a place comes up, it is yours automatically and you will be emailed a calendar invitation; if it comes up less than a day before the start, you will be asked to confirm.',
      details(ctx.workshop),
      `Your place on the waitlist, or to leave it:\n${link(ctx)}`,
    ],
    `workshop-waitlisted:${ctx.workshop.id}:${ctx.person.id}:${arrival}`,
  )
}

/** A place came up less than a day before the start: confirm by the link before it passes on. */
export function offerEmail(ctx: WorkshopMailContext, offer: { expiresAt: Date; link: string; revision: number }): OutgoingEmail {
  const by = londonLabel(offer.expiresAt, offer.expiresAt).replace(/ to .*$/, '')
  return email(
    ctx.person,
    `A place has come up: ${workshopSummary(ctx.workshop)} — confirm by ${by}`,
    [
      `A place has come up at the workshop and you are first on the waitlist. Because it starts soon, we need you to confirm that you can come. If you do not confirm by ${by} (UK time), the place goes to the next person.`,
      details(ctx.workshop),
      `To take the place, or to let it go, open this link. You do not need to sign in:\n${offer.link}`,
      `Or answer in Tandem:\n${link(ctx)}`,
    ],
    `workshop-offer:${ctx.workshop.id}:${ctx.person.id}:${offer.revision}`,
  )
}

/** The offer was not confirmed in time and the place has passed on. */
export function offerExpiredEmail(ctx: WorkshopMailContext, revision: number): OutgoingEmail {
  return email(
    ctx.person,
    `Place passed on: ${workshopSummary(ctx.workshop)}`,
    [
      'The place we offered you was not confirmed in time, so it has gone to the next person on the waitlist, and you are no longer on it. If you can still come, register again: you will join the waitlist at the back.',
      details(ctx.workshop),
      `The workshop in Tandem:\n${link(ctx)}`,
    ],
    `workshop-offer-expired:${ctx.workshop.id}:${ctx.person.id}:${revision}`,
  )
}

/** To people on the waitlist or holding an offer when the lead cancels the workshop (nothing is in their calendars). */
export function workshopCancelledNote(ctx: WorkshopMailContext, reason: string): OutgoingEmail {
  return email(
    ctx.person,
    `Cancelled: ${workshopSummary(ctx.workshop)}`,
    ['The workshop you were waiting for a place at has been cancelled.', ...(reason ? [`The reason given: ${reason}`] : []), details(ctx.workshop)],
    `workshop-cancelled:${ctx.workshop.id}:${ctx.person.id}`,
  )
}

/** A day before, to each person with a confirmed place: no calendar part (the event is already in their calendar). */
export function workshopReminderEmail(ctx: WorkshopMailContext): OutgoingEmail {
  return email(
    ctx.person,
    `Reminder: ${workshopSummary(ctx.workshop)}`,
    [
      `A reminder of your workshop, ${londonLabel(ctx.workshop.start, ctx.workshop.end)}.`,
      details(ctx.workshop),
      `If you can no longer come, please cancel your place so that someone on the waitlist can have it:\n${link(ctx)}`,
    ],
    `workshop-reminder:${ctx.workshop.id}:${ctx.workshop.start.toISOString()}:${ctx.person.id}`,
  )
}

/** To a partner: the other has registered and would like them to come too; they must register themselves. */
export function partnerPromptEmail(ctx: WorkshopMailContext, partner: MailPerson): OutgoingEmail {
  return email(
    ctx.person,
    `${nameOf(partner)} asks you to come to ${workshopSummary(ctx.workshop)}`,
    [
      `${nameOf(partner)} has registered for this workshop and would like you, as their partner, to come too. You are not registered until you register yourself.`,
      details(ctx.workshop),
      `To register, or to see if places are left:\n${link(ctx)}`,
    ],
    `workshop-partner:${ctx.workshop.id}:${ctx.person.id}:${partner.id}`,
  )
}

/** The lead announces a series to everyone in the cohort: once per person per series. */
export function seriesInviteEmail(ctx: {
  series: { id: string; title: string; description: string }
  cohortName: string
  sessions: CalendarWorkshop[]
  person: MailPerson
  baseUrl: string
}): OutgoingEmail {
  const listed = ctx.sessions.map(s => `- ${workshopSummary(s)}: ${londonLabel(s.start, s.end)}${workshopLocation(s) ? `, ${workshopLocation(s)}` : ''}`)
  return email(
    ctx.person,
    `Workshops for ${ctx.cohortName}: ${ctx.series.title}`,
    [
      `You are invited to ${ctx.series.title}, a series of workshops for ${ctx.cohortName}.`,
      ...(ctx.series.description ? [ctx.series.description] : []),
      ...(listed.length ? [`The sessions:\n${listed.join('\n')}`] : []),
      `Places are limited. To register, sign in to Tandem:\n${ctx.baseUrl}/workshops`,
    ],
    `workshop-series-invite:${ctx.series.id}:${ctx.person.id}`,
  )
}
