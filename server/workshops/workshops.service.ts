// The lead's side of workshops: series and their sessions, editing a session
// (a new time or place updates everyone's calendar; a lower capacity never
// removes anyone silently), cancelling and duplicating one, the registrations
// and waitlist, and attendance. Each change to a session claims its revision
// (`workshop:<id>:<revision>`), so two leads saving at once make one change.
import type { Types } from 'mongoose'
import { Enrolment, type Side } from '../../models/enrolment'
import { User } from '../../models/user'
import { Workshop } from '../../models/workshop'
import { WorkshopRegistration, type Attendance } from '../../models/workshop-registration'
import { WorkshopSeries } from '../../models/workshop-series'
import { claimRevisionOf } from '../db/claims'
import { ConflictError, NotFoundError } from '../errors'
import { peopleById } from '../shadowing/session-access'
import { heldPlaces } from './places'
import { HOLDING, type StoredRegistration, type WorkshopRegistrations } from './registrations.service'
import { personalSequence } from './registration-changes'
import { placeEmail, seriesInviteEmail, workshopCancelledNote, type PlaceNews } from './workshop-emails'
import { calendarWorkshopOf, type MailingDeps, type StoredWorkshop } from './workshop-mailer'
import type { SeriesInput, WorkshopInput } from './workshop.form'

export type Counts = { confirmed: number; offered: number; waitlisted: number }
export type RosterEntry = { registrationId: string; userId: string; name: string; email: string; side: Side | ''; registration: StoredRegistration }
export type CapacityChoice = { keep: boolean; move: string[] }
export type UpdateOutcome = { ok: true; moved: number; calendarsUpdated: boolean } | { ok: false; holders: RosterEntry[]; excess: number; problem?: string }

/** The fields whose change reaches people's calendars. */
const CALENDAR_FIELDS = ['title', 'moduleNumber', 'room', 'site', 'onlineLink'] as const

export class WorkshopChangedError extends ConflictError {
  constructor() {
    super('Someone changed this workshop at the same moment. Check it again before you change anything.')
  }
}

export type WorkshopsService = ReturnType<typeof createWorkshopsService>

export function createWorkshopsService(deps: MailingDeps & { registrations: WorkshopRegistrations }) {
  const { registrations } = deps
  const { mailer } = registrations

  async function load(id: Types.ObjectId | string): Promise<StoredWorkshop> {
    const workshop = await Workshop.findById(id).lean()
    if (!workshop) throw new NotFoundError()
    return workshop
  }

  async function claimWorkshop(workshop: StoredWorkshop) {
    if (!(await claimRevisionOf({ model: Workshop, key: 'workshop', _id: workshop._id, revision: workshop.revision }, deps.clock.now()))) throw new WorkshopChangedError()
  }

  async function countsFor(workshopIds: Types.ObjectId[]): Promise<Map<string, Counts>> {
    const rows = await WorkshopRegistration.find({ workshopId: { $in: workshopIds }, status: { $in: ['confirmed', 'offered', 'waitlisted'] } }, { workshopId: 1, status: 1 }).lean()
    const counts = new Map(workshopIds.map(id => [String(id), { confirmed: 0, offered: 0, waitlisted: 0 }]))
    for (const row of rows) {
      const count = counts.get(String(row.workshopId))
      if (count && row.status !== 'cancelled') count[row.status] += 1
    }
    return counts
  }

  /** Registrations with names and sides, in arrival order. */
  async function entriesOf(workshop: StoredWorkshop, rows: StoredRegistration[]): Promise<RosterEntry[]> {
    const people = await peopleById(rows.map(r => r.userId))
    const enrolments = await Enrolment.find({ cohortId: workshop.cohortId, userId: { $in: rows.map(r => r.userId) } }, { userId: 1, side: 1 }).lean()
    const sides = new Map(enrolments.map(e => [String(e.userId), e.side]))
    return rows.map(registration => {
      const person = people.get(String(registration.userId))
      return { registrationId: String(registration._id), userId: String(registration.userId), name: person?.name ?? 'Someone who has left', email: person?.email ?? '', side: sides.get(String(registration.userId)) ?? '', registration }
    })
  }

  /** Each confirmed person's update or cancellation of their own event, and a note to anyone waiting when the session is cancelled. */
  async function tellEveryone(workshop: StoredWorkshop, news: Extract<PlaceNews, 'changed' | 'workshop-cancelled'>, reason = '') {
    const rows = await WorkshopRegistration.find({ workshopId: workshop._id, status: { $in: ['confirmed', 'offered', 'waitlisted'] } }).lean()
    const contexts = new Map((await mailer.contexts(workshop, rows.map(r => r.userId))).map(ctx => [ctx.person.id, ctx]))
    const emails = rows.flatMap(registration => {
      const ctx = contexts.get(String(registration.userId))
      if (!ctx) return []
      if (registration.status === 'confirmed') return [placeEmail(news, ctx, { uid: registration.uid, sequence: personalSequence(workshop, registration), reason })]
      return news === 'workshop-cancelled' ? [workshopCancelledNote(ctx, reason)] : []
    })
    await mailer.sendMany(emails)
  }

  return {
    async seriesOfCohort(cohortId: Types.ObjectId) {
      const series = await WorkshopSeries.find({ cohortId }).sort({ createdAt: 1, _id: 1 }).lean()
      const sessions = await Workshop.find({ cohortId }, { seriesId: 1, start: 1, status: 1 }).sort({ start: 1 }).lean()
      return series.map(s => {
        const own = sessions.filter(w => String(w.seriesId) === String(s._id) && w.status === 'scheduled')
        return { series: s, sessions: own.length, first: own[0]?.start, last: own.at(-1)?.start }
      })
    },

    createSeries: (cohortId: Types.ObjectId, input: SeriesInput, by: string) => WorkshopSeries.create({ cohortId, ...input, createdBy: by }),

    async updateSeries(seriesId: Types.ObjectId, input: SeriesInput) {
      await WorkshopSeries.updateOne({ _id: seriesId }, { $set: input })
    },

    /** A series' sessions, soonest first, with how many hold places and wait. */
    async sessionsOf(seriesId: Types.ObjectId) {
      const sessions = await Workshop.find({ seriesId }).sort({ start: 1, moduleNumber: 1 }).lean()
      const counts = await countsFor(sessions.map(s => s._id))
      return sessions.map(workshop => ({ workshop, counts: counts.get(String(workshop._id))! }))
    },

    countsFor,

    async createWorkshop(series: { _id: Types.ObjectId; cohortId: Types.ObjectId }, input: WorkshopInput, by: string) {
      return Workshop.create({ seriesId: series._id, cohortId: series.cohortId, ...input, createdBy: by })
    },

    /** Who holds a place (in arrival order), who has been offered one, the waitlist in order, who cancelled; and who is above the capacity. */
    async roster(workshop: StoredWorkshop) {
      const rows = await WorkshopRegistration.find({ workshopId: workshop._id }).sort({ arrival: 1, _id: 1 }).lean()
      const entries = await entriesOf(workshop, rows)
      const of = (status: string) => entries.filter(e => e.registration.status === status)
      const held = await heldPlaces(workshop._id)
      const above = new Set(held.filter(p => p.number > workshop.capacity).map(p => String(p.registrationId)))
      return {
        confirmed: of('confirmed'),
        offered: of('offered'),
        waitlisted: of('waitlisted'),
        cancelled: of('cancelled'),
        overCapacity: entries.filter(e => above.has(e.registrationId)),
      }
    },

    /** The people holding places, for choosing who moves to the waitlist. */
    async holders(workshop: StoredWorkshop): Promise<RosterEntry[]> {
      const rows = await WorkshopRegistration.find({ workshopId: workshop._id, status: { $in: HOLDING } }).sort({ arrival: 1, _id: 1 }).lean()
      return entriesOf(workshop, rows)
    },

    /**
     * Saves the lead's changes. A capacity below the places held needs the lead's
     * choice: who moves to the waitlist (exactly the excess), or keeping as many
     * places as are held. Nobody is moved without it. A new time, place or title
     * sends every confirmed person an update (their SEQUENCE + 1).
     */
    async updateWorkshop(workshopId: Types.ObjectId, input: WorkshopInput, choice?: CapacityChoice): Promise<UpdateOutcome> {
      const workshop = await load(workshopId)
      if (workshop.status !== 'scheduled') throw new ConflictError('A cancelled workshop cannot be changed.')
      const holders = await this.holders(workshop)
      let capacity = input.capacity
      let moving: RosterEntry[] = []
      if (capacity < holders.length) {
        const excess = holders.length - capacity
        if (!choice) return { ok: false, holders, excess }
        if (choice.keep) capacity = holders.length
        else {
          moving = holders.filter(h => choice.move.includes(h.registrationId))
          if (moving.length !== excess) return { ok: false, holders, excess, problem: `Choose ${excess} ${excess === 1 ? 'person' : 'people'} to move to the waitlist, or keep ${holders.length} places` }
        }
      }
      await claimWorkshop(workshop)
      const calendarChange = +input.start !== +workshop.start || +input.end !== +workshop.end || CALENDAR_FIELDS.some(field => (input[field] ?? null) !== (workshop[field] ?? null))
      await Workshop.updateOne(
        { _id: workshop._id },
        { $set: { ...input, capacity, revision: workshop.revision + 1, changedAt: deps.clock.now(), ...(calendarChange ? { sequence: workshop.sequence + 1 } : {}) } },
      )
      // The capacity is lower before anyone moves, so that nobody is promoted straight back.
      for (const entry of moving) await registrations.moveToWaitlist(entry.registration)
      await registrations.renumberAboveCapacity(workshop._id)
      const updated = await load(workshop._id)
      if (calendarChange) await tellEveryone(updated, 'changed')
      await registrations.fillFreePlaces(workshop._id)
      return { ok: true, moved: moving.length, calendarsUpdated: calendarChange }
    },

    /** Cancels the session: every confirmed person gets a CANCEL, anyone waiting a note. */
    async cancelWorkshop(workshopId: Types.ObjectId, reason: string) {
      const workshop = await load(workshopId)
      if (workshop.status === 'cancelled') return
      await claimWorkshop(workshop)
      await Workshop.updateOne({ _id: workshop._id }, { $set: { status: 'cancelled', cancelReason: reason, sequence: workshop.sequence + 1, revision: workshop.revision + 1, changedAt: deps.clock.now() } })
      await tellEveryone(await load(workshop._id), 'workshop-cancelled', reason)
    },

    /** A copy of a session, with nobody registered, for the lead to give its own date. */
    async duplicate(workshopId: Types.ObjectId, by: string) {
      const workshop = await load(workshopId)
      const { seriesId, cohortId, title, moduleNumber, description, start, end, room, site, onlineLink, capacity, facilitators } = workshop
      return Workshop.create({ seriesId, cohortId, title, moduleNumber, description, start, end, room, site, onlineLink, capacity, facilitators, createdBy: by })
    },

    /**
     * Who "invite the whole cohort" would email: every doctor and manager of the
     * cohort who can sign in, once per series (the outbox's dedupe key); people
     * who have not yet accepted their Tandem invitation cannot register, so are left out.
     */
    async cohortInvitation(series: { _id: Types.ObjectId; cohortId: Types.ObjectId }) {
      const enrolled = await Enrolment.find({ cohortId: series.cohortId }, { userId: 1 }).lean()
      const people = await User.find({ _id: { $in: enrolled.map(e => e.userId) } }, { name: 1, email: 1, status: 1 }).lean()
      const active = people.filter(p => p.status === 'active')
      const keyOf = (userId: Types.ObjectId) => `workshop-series-invite:${String(series._id)}:${String(userId)}`
      const invited = new Set(await deps.outbox.existingKeys(active.map(p => keyOf(p._id))))
      const sessions = await Workshop.find({ seriesId: series._id, status: 'scheduled', start: { $gt: deps.clock.now() } }).sort({ start: 1 }).lean()
      return {
        toInvite: active.filter(p => !invited.has(keyOf(p._id))),
        alreadyInvited: invited.size,
        notSignedUp: people.length - active.length,
        sessions,
      }
    },

    /** Emails everyone not yet invited to the series, with the sessions to come and the link to register; returns how many. */
    async inviteCohort(series: { _id: Types.ObjectId; cohortId: Types.ObjectId; title: string; description: string }, cohortName: string): Promise<number> {
      const { toInvite, sessions } = await this.cohortInvitation(series)
      if (!sessions.length) throw new ConflictError('Add a session to come before inviting the cohort.')
      const calendar = sessions.map(s => calendarWorkshopOf(s, series.title))
      return deps.outbox.enqueueMany(
        toInvite.map(person =>
          seriesInviteEmail({
            series: { id: String(series._id), title: series.title, description: series.description },
            cohortName,
            sessions: calendar,
            person: { id: String(person._id), name: person.name || person.email, email: person.email },
            baseUrl: deps.baseUrl,
          }),
        ),
      )
    },

    /** Marks attendance for people who held a place; only the marks that changed are written. */
    async saveAttendance(workshop: StoredWorkshop, marks: Map<string, Attendance>) {
      const rows = await WorkshopRegistration.find({ workshopId: workshop._id, status: 'confirmed' }, { attendance: 1 }).lean()
      for (const row of rows) {
        const mark = marks.get(String(row._id))
        if (mark && mark !== row.attendance) await WorkshopRegistration.updateOne({ _id: row._id }, { $set: { attendance: mark } })
      }
    },
  }
}
