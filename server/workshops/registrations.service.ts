// Registering for a workshop, giving up a place, and late offers. The rules
// (decision 011):
// - Registering inserts the person's registration (once per person per workshop)
//   with an arrival stamp. If anyone is waiting (waitlisted or offered), the
//   newcomer joins the back of the waitlist: a place that comes free is kept
//   for the head of the waitlist. Otherwise they try the free place ids; one
//   insert succeeding confirms them, none means the waitlist.
// - Giving up a place claims the registration's revision, marks it cancelled,
//   sends the CANCEL, gives the place back and fills it from the waitlist.
// - A late offer is confirmed by the person (in the app or by the link in the
//   email) or expires, and the place passes on.
import { Types } from 'mongoose'
import { Workshop } from '../../models/workshop'
import { WorkshopPlace } from '../../models/workshop-place'
import { WorkshopRegistration, type RegistrationStatus, type WorkshopRegistrationFields } from '../../models/workshop-registration'
import { hashToken, looksLikeToken } from '../accounts/tokens'
import { isDuplicateKeyError } from '../db/duplicate-key'
import { ConflictError, NotFoundError } from '../errors'
import { freeNumbers, heldPlaces, overCapacity, placeId, releasePlacesOf, takeAFreePlace } from './places'
import { createPromotion } from './promotion'
import { claimRegistration, personalSequence, RegistrationChangedError, sequenceForInvite } from './registration-changes'
import { registrationUid } from './workshop-calendar-event'
import { offerExpiredEmail, waitlistedEmail } from './workshop-emails'
import { createWorkshopMailer, type MailingDeps, type StoredWorkshop } from './workshop-mailer'

export type StoredRegistration = WorkshopRegistrationFields & { _id: Types.ObjectId }
export type RegisterOutcome = { registrationId: string; status: RegistrationStatus; already: boolean }

/** Statuses that hold a place. */
export const HOLDING: RegistrationStatus[] = ['confirmed', 'offered']

export type WorkshopRegistrations = ReturnType<typeof createWorkshopRegistrations>

export function createWorkshopRegistrations(deps: MailingDeps) {
  const mailer = createWorkshopMailer(deps)
  const promotion = createPromotion({ mailer, clock: deps.clock, baseUrl: deps.baseUrl })

  async function workshopOf(id: Types.ObjectId | string): Promise<StoredWorkshop> {
    const workshop = await Workshop.findById(id).lean()
    if (!workshop) throw new NotFoundError()
    return workshop
  }

  const outcomeOf = (registration: StoredRegistration, already: boolean): RegisterOutcome => ({ registrationId: String(registration._id), status: registration.status, already })

  /**
   * A free place for a registration, or null for the waitlist: nobody new takes a
   * place while anyone is waiting (a freed place is kept for the head of the
   * waitlist) or while someone holds a place above a lowered capacity. After a
   * place is taken under it, it looks again, so a crowd costs about one insert
   * each rather than one per place.
   */
  async function placeFor(workshop: StoredWorkshop, registrationId: Types.ObjectId, now: Date): Promise<number | null> {
    if (await WorkshopRegistration.exists({ workshopId: workshop._id, status: { $in: ['waitlisted', 'offered'] } })) return null
    for (let attempt = 0; attempt <= workshop.capacity; attempt += 1) {
      const held = await heldPlaces(workshop._id)
      if (overCapacity(workshop.capacity, held)) return null
      const free = freeNumbers(workshop.capacity, held)
      if (!free.length) return null
      // An insert that fails costs less than reading the places again, but not many times less.
      const n = await takeAFreePlace(workshop._id, free, registrationId, now, 3)
      if (n !== null) return n
    }
    return null
  }

  /** What follows registering: the invitation, or the waitlist email and a look for a place that came free meanwhile. */
  async function afterRegistering(workshop: StoredWorkshop, registration: { _id: Types.ObjectId; userId: Types.ObjectId; uid: string; sequence: number; arrival: Types.ObjectId }, n: number | null): Promise<RegisterOutcome> {
    if (n !== null) {
      await mailer.sendPlace('registered', workshop, registration)
      return { registrationId: String(registration._id), status: 'confirmed', already: false }
    }
    const ctx = await mailer.context(workshop, registration.userId)
    if (ctx) await mailer.send(waitlistedEmail(ctx, String(registration.arrival)))
    // A place may have come free between looking and joining the waitlist.
    const promoted = await promotion.fillFreePlaces(workshop._id, workshop)
    const current = promoted ? await WorkshopRegistration.findById(registration._id, { status: 1 }).lean() : undefined
    return { registrationId: String(registration._id), status: current?.status ?? 'waitlisted', already: false }
  }

  /** Registering again after cancelling: a new arrival, so the back of any queue; the person's event carries on (same UID). */
  async function registerAgain(workshop: StoredWorkshop, existing: StoredRegistration, arrival: Types.ObjectId): Promise<RegisterOutcome> {
    const now = deps.clock.now()
    if (!(await claimRegistration(existing, now))) throw new RegistrationChangedError()
    const n = await placeFor(workshop, existing._id, now)
    const sequence = n === null ? existing.sequence : sequenceForInvite(existing)
    await WorkshopRegistration.updateOne(
      { _id: existing._id },
      {
        $set: {
          status: n === null ? 'waitlisted' : 'confirmed',
          arrival,
          placeNumber: n,
          sequence,
          cancelReason: '',
          attendance: null,
          revision: existing.revision + 1,
          ...(n === null ? {} : { confirmedAt: now, confirmedSequence: personalSequence(workshop, { sequence }) }),
        },
      },
    )
    return afterRegistering(workshop, { ...existing, arrival, sequence }, n)
  }

  /** Cancels a registration whose revision the caller has not yet claimed; sends the CANCEL when it held a confirmed place. */
  async function cancel(registration: StoredRegistration, reason: 'by-person' | 'offer-declined') {
    const now = deps.clock.now()
    if (!(await claimRegistration(registration, now))) throw new RegistrationChangedError()
    const workshop = await workshopOf(registration.workshopId)
    const hadPlace = registration.status === 'confirmed'
    const sequence = hadPlace ? registration.sequence + 1 : registration.sequence
    await WorkshopRegistration.updateOne(
      { _id: registration._id },
      { $set: { status: 'cancelled', cancelReason: reason, sequence, placeNumber: null, offerExpiresAt: null, offerTokenHash: null, askedPartner: false, revision: registration.revision + 1 } },
    )
    if (hadPlace && workshop.status === 'scheduled') await mailer.sendPlace('cancelled-by-you', workshop, { ...registration, sequence })
    await releasePlacesOf(registration._id)
    await promotion.fillFreePlaces(workshop._id)
  }

  async function accept(registration: StoredRegistration) {
    const now = deps.clock.now()
    if (registration.status === 'confirmed') return
    if (registration.status !== 'offered') throw new ConflictError('This offer has been withdrawn or has passed on.')
    if (registration.offerExpiresAt && +registration.offerExpiresAt <= +now) throw new ConflictError('The time to confirm this place has passed, so it has gone to the next person on the waitlist.')
    const workshop = await workshopOf(registration.workshopId)
    if (workshop.status !== 'scheduled') throw new ConflictError('This workshop has been cancelled.')
    if (!(await claimRegistration(registration, now))) throw new RegistrationChangedError()
    const sequence = sequenceForInvite(registration)
    await WorkshopRegistration.updateOne(
      { _id: registration._id },
      {
        $set: { status: 'confirmed', confirmedAt: now, sequence, confirmedSequence: personalSequence(workshop, { sequence }), offerExpiresAt: null, offerTokenHash: null, revision: registration.revision + 1 },
      },
    )
    await mailer.sendPlace('offer-accepted', workshop, { ...registration, sequence })
  }

  async function byToken(token: unknown): Promise<StoredRegistration> {
    if (!looksLikeToken(token)) throw new NotFoundError('This link is not recognised')
    const registration = await WorkshopRegistration.findOne({ offerTokenHash: hashToken(token) }).lean()
    if (!registration || registration.status !== 'offered') throw new NotFoundError('This offer has already been answered, or has passed on')
    if (registration.offerExpiresAt && +registration.offerExpiresAt <= +deps.clock.now()) throw new NotFoundError('The time to confirm this place has passed')
    return registration
  }

  return {
    mailer,
    fillFreePlaces: promotion.fillFreePlaces,

    /**
     * Registers a person (the caller has checked that they may): confirmed into a
     * free place, or onto the waitlist. Registering again while registered
     * changes nothing; after cancelling, it joins again at the back.
     */
    async register(workshopId: Types.ObjectId | string, userId: Types.ObjectId | string): Promise<RegisterOutcome> {
      // Stamped as the request arrives: the waitlist's order.
      const arrival = new Types.ObjectId()
      const now = deps.clock.now()
      const workshop = await workshopOf(workshopId)
      if (workshop.status !== 'scheduled') throw new ConflictError('This workshop has been cancelled.')
      if (+workshop.start <= +now) throw new ConflictError('This workshop has started, so registration has closed.')
      // The place is taken first and the registration written once, in its final state: no
      // update of a crowd's registrations while the crowd arrives (updates scan on FerretDB v1).
      const _id = new Types.ObjectId()
      const n = await placeFor(workshop, _id, now)
      const registration = { _id, workshopId: workshop._id, cohortId: workshop.cohortId, userId: new Types.ObjectId(String(userId)), arrival, uid: registrationUid(String(workshop._id), String(userId)), sequence: 0 }
      try {
        await WorkshopRegistration.create({
          ...registration,
          status: n === null ? 'waitlisted' : 'confirmed',
          placeNumber: n,
          ...(n === null ? {} : { confirmedAt: now, confirmedSequence: personalSequence(workshop, registration) }),
        })
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error
        // Registered already (a second click, or again after cancelling): give back the place this request took.
        if (n !== null) {
          await WorkshopPlace.deleteOne({ _id: placeId(workshop._id, n), registrationId: _id })
          await promotion.fillFreePlaces(workshop._id)
        }
        const existing = await WorkshopRegistration.findOne({ workshopId: workshop._id, userId }).lean()
        if (!existing) throw new RegistrationChangedError()
        if (existing.status !== 'cancelled') return outcomeOf(existing, true)
        return registerAgain(workshop, existing, arrival)
      }
      return afterRegistering(workshop, registration, n)
    },

    /** The person gives up their place, leaves the waitlist, or declines an offer. */
    async cancelRegistration(workshopId: Types.ObjectId | string, userId: Types.ObjectId | string) {
      const registration = await WorkshopRegistration.findOne({ workshopId, userId }).lean()
      if (!registration || registration.status === 'cancelled') return
      const workshop = await workshopOf(workshopId)
      if (+workshop.start <= +deps.clock.now()) throw new ConflictError('This workshop has started, so places can no longer be given up here. Tell the programme lead instead.')
      await cancel(registration, registration.status === 'offered' ? 'offer-declined' : 'by-person')
    },

    /** The person takes the place they were offered, in the app. */
    async acceptOffer(workshopId: Types.ObjectId | string, userId: Types.ObjectId | string) {
      const registration = await WorkshopRegistration.findOne({ workshopId, userId }).lean()
      if (!registration) throw new NotFoundError()
      await accept(registration)
    },

    /** The offer behind the link in an email, without signing in. */
    offerFor: byToken,

    /** Takes or lets go the place from the link in the email; the link works until answered. */
    async answerOfferByLink(token: unknown, answer: 'accept' | 'decline'): Promise<StoredRegistration> {
      const registration = await byToken(token)
      if (answer === 'accept') await accept(registration)
      else await cancel(registration, 'offer-declined')
      return registration
    },

    /**
     * The lead moves a person holding a place back to the waitlist (the capacity
     * was lowered). They keep their arrival, so they wait near the front; a
     * confirmed person's calendar gets a CANCEL. No one is promoted here: the
     * caller lowers the capacity first.
     */
    async moveToWaitlist(registration: StoredRegistration) {
      const now = deps.clock.now()
      if (!HOLDING.includes(registration.status)) return
      if (!(await claimRegistration(registration, now))) throw new RegistrationChangedError()
      const hadInvite = registration.status === 'confirmed'
      const sequence = hadInvite ? registration.sequence + 1 : registration.sequence
      await WorkshopRegistration.updateOne(
        { _id: registration._id },
        { $set: { status: 'waitlisted', placeNumber: null, sequence, offerExpiresAt: null, offerTokenHash: null, revision: registration.revision + 1 } },
      )
      if (hadInvite) await mailer.sendPlace('moved-to-waitlist', await workshopOf(registration.workshopId), { ...registration, sequence })
      await releasePlacesOf(registration._id)
    },

    /**
     * After the capacity is lowered: people holding places numbered above it move
     * into free places within it (a new place is taken before the old one is given
     * back, so nobody is ever without one). Whoever cannot move stays above the
     * capacity, and the lead sees them. Returns how many are still above it.
     */
    async renumberAboveCapacity(workshopId: Types.ObjectId): Promise<number> {
      const now = deps.clock.now()
      const workshop = await workshopOf(workshopId)
      const held = await heldPlaces(workshop._id)
      const above = held.filter(p => p.number > workshop.capacity)
      let stranded = 0
      for (const place of above) {
        const registration = await WorkshopRegistration.findById(place.registrationId).lean()
        if (!registration || !HOLDING.includes(registration.status) || registration.placeNumber !== place.number) {
          // Left behind by a change that did not finish: nobody holds it.
          await WorkshopPlace.deleteOne({ _id: placeId(workshop._id, place.number), registrationId: place.registrationId })
          continue
        }
        if (!(await claimRegistration(registration, now))) {
          stranded += 1
          continue
        }
        const n = await takeAFreePlace(workshop._id, freeNumbers(workshop.capacity, await heldPlaces(workshop._id)), registration._id, now)
        await WorkshopRegistration.updateOne(
          { _id: registration._id },
          { $set: { revision: registration.revision + 1, ...(n === null ? {} : { placeNumber: n }) } },
        )
        if (n === null) stranded += 1
        else await WorkshopPlace.deleteOne({ _id: placeId(workshop._id, place.number), registrationId: registration._id })
      }
      return stranded
    },

    /** Offers not answered in time pass on to the next person. The job runs in every process; each offer expires once. */
    async expireOffers(): Promise<number> {
      const now = deps.clock.now()
      const due = await WorkshopRegistration.find({ status: 'offered', offerExpiresAt: { $lte: now } }).lean()
      let expired = 0
      for (const registration of due) {
        if (!(await claimRegistration(registration, now))) continue
        const revision = registration.revision + 1
        await WorkshopRegistration.updateOne(
          { _id: registration._id },
          { $set: { status: 'cancelled', cancelReason: 'offer-expired', placeNumber: null, offerExpiresAt: null, offerTokenHash: null, revision } },
        )
        const workshop = await workshopOf(registration.workshopId)
        // After the lead cancelled the workshop, the cancellation note has said all there is to say.
        const ctx = workshop.status === 'scheduled' ? await mailer.context(workshop, registration.userId) : undefined
        if (ctx) await mailer.send(offerExpiredEmail(ctx, revision))
        await releasePlacesOf(registration._id)
        await promotion.fillFreePlaces(workshop._id)
        expired += 1
      }
      return expired
    },
  }
}
