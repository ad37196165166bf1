// An email waiting to be sent, or sent. The change that causes an email writes
// this row; the outbox worker claims it with a lease and delivers it once.
import { Schema, model, type HydratedDocument, type InferSchemaType } from 'mongoose'

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const

const outboxMessageSchema = new Schema(
  {
    // Unique: writing the same message twice (a retried request, a re-import) is a no-op.
    dedupeKey: { type: String, required: true, unique: true },
    to: { type: String, required: true },
    subject: { type: String, required: true },
    text: { type: String, required: true },
    html: { type: String },
    // The calendar part, sent with nodemailer's icalEvent; method equals the METHOD inside.
    icalEvent: {
      type: new Schema({ method: String, filename: String, content: String }, { _id: false }),
      default: undefined,
    },
    status: { type: String, enum: OUTBOX_STATUSES, default: 'pending' },
    attempts: { type: Number, default: 0 },
    nextAttemptAt: { type: Date, required: true },
    leaseOwner: { type: String, default: null },
    leaseUntil: { type: Date, default: null },
    lastError: { type: String, default: null },
    sentAt: { type: Date, default: null },
  },
  { timestamps: true },
)
outboxMessageSchema.index({ status: 1, nextAttemptAt: 1 })

export type OutboxMessageFields = InferSchemaType<typeof outboxMessageSchema>
export type OutboxMessageDocument = HydratedDocument<OutboxMessageFields>
export const OutboxMessage = model('OutboxMessage', outboxMessageSchema)
