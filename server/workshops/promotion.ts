// When a place is free, the first person on the waitlist (smallest arrival)
// gets it: confirmed, with an invitation, when the workshop is a day or more
// away; offered, to confirm within a time limit, when it is nearer. A
// promotion claims the person's registration revision and then inserts the
// place id, so each person is promoted once and each place goes to one person,
// however many processes free places at the same moment (decision 011).
import type { Types } from 'mongoose'
import { Workshop } from '../../models/workshop'
import { WorkshopRegistration, type WorkshopRegistrationFields } from '../../models/workshop-registration'
import { newToken } from '../accounts/tokens'
import type { Clock } from '../clock'
import { freeNumbers, heldPlaces, overCapacity, takePlace } from './places'
import { claimRegistration, personalSequence, releaseRegistration, sequenceForInvite } from './registration-changes'
import { offerEmail } from './workshop-emails'
import type { StoredWorkshop, WorkshopMailer } from './workshop-mailer'

const HOUR_MS = 60 * 60 * 1000
/** A place that comes up nearer the start than this is offered, to confirm, rather than given. */
export const LATE_PROMOTION_MS = 24 * HOUR_MS
/** How long a late offer waits for an answer at most… */
export const OFFER_TIME_MS = 2 * HOUR_MS
/** …and it closes this long before the start at the latest; in the last hour nobody is offered a place. */
export const OFFERS_CLOSE_BEFORE_START_MS = HOUR_MS

type StoredRegistration = WorkshopRegistrationFields & { _id: Types.ObjectId }
type Outcome = 'promoted' | 'skipped' | 'place-taken'

/** When an offer made now for this workshop must be answered by. */
export const offerDeadline = (workshop: { start: Date }, now: Date) => new Date(Math.min(+now + OFFER_TIME_MS, +workshop.start - OFFERS_CLOSE_BEFORE_START_MS))

export function createPromotion(deps: { mailer: WorkshopMailer; clock: Clock; baseUrl: string }) {
  async function promote(workshop: StoredWorkshop, candidate: StoredRegistration, n: number, now: Date): Promise<Outcome> {
    // Someone else is changing this person (promoting them into another place, or
    // they are leaving the waitlist): the next in line.
    if (!(await claimRegistration(candidate, now))) return 'skipped'
    if (!(await takePlace(workshop._id, n, candidate._id, now))) {
      await releaseRegistration(candidate)
      return 'place-taken'
    }
    const revision = candidate.revision + 1
    if (+workshop.start - +now >= LATE_PROMOTION_MS) {
      const sequence = sequenceForInvite(candidate)
      await WorkshopRegistration.updateOne(
        { _id: candidate._id },
        { $set: { status: 'confirmed', placeNumber: n, confirmedAt: now, sequence, confirmedSequence: personalSequence(workshop, { sequence }), revision } },
      )
      await deps.mailer.sendPlace('promoted', workshop, { ...candidate, sequence })
      return 'promoted'
    }
    const expiresAt = offerDeadline(workshop, now)
    const { token, tokenHash } = newToken()
    await WorkshopRegistration.updateOne({ _id: candidate._id }, { $set: { status: 'offered', placeNumber: n, offerExpiresAt: expiresAt, offerTokenHash: tokenHash, revision } })
    const ctx = await deps.mailer.context(workshop, candidate.userId)
    if (ctx) await deps.mailer.send(offerEmail(ctx, { expiresAt, link: `${deps.baseUrl}/workshops/offer/${token}`, revision }))
    return 'promoted'
  }

  return {
    /**
     * Gives every free place (up to the capacity) to the waitlist, first come
     * first served. Safe to run anywhere at any time: after a cancellation, an
     * expired offer, a raised capacity, or someone joining the waitlist at the
     * moment a place came free. Returns how many were promoted. `justRead` saves
     * reading the workshop again when the caller has just read it.
     */
    async fillFreePlaces(workshopId: Types.ObjectId | string, justRead?: StoredWorkshop): Promise<number> {
      const now = deps.clock.now()
      let promoted = 0
      // Each round either promotes, or finds a place taken under it and looks again; bounded all the same.
      for (let round = 0; round < 20; round += 1) {
        const workshop = round === 0 && justRead ? justRead : await Workshop.findById(workshopId).lean()
        if (!workshop || workshop.status !== 'scheduled') return promoted
        if (+workshop.start - +now <= OFFERS_CLOSE_BEFORE_START_MS) return promoted
        const held = await heldPlaces(workshop._id)
        // Someone holds a place above a lowered capacity: the lead decides before anyone else gets one.
        if (overCapacity(workshop.capacity, held)) return promoted
        const free = freeNumbers(workshop.capacity, held)
        if (!free.length) return promoted
        const waiting = await WorkshopRegistration.find({ workshopId: workshop._id, status: 'waitlisted' })
          .sort({ arrival: 1 })
          .limit(free.length)
          .lean()
        // The i-th in line goes with the i-th free place, so that two processes
        // filling at once pair the same people with the same places, and one that
        // finds someone already being changed does not give a later person their place.
        let lookAgain = false
        for (let i = 0; i < Math.min(waiting.length, free.length); i += 1) {
          const outcome = await promote(workshop, waiting[i]!, free[i]!, now)
          if (outcome === 'promoted') promoted += 1
          else lookAgain = true
          if (outcome === 'place-taken') break
        }
        if (!lookAgain) return promoted
        // Let whoever is changing those people finish, then look at the places again.
        await new Promise(resolve => setTimeout(resolve, 5 * (round + 1)))
      }
      return promoted
    },
  }
}

export type Promotion = ReturnType<typeof createPromotion>
