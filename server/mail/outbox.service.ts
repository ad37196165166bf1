// Writing email to the outbox. The change that causes an email writes the row;
// the outbox worker delivers it. A dedupe key makes writing the same email
// twice (a retried request, a re-imported file) a no-op.
import { isObjectIdOrHexString } from 'mongoose'
import { OutboxMessage, type OutboxMessageDocument } from '../../models/outbox-message'
import type { Clock } from '../clock'
import { insertManyIgnoringDuplicates, isDuplicateKeyError } from '../db/duplicate-key'
import { NotFoundError } from '../errors'

export type OutgoingEmail = {
  to: string
  subject: string
  text: string
  html?: string
  /** The calendar part; its method must equal the METHOD inside the content. */
  icalEvent?: { method: string; content: string; filename?: string }
  dedupeKey: string
}

export type Outbox = ReturnType<typeof createOutbox>


export function createOutbox({ clock }: { clock: Clock }) {
  return {
    /** Writes one email; `created` is false when one with the same dedupe key was already written. */
    async enqueue(email: OutgoingEmail): Promise<{ created: boolean }> {
      try {
        await OutboxMessage.create({ ...email, status: 'pending', nextAttemptAt: clock.now() })
        return { created: true }
      } catch (error) {
        if (isDuplicateKeyError(error)) return { created: false }
        throw error
      }
    },

    /** Writes many at once (imports); returns how many were new. */
    async enqueueMany(emails: OutgoingEmail[]): Promise<number> {
      const now = clock.now()
      return insertManyIgnoringDuplicates(
        OutboxMessage,
        emails.map(email => ({ ...email, status: 'pending', nextAttemptAt: now })),
      )
    },

    /** Which of these dedupe keys have already been written. */
    async existingKeys(keys: string[]): Promise<string[]> {
      if (!keys.length) return []
      const rows = await OutboxMessage.find({ dedupeKey: { $in: keys } }, { dedupeKey: 1 }).lean()
      return rows.map(r => r.dedupeKey)
    },

    /** Newest first, for the development mail page. */
    list: ({ limit }: { limit: number }) =>
      OutboxMessage.find().sort({ createdAt: -1, _id: -1 }).limit(limit).lean(),

    /** One message; an id that is not a 24-hex ObjectId is simply not found (no CastError, no 500). */
    async get(id: unknown): Promise<OutboxMessageDocument> {
      if (typeof id !== 'string' || !isObjectIdOrHexString(id)) throw new NotFoundError()
      const message = await OutboxMessage.findById(id)
      if (!message) throw new NotFoundError()
      return message
    },
  }
}
