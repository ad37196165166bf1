// Booking shadowing: propose, accept or decline (in the app or by the link in
// the email), reschedule, cancel, mark as happened, reflect. Each change to a
// session claims its revision first (session-changes.ts), confirming a time
// claims both people's quarter hours (time-claims.ts), and every email — the
// proposal, the invites, updates and cancellations — is written to the outbox.
import type { Types } from 'mongoose'
import { Profile } from '../../models/profile'
import { SessionReflection } from '../../models/session-reflection'
import { ShadowingSession, type ShadowingDirection, type ShadowingSessionFields } from '../../models/shadowing-session'
import { hashToken, looksLikeToken, newToken } from '../accounts/tokens'
import type { Clock } from '../clock'
import { ConflictError, ForbiddenError, NotFoundError } from '../errors'
import type { CurrentUser } from '../http/current-user'
import type { Outbox } from '../mail/outbox.service'
import type { SchedulingPerson } from '../scheduling/availability-windows'
import { recurringMeetingsOf } from '../scheduling/meeting-times'
import type { SchedulingHost } from '../scheduling/meetings'
import { findSlots, type Slot } from '../scheduling/slot-finder'
import { checkTime } from '../scheduling/time-check'
import { pairFor, peopleById, sessionFor, sidesOf, type PairView, type Person, type SessionView } from './session-access'
import { cancelSession } from './cancel-session'
import { mailContextOf } from './mail-context'
import { claimRevision, releaseRevision } from './session-changes'
import { declinedEmail, organizerFrom, proposalEmail, sessionInviteEmails } from './session-emails'
import { timeProblemMessage } from './time-problems'
import { claimIdsFor, claimTimes, releaseTimes } from './time-claims'

export type TimeChoice = { start: Date; durationMinutes: number; location: string; confirmed: boolean }
export type BookingInput = TimeChoice & { direction: ShadowingDirection; activity: string; meetingName?: string }
export type Reflection = { learned: string; surprised: string; idea: string }

/** A time that cannot be booked as it stands: refused outright, or needing the confirming tick. */
export type TimeRefusal = { ok: false; messages: string[]; needsConfirmation: boolean }

const MINUTE = 60_000
/** Sessions that hold a person's time, for slot finding and clash checks. */
const HOLDING: ShadowingSessionFields['status'][] = ['proposed', 'confirmed']

export type ShadowingService = ReturnType<typeof createShadowingService>

export function createShadowingService(deps: { outbox: Outbox; clock: Clock; baseUrl: string; mailFrom: string }) {
  const organizer = organizerFrom(deps.mailFrom)

  const mailContext = (session: ShadowingSessionFields & { _id: Types.ObjectId }, host: Person, guest: Person) =>
    mailContextOf(session, host, guest, { organizer, baseUrl: deps.baseUrl, now: deps.clock.now() })

  async function schedulingPeople(host: Person, guest: Person): Promise<{ host: SchedulingHost; guest: SchedulingPerson }> {
    const profiles = await Profile.find({ userId: { $in: [host._id, guest._id] } }).lean()
    const of = (person: Person) => profiles.find(p => String(p.userId) === person.id)
    const person = (p: ReturnType<typeof of>): SchedulingPerson => ({ availability: p?.availability ?? [], unavailable: p?.unavailable ?? [] })
    return {
      host: { ...person(of(host)), meetings: recurringMeetingsOf(of(host)?.shadowableMeetings ?? []) },
      guest: person(of(guest)),
    }
  }

  /** Proposed and confirmed sessions of either person that have not ended, other than `except`. */
  async function busyFor(people: readonly Person[], except?: Types.ObjectId) {
    const ids = people.map(p => p._id)
    const sessions = await ShadowingSession.find(
      { status: { $in: HOLDING }, end: { $gt: deps.clock.now() }, $or: [{ hostId: { $in: ids } }, { guestId: { $in: ids } }] },
      { start: 1, end: 1 },
    ).lean()
    return sessions.filter(s => !except || String(s._id) !== String(except))
  }

  async function checkChoice(host: Person, guest: Person, choice: TimeChoice, except?: Types.ObjectId): Promise<{ ok: true; flags: string[] } | TimeRefusal> {
    const check = checkTime({
      start: choice.start,
      durationMinutes: choice.durationMinutes,
      ...(await schedulingPeople(host, guest)),
      busy: await busyFor([host, guest], except),
      now: deps.clock.now(),
    })
    if (check.ok || (check.needsConfirmation && choice.confirmed)) return { ok: true, flags: check.problems }
    const names = { host: host.name, guest: guest.name }
    return { ok: false, messages: check.problems.map(p => timeProblemMessage(p, names)), needsConfirmation: check.needsConfirmation }
  }

  function mustBePartner(view: PairView | SessionView) {
    if (view.role === 'lead') throw new ForbiddenError('Only the two partners can book or change their shadowing')
  }

  /** The proposal behind a link from an email, seen as the partner it was sent to. */
  async function forLink(token: unknown): Promise<SessionView> {
    if (!looksLikeToken(token)) throw new NotFoundError('This link is not recognised')
    const session = await ShadowingSession.findOne({ respondTokenHash: hashToken(token) }, { _id: 1, respondentId: 1, start: 1 }).lean()
    if (!session) throw new NotFoundError('This link has already been used, or the proposal has changed')
    // The link expires when the proposed time comes.
    if (+session.start <= +deps.clock.now()) throw new NotFoundError('The time of this proposal has passed')
    const respondent = (await peopleById([session.respondentId])).get(String(session.respondentId))
    if (!respondent) throw new NotFoundError()
    return sessionFor({ id: respondent.id, email: respondent.email, name: respondent.name, roles: [] }, String(session._id))
  }

  async function reload(id: Types.ObjectId) {
    const session = await ShadowingSession.findById(id).lean()
    if (!session) throw new NotFoundError()
    return session
  }

  async function confirm(view: SessionView, actor: Types.ObjectId) {
    const { session, host, guest } = view
    const now = deps.clock.now()
    if (session.status !== 'proposed') throw new ConflictError(session.status === 'confirmed' ? 'This session is already confirmed.' : `This proposal has been ${session.status}.`)
    if (+session.start <= +now) throw new ConflictError('This proposal is for a time that has passed. Ask your partner to propose another time.')
    await claimRevision(session, now)
    const claimed = await claimTimes(session._id, [host._id, guest._id], session.start, session.end, now)
    if (!claimed.ok) {
      await releaseRevision(session)
      throw new ConflictError(`${host.name} or ${guest.name} already has a confirmed session at this time, so this one cannot be accepted. Decline it, or ask for another time.`)
    }
    await ShadowingSession.updateOne(
      { _id: session._id },
      {
        $set: { status: 'confirmed', sequence: 0, respondTokenHash: null, revision: session.revision + 1 },
        $push: { history: { at: now, by: actor, action: 'accepted' } },
      },
    )
    const confirmed = await reload(session._id)
    await deps.outbox.enqueueMany(sessionInviteEmails('invite', mailContext(confirmed, host, guest)))
  }

  async function decline(view: SessionView, actor: Types.ObjectId, reason: string) {
    const { session, host, guest } = view
    const now = deps.clock.now()
    if (session.status !== 'proposed') throw new ConflictError(`This proposal has already been ${session.status === 'confirmed' ? 'accepted' : session.status}.`)
    await claimRevision(session, now)
    await ShadowingSession.updateOne(
      { _id: session._id },
      {
        $set: { status: 'declined', reason, respondTokenHash: null, revision: session.revision + 1 },
        $push: { history: { at: now, by: actor, action: 'declined', reason } },
      },
    )
    const proposer = String(session.proposedBy) === host.id ? host : guest
    const respondent = proposer === host ? guest : host
    const declined = await reload(session._id)
    await deps.outbox.enqueue(declinedEmail({ ...mailContext(declined, host, guest), proposer, respondent }))
  }

  return {
    pairFor,
    sessionFor,

    /** Times to offer for a session of this length in this direction: the host's meetings first, then shared free time. */
    async suggestTimes(view: PairView, direction: ShadowingDirection, durationMinutes: number): Promise<Slot[]> {
      const { host, guest } = sidesOf(view, direction)
      return findSlots({
        now: deps.clock.now(),
        durationMinutes,
        ...(await schedulingPeople(host, guest)),
        busy: await busyFor([host, guest]),
        limit: 30,
      })
    },

    /** The host's shadowable meetings in this direction, for the activity choice. */
    async hostMeetings(view: PairView, direction: ShadowingDirection) {
      const { host } = sidesOf(view, direction)
      const profile = await Profile.findOne({ userId: host._id }, { shadowableMeetings: 1 }).lean()
      return profile?.shadowableMeetings ?? []
    },

    /** What proposing this time would meet, without proposing it: for warning on the booking pages before "Send". */
    async checkProposal(user: CurrentUser, pairId: unknown, input: { direction: ShadowingDirection; start: Date; durationMinutes: number }): Promise<{ ok: true; flags: string[] } | TimeRefusal> {
      const view = await pairFor(user, pairId)
      const { host, guest } = sidesOf(view, input.direction)
      return checkChoice(host, guest, { ...input, location: '', confirmed: false })
    },

    /** A partner proposes a session; the other partner is emailed a link to accept or decline. */
    async propose(user: CurrentUser, pairId: unknown, input: BookingInput): Promise<{ ok: true; sessionId: string } | TimeRefusal> {
      const view = await pairFor(user, pairId)
      mustBePartner(view)
      const { host, guest } = sidesOf(view, input.direction)
      const checked = await checkChoice(host, guest, input)
      if (!checked.ok) return checked
      const proposer = user.id === view.doctor.id ? view.doctor : view.manager
      const respondent = proposer === view.doctor ? view.manager : view.doctor
      const { token, tokenHash } = newToken()
      const now = deps.clock.now()
      const start = input.start
      const end = new Date(+start + input.durationMinutes * MINUTE)
      const session = await ShadowingSession.create({
        cohortId: view.pair.cohortId,
        pairId: view.pair._id,
        doctorId: view.pair.doctorId,
        managerId: view.pair.managerId,
        direction: input.direction,
        hostId: host._id,
        guestId: guest._id,
        activity: input.activity,
        meetingName: input.meetingName ?? '',
        location: input.location,
        start,
        end,
        proposedBy: proposer._id,
        respondentId: respondent._id,
        flags: checked.flags,
        respondTokenHash: tokenHash,
        uid: `shadowing-${String(view.pair._id)}-${now.getTime().toString(36)}-${tokenHash.slice(0, 8)}@tandem`,
        history: [{ at: now, by: proposer._id, action: 'proposed', start, end }],
      })
      const fields = session.toObject()
      await deps.outbox.enqueue(
        proposalEmail({
          ...mailContext(fields, host, guest),
          proposer,
          respondent,
          respondLink: `${deps.baseUrl}/shadowing/respond/${token}`,
          flags: checked.flags.map(p => timeProblemMessage(p as Parameters<typeof timeProblemMessage>[0], { host: host.name, guest: guest.name })),
        }),
      )
      return { ok: true, sessionId: String(session._id) }
    },

    /** The partner who was asked accepts or declines, signed in. */
    async respond(user: CurrentUser, sessionId: unknown, answer: 'accept' | 'decline', reason = '') {
      const view = await sessionFor(user, sessionId)
      if (String(view.session.respondentId) !== user.id) throw new ForbiddenError('Only the partner who was asked can accept or decline this proposal')
      if (answer === 'accept') await confirm(view, view.session.respondentId)
      else await decline(view, view.session.respondentId, reason)
    },

    /** The proposal behind a link from an email, for the page that asks "accept or decline?". */
    forLink,

    /** Accept or decline from the link in the email, without signing in. The link works once. */
    async respondByLink(token: unknown, answer: 'accept' | 'decline', reason = '') {
      const view = await forLink(token)
      if (answer === 'accept') await confirm(view, view.session.respondentId)
      else await decline(view, view.session.respondentId, reason)
      return view
    },

    /** Either partner moves a confirmed session; both get an update to the same calendar event. */
    async reschedule(user: CurrentUser, sessionId: unknown, choice: TimeChoice & { reason: string }): Promise<{ ok: true } | TimeRefusal> {
      const view = await sessionFor(user, sessionId)
      mustBePartner(view)
      const { session, host, guest } = view
      const now = deps.clock.now()
      if (session.status !== 'confirmed' || +session.end <= +now) throw new ConflictError('Only a confirmed session that has not finished can be rescheduled.')
      const checked = await checkChoice(host, guest, choice, session._id)
      if (!checked.ok) return checked
      const start = choice.start
      const end = new Date(+start + choice.durationMinutes * MINUTE)
      await claimRevision(session, now)
      const claimed = await claimTimes(session._id, [host._id, guest._id], start, end, now)
      if (!claimed.ok) {
        await releaseRevision(session)
        return { ok: false, messages: [`${host.name} or ${guest.name} already has a confirmed session at that time`], needsConfirmation: false }
      }
      await releaseTimes(session._id, claimIdsFor([host._id, guest._id], start, end))
      await ShadowingSession.updateOne(
        { _id: session._id },
        {
          $set: { start, end, location: choice.location, flags: checked.flags, reason: choice.reason, sequence: session.sequence + 1, revision: session.revision + 1 },
          $push: { history: { at: now, by: user.id, action: 'rescheduled', reason: choice.reason, start, end } },
        },
      )
      await deps.outbox.enqueueMany(sessionInviteEmails('update', mailContext(await reload(session._id), host, guest)))
      return { ok: true }
    },

    /**
     * Either partner cancels a confirmed session (both get a cancellation of the calendar
     * event), or the proposer withdraws a proposal that has not been answered (no invites
     * were sent, so there is nothing to cancel in anyone's calendar). `expected` says which
     * the person asked for.
     */
    async cancel(user: CurrentUser, sessionId: unknown, reason: string, expected: 'proposed' | 'confirmed') {
      const view = await sessionFor(user, sessionId)
      mustBePartner(view)
      const { session, host, guest } = view
      const now = deps.clock.now()
      // The revision claimed below is the one read here, so a partner's acceptance in
      // between makes this fail rather than turn a withdrawal into a cancellation.
      if (session.status !== expected) throw new ConflictError(expected === 'proposed' ? 'Only a proposal that has not been answered can be withdrawn.' : 'Only a confirmed session can be cancelled.')
      const withdrawing = expected === 'proposed'
      if (withdrawing && String(session.proposedBy) !== user.id) throw new ForbiddenError('Decline the proposal instead: only the person who proposed it can withdraw it')
      if (!withdrawing && (session.status !== 'confirmed' || +session.end <= +now)) throw new ConflictError('Only a confirmed session that has not finished can be cancelled.')
      await cancelSession(session, { host, guest }, { by: user.id, reason }, { outbox: deps.outbox, organizer, baseUrl: deps.baseUrl, now })
    },

    /** The host says whether the session happened, once it has started. */
    async recordOutcome(user: CurrentUser, sessionId: unknown, happened: boolean) {
      const view = await sessionFor(user, sessionId)
      const { session } = view
      if (String(session.hostId) !== user.id) throw new ForbiddenError('Only the host can say whether the session happened')
      const now = deps.clock.now()
      if (session.status !== 'confirmed') throw new ConflictError('Only a confirmed session can be marked as happened or not.')
      if (+session.start > +now) throw new ConflictError('You can say whether the session happened once it has started.')
      await claimRevision(session, now)
      await ShadowingSession.updateOne(
        { _id: session._id },
        {
          $set: { status: happened ? 'completed' : 'did-not-happen', revision: session.revision + 1 },
          $push: { history: { at: now, by: user.id, action: happened ? 'completed' : 'did-not-happen' } },
        },
      )
      if (!happened) await releaseTimes(session._id)
    },

    /** A partner's reflection after the session; saving again replaces their own. */
    async reflect(user: CurrentUser, sessionId: unknown, reflection: Reflection) {
      const view = await sessionFor(user, sessionId)
      mustBePartner(view)
      const { session } = view
      if (!['confirmed', 'completed'].includes(session.status) || +session.start > +deps.clock.now()) {
        throw new ConflictError('You can write a reflection once the session has started.')
      }
      await SessionReflection.updateOne(
        { sessionId: session._id, userId: user.id },
        { $set: { ...reflection, pairId: session.pairId } },
        { upsert: true },
      )
    },

    /** Both partners' reflections on a session, writer first for the writer. */
    async reflections(view: SessionView) {
      const rows = await SessionReflection.find({ sessionId: view.session._id }).lean()
      return rows.map(r => ({ ...r, by: String(r.userId) === view.doctor.id ? view.doctor : view.manager }))
    },

    /** The pair's sessions, newest first, and the balance of completed sessions in each direction against the cohort's target. */
    async forPair(view: PairView) {
      const sessions = await ShadowingSession.find({ pairId: view.pair._id }).sort({ start: -1 }).lean()
      const completed = (direction: ShadowingDirection) => sessions.filter(s => s.direction === direction && s.status === 'completed').length
      return {
        sessions,
        balance: {
          doctorShadowsManager: { done: completed('doctor-shadows-manager'), target: view.cohort.targetDoctorShadowsManager ?? 2 },
          managerShadowsDoctor: { done: completed('manager-shadows-doctor'), target: view.cohort.targetManagerShadowsDoctor ?? 2 },
        },
      }
    },
  }
}
