// Writing a workshop's emails to the outbox: builds the mail context (the
// workshop with its series' title, the person) and enqueues.
import type { Types } from 'mongoose'
import type { WorkshopFields } from '../../models/workshop'
import { User } from '../../models/user'
import { WorkshopSeries } from '../../models/workshop-series'
import type { Clock } from '../clock'
import type { Outbox, OutgoingEmail } from '../mail/outbox.service'
import { peopleById } from '../shadowing/session-access'
import { organizerFrom } from '../shadowing/session-emails'
import type { CalendarWorkshop } from './workshop-calendar-event'
import { placeEmail, type PlaceNews, type WorkshopMailContext } from './workshop-emails'
import { personalSequence } from './registration-changes'

export type StoredWorkshop = WorkshopFields & { _id: Types.ObjectId }
export type MailingDeps = { outbox: Outbox; clock: Clock; baseUrl: string; mailFrom: string }
export type WorkshopMailer = ReturnType<typeof createWorkshopMailer>

export function calendarWorkshopOf(workshop: StoredWorkshop, seriesTitle: string): CalendarWorkshop {
  return {
    id: String(workshop._id),
    seriesTitle,
    title: workshop.title,
    moduleNumber: workshop.moduleNumber,
    description: workshop.description,
    start: workshop.start,
    end: workshop.end,
    room: workshop.room,
    site: workshop.site,
    onlineLink: workshop.onlineLink,
    facilitators: workshop.facilitators,
  }
}

export function createWorkshopMailer(deps: MailingDeps) {
  const organizer = organizerFrom(deps.mailFrom)

  async function calendarWorkshop(workshop: StoredWorkshop): Promise<CalendarWorkshop> {
    const series = await WorkshopSeries.findById(workshop.seriesId, { title: 1 }).lean()
    return calendarWorkshopOf(workshop, series?.title ?? '')
  }

  /** One context per person, for the same workshop. */
  async function contexts(workshop: StoredWorkshop, userIds: readonly Types.ObjectId[]): Promise<WorkshopMailContext[]> {
    const calendar = await calendarWorkshop(workshop)
    const people = await peopleById(userIds)
    const now = deps.clock.now()
    return userIds.flatMap(id => {
      const person = people.get(String(id))
      return person ? [{ workshop: calendar, person: { id: person.id, name: person.name, email: person.email }, organizer, baseUrl: deps.baseUrl, now }] : []
    })
  }

  /** One person's context. By id, not `$in`: FerretDB v1 looks an `_id` up directly but scans for `$in`. */
  async function context(workshop: StoredWorkshop, userId: Types.ObjectId): Promise<WorkshopMailContext | undefined> {
    const person = await User.findById(userId, { name: 1, email: 1 }).lean()
    if (!person) return undefined
    return {
      workshop: await calendarWorkshop(workshop),
      person: { id: String(person._id), name: person.name || person.email, email: person.email },
      organizer,
      baseUrl: deps.baseUrl,
      now: deps.clock.now(),
    }
  }

  return {
    organizer,
    calendarWorkshop,
    contexts,

    context,

    /** The person's invitation, update or cancellation at their SEQUENCE. */
    async sendPlace(news: PlaceNews, workshop: StoredWorkshop, registration: { userId: Types.ObjectId; uid: string; sequence: number }, reason = '') {
      const ctx = await context(workshop, registration.userId)
      if (!ctx) return
      await deps.outbox.enqueue(placeEmail(news, ctx, { uid: registration.uid, sequence: personalSequence(workshop, registration), reason }))
    },

    async send(email: OutgoingEmail | undefined) {
      if (email) await deps.outbox.enqueue(email)
    },

    sendMany: (emails: OutgoingEmail[]) => deps.outbox.enqueueMany(emails),
  }
}
