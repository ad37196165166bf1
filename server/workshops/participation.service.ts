// The participants' side of workshops: the cohort's sessions to come with
// places left and where they stand; registering (and, in a series for pairs,
// asking their partner to register too: the partner must register themselves),
// giving up a place, and answering a late offer.
import type { Types } from 'mongoose'
import { Enrolment } from '../../models/enrolment'
import { Pair } from '../../models/pair'
import { Workshop } from '../../models/workshop'
import { WorkshopRegistration, type RegistrationStatus } from '../../models/workshop-registration'
import { WorkshopSeries } from '../../models/workshop-series'
import { Cohort } from '../../models/cohort'
import type { CurrentUser } from '../http/current-user'
import { ForbiddenError } from '../errors'
import { peopleById, type Person } from '../shadowing/session-access'
import { claimRegistration } from './registration-changes'
import type { StoredRegistration, WorkshopRegistrations } from './registrations.service'
import { workshopFor, type WorkshopView } from './workshop-access'
import { partnerPromptEmail } from './workshop-emails'
import type { MailingDeps } from './workshop-mailer'
import type { WorkshopsService } from './workshops.service'

const ACTIVE: RegistrationStatus[] = ['confirmed', 'offered', 'waitlisted']

export type PartnerState = { person: Person; status: RegistrationStatus | undefined; askedYou: boolean }

export type WorkshopParticipation = ReturnType<typeof createWorkshopParticipation>

export function createWorkshopParticipation(deps: MailingDeps & { registrations: WorkshopRegistrations; workshops: WorkshopsService }) {
  const { registrations, workshops } = deps

  /** The reader's partners in a cohort: a doctor has one, a manager up to three. */
  async function partnersIn(userId: string, cohortId: Types.ObjectId): Promise<Person[]> {
    const pairs = await Pair.find({ cohortId, $or: [{ doctorId: userId }, { managerId: userId }] }, { doctorId: 1, managerId: 1 }).lean()
    const ids = pairs.map(p => (String(p.doctorId) === userId ? p.managerId : p.doctorId))
    return [...(await peopleById(ids)).values()]
  }

  /** Each partner's registration for these workshops, and whether they asked the reader to come. */
  async function partnerStates(userId: string, cohortId: Types.ObjectId, workshopIds: Types.ObjectId[]) {
    const partners = await partnersIn(userId, cohortId)
    const rows = partners.length ? await WorkshopRegistration.find({ workshopId: { $in: workshopIds }, userId: { $in: partners.map(p => p._id) } }).lean() : []
    return (workshopId: Types.ObjectId): PartnerState[] =>
      partners.map(person => {
        const row = rows.find(r => String(r.workshopId) === String(workshopId) && String(r.userId) === person.id)
        const status = row?.status
        return { person, status, askedYou: Boolean(row?.askedPartner && status && ACTIVE.includes(status)) }
      })
  }

  function mustTakePart(view: WorkshopView) {
    if (!view.side) throw new ForbiddenError('Only the doctors and managers of this cohort can register for its workshops')
  }

  /** Where the person is on the waitlist (1 = next). */
  async function positionOf(registration: StoredRegistration): Promise<number> {
    return (await WorkshopRegistration.countDocuments({ workshopId: registration.workshopId, status: 'waitlisted', arrival: { $lt: registration.arrival } })) + 1
  }

  return {
    /** The person's cohorts with each series' sessions still to come (or under way), their own registration and their partners'. */
    async listFor(user: CurrentUser, now: Date) {
      const enrolments = await Enrolment.find({ userId: user.id }, { cohortId: 1, side: 1 }).lean()
      const cohorts = await Cohort.find({ _id: { $in: enrolments.map(e => e.cohortId) } }, { name: 1 }).lean()
      return Promise.all(
        cohorts.map(async cohort => {
          const sessions = await Workshop.find({ cohortId: cohort._id, end: { $gt: now } }).sort({ start: 1 }).lean()
          const series = await WorkshopSeries.find({ cohortId: cohort._id }).sort({ createdAt: 1 }).lean()
          const counts = await workshops.countsFor(sessions.map(s => s._id))
          const mine = await WorkshopRegistration.find({ userId: user.id, workshopId: { $in: sessions.map(s => s._id) } }).lean()
          const partnersOf = await partnerStates(user.id, cohort._id, sessions.map(s => s._id))
          return {
            cohort,
            series: series
              .map(s => ({
                series: s,
                sessions: sessions
                  .filter(w => String(w.seriesId) === String(s._id))
                  .filter(w => w.status === 'scheduled' || mine.some(r => String(r.workshopId) === String(w._id) && r.status !== 'cancelled'))
                  .map(workshop => ({
                    workshop,
                    counts: counts.get(String(workshop._id))!,
                    mine: mine.find(r => String(r.workshopId) === String(workshop._id)),
                    partners: s.pairsTogether ? partnersOf(workshop._id) : [],
                  })),
              }))
              .filter(s => s.sessions.length),
          }
        }),
      )
    },

    /** One workshop as a participant sees it: their registration, place on the waitlist, partners; NotFound outside the cohort. */
    async pageFor(user: CurrentUser, workshopId: unknown) {
      const view = await workshopFor(user, workshopId)
      const { workshop, series } = view
      const [counts] = [(await workshops.countsFor([workshop._id])).get(String(workshop._id))!]
      const mine = view.side ? await WorkshopRegistration.findOne({ workshopId: workshop._id, userId: user.id }).lean() : null
      const position = mine?.status === 'waitlisted' ? await positionOf(mine) : undefined
      const partners = view.side && series.pairsTogether ? (await partnerStates(user.id, workshop.cohortId, [workshop._id]))(workshop._id) : []
      return { ...view, counts, mine, position, partners }
    },

    /**
     * Registers the reader. In a series for pairs, `askPartners` sends each of the
     * reader's partners who is not registered an email and an in-app prompt; they
     * are registered only if they register themselves.
     */
    async register(user: CurrentUser, workshopId: unknown, askPartners: boolean) {
      const view = await workshopFor(user, workshopId)
      mustTakePart(view)
      const outcome = await registrations.register(view.workshop._id, user.id)
      const asked: Person[] = []
      if (askPartners && view.series.pairsTogether && outcome.status !== 'cancelled') {
        const states = (await partnerStates(user.id, view.workshop.cohortId, [view.workshop._id]))(view.workshop._id)
        const toAsk = states.filter(s => !s.status || s.status === 'cancelled').map(s => s.person)
        const mine = await WorkshopRegistration.findById(outcome.registrationId).lean()
        // The flag is a change of the registration like any other: it claims the revision, or is left off.
        if (toAsk.length && mine && !mine.askedPartner && (await claimRegistration(mine, deps.clock.now()))) {
          await WorkshopRegistration.updateOne({ _id: mine._id }, { $set: { askedPartner: true, revision: mine.revision + 1 } })
        }
        const me = { id: user.id, name: user.name || user.email, email: user.email }
        for (const partner of toAsk) {
          const ctx = await registrations.mailer.context(view.workshop, partner._id)
          if (ctx) await registrations.mailer.send(partnerPromptEmail(ctx, me))
          asked.push(partner)
        }
      }
      return { ...outcome, asked, view }
    },

    async cancelPlace(user: CurrentUser, workshopId: unknown) {
      const view = await workshopFor(user, workshopId)
      mustTakePart(view)
      await registrations.cancelRegistration(view.workshop._id, user.id)
      return view
    },

    async answerOffer(user: CurrentUser, workshopId: unknown, answer: 'accept' | 'decline') {
      const view = await workshopFor(user, workshopId)
      mustTakePart(view)
      if (answer === 'accept') await registrations.acceptOffer(view.workshop._id, user.id)
      else await registrations.cancelRegistration(view.workshop._id, user.id)
      return view
    },

    positionOf,
  }
}
