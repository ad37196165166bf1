// The workshops' periodic work, run every few minutes in every app process
// (server/workers.ts). Each part is safe to run anywhere at once: the outbox's
// dedupe keys make each email go once, and every change of a registration
// claims its revision.
// - Reminders a day before, once per person per workshop start.
// - Late offers not confirmed in time pass on.
// - Calendar catch-up: each person with a place must have been sent their event
//   at their current SEQUENCE; one that was not (a process that stopped between
//   saving and writing the email, or a place confirmed while the lead was
//   changing the time) is sent it now.
// - Places left behind by a change that did not finish are given back.
import type { Types } from 'mongoose'
import { Workshop } from '../../models/workshop'
import { WorkshopPlace } from '../../models/workshop-place'
import { WorkshopRegistration } from '../../models/workshop-registration'
import { HOLDING, type WorkshopRegistrations } from './registrations.service'
import { personalSequence } from './registration-changes'
import { placeEmail, placeEmailKey, workshopReminderEmail } from './workshop-emails'
import type { MailingDeps, StoredWorkshop } from './workshop-mailer'

const DAY_MS = 24 * 60 * 60 * 1000
/** A change younger than this is still writing its own emails (or its registration). */
const SETTLE_MS = 2 * 60 * 1000

export type WorkshopJobs = ReturnType<typeof createWorkshopJobs>

export function createWorkshopJobs(deps: MailingDeps & { registrations: WorkshopRegistrations }) {
  const { registrations } = deps
  const { mailer } = registrations
  const upcoming = (now: Date, status: 'scheduled' | 'cancelled') => Workshop.find({ status, start: { $gt: now } }).lean()

  return {
    /** Writes the reminders now due; returns how many were new. */
    async sendReminders(): Promise<number> {
      const now = deps.clock.now()
      const due = await Workshop.find({ status: 'scheduled', start: { $gt: now, $lte: new Date(+now + DAY_MS) } }).lean()
      let written = 0
      for (const workshop of due) {
        const places = await WorkshopRegistration.find({ workshopId: workshop._id, status: 'confirmed' }, { userId: 1, confirmedAt: 1 }).lean()
        // A place confirmed within a day of the start has just been in the person's inbox.
        const remind = places.filter(p => !p.confirmedAt || +workshop.start - +p.confirmedAt >= DAY_MS)
        const contexts = await mailer.contexts(workshop, remind.map(p => p.userId))
        written += await mailer.sendMany(contexts.map(ctx => workshopReminderEmail(ctx)))
      }
      return written
    },

    expireOffers: () => registrations.expireOffers(),

    /** Sends any person's invitation, update or cancellation that should have been sent and was not. */
    async catchUpCalendars(): Promise<number> {
      const now = deps.clock.now()
      // By the services' clock: a change this recent is still writing its own emails.
      const settled = (at: Date | null | undefined) => !at || +now - +at >= SETTLE_MS
      let sent = 0
      for (const workshop of [...(await upcoming(now, 'scheduled')), ...(await upcoming(now, 'cancelled'))]) {
        if (!settled(workshop.changedAt)) continue
        const places = (await WorkshopRegistration.find({ workshopId: workshop._id, status: 'confirmed' }).lean()).filter(p => settled(p.confirmedAt))
        const keyOf = (p: (typeof places)[number]) => placeEmailKey(String(workshop._id), String(p.userId), personalSequence(workshop, p))
        const written = new Set(await deps.outbox.existingKeys(places.map(keyOf)))
        const missing = places.filter(p => !written.has(keyOf(p)))
        if (!missing.length) continue
        const contexts = new Map((await mailer.contexts(workshop, missing.map(p => p.userId))).map(ctx => [ctx.person.id, ctx]))
        const emails = missing.flatMap(place => {
          const ctx = contexts.get(String(place.userId))
          if (!ctx) return []
          const sequence = personalSequence(workshop, place)
          const news = workshop.status === 'cancelled' ? 'workshop-cancelled' : place.confirmedSequence === sequence ? 'registered' : 'changed'
          return [placeEmail(news, ctx, { uid: place.uid, sequence, reason: workshop.cancelReason })]
        })
        sent += await mailer.sendMany(emails)
      }
      return sent
    },

    /** Gives back places of upcoming workshops that no registration holds, and fills them. */
    async sweepAbandonedPlaces(): Promise<number> {
      const now = deps.clock.now()
      let freed = 0
      for (const workshop of await upcoming(now, 'scheduled')) {
        const places = await WorkshopPlace.find({ workshopId: workshop._id, at: { $lt: new Date(+now - SETTLE_MS) } }).lean()
        if (!places.length) continue
        const holders = await WorkshopRegistration.find({ _id: { $in: places.map(p => p.registrationId) } }, { status: 1, placeNumber: 1 }).lean()
        const holds = (place: { registrationId: Types.ObjectId; number: number }) =>
          holders.some(h => String(h._id) === String(place.registrationId) && HOLDING.includes(h.status) && h.placeNumber === place.number)
        const abandoned = places.filter(p => !holds(p))
        for (const place of abandoned) await WorkshopPlace.deleteOne({ _id: place._id, registrationId: place.registrationId })
        if (abandoned.length) await registrations.fillFreePlaces(workshop._id, workshop as StoredWorkshop)
        freed += abandoned.length
      }
      return freed
    },

    /** Everything above, in turn. */
    async run() {
      await this.expireOffers()
      await this.sweepAbandonedPlaces()
      await this.catchUpCalendars()
      await this.sendReminders()
    },
  }
}
