// Delivers the outbox. Each delivery attempt of a row is claimed with a unique
// insert (`outbox:<id>:<attempt>`), so with several app processes every attempt
// belongs to exactly one of them (FerretDB v1's conditional updates are not
// atomic between clients; see models/claim.ts). The owner then leases the row;
// a row whose worker died mid-send is taken over, as the next attempt, when its
// lease runs out. Temporary failures are retried with exponential backoff,
// permanent ones (SMTP 5xx) are marked failed at once.
import { randomUUID } from 'node:crypto'
import type { Types } from 'mongoose'
import { OutboxMessage, type OutboxMessageFields } from '../../models/outbox-message'
import { claimOnce } from '../db/claims'
import type { Clock } from '../clock'
import type { Logger } from '../logger'
import type { MailTransport } from './transport'

export type OutboxWorkerOptions = {
  transport: Pick<MailTransport, 'sendMail'>
  from: string
  clock: Clock
  logger?: Logger
  workerId?: string
  /** Longer than any send can take (nodemailer's timeouts add up to under a minute). */
  leaseMs?: number
  maxAttempts?: number
  baseBackoffMs?: number
  maxBackoffMs?: number
  pollMs?: number
}

export type OutboxWorker = ReturnType<typeof createOutboxWorker>

type OutboxRow = OutboxMessageFields & { _id: Types.ObjectId }

export function createOutboxWorker(options: OutboxWorkerOptions) {
  const workerId = options.workerId ?? randomUUID()
  const leaseMs = options.leaseMs ?? 2 * 60 * 1000
  const maxAttempts = options.maxAttempts ?? 12
  const baseBackoffMs = options.baseBackoffMs ?? 30 * 1000
  const maxBackoffMs = options.maxBackoffMs ?? 60 * 60 * 1000
  const pollMs = options.pollMs ?? 2000
  const { clock, logger } = options

  async function claim(): Promise<OutboxRow | null> {
    const now = clock.now()
    const due = await OutboxMessage.find({
      $or: [
        { status: 'pending', nextAttemptAt: { $lte: now } },
        { status: 'sending', leaseUntil: { $lt: now } },
      ],
    })
      .sort({ nextAttemptAt: 1, _id: 1 })
      .limit(20)
      .lean()
    for (const row of due) {
      const attempts = row.attempts + 1
      if (!(await claimOnce(`outbox:${String(row._id)}:${attempts}`, now))) continue
      const leaseUntil = new Date(now.getTime() + leaseMs)
      await OutboxMessage.updateOne({ _id: row._id }, { $set: { status: 'sending', leaseOwner: workerId, leaseUntil, attempts } })
      return { ...row, attempts }
    }
    return null
  }

  async function deliver(row: OutboxRow): Promise<void> {
    const id = row._id as Types.ObjectId
    const mine = { _id: id, leaseOwner: workerId, status: 'sending' as const }
    try {
      await options.transport.sendMail({
        from: options.from,
        to: row.to,
        subject: row.subject,
        text: row.text,
        html: row.html ?? undefined,
        // Stable per row, so that a duplicate delivery would at least be recognisable.
        messageId: `<${String(id)}@tandem.outbox>`,
        icalEvent: row.icalEvent?.content
          ? { method: row.icalEvent.method ?? 'REQUEST', content: row.icalEvent.content, filename: row.icalEvent.filename ?? 'invite.ics' }
          : undefined,
      })
      await OutboxMessage.updateOne(mine, { $set: { status: 'sent', sentAt: clock.now(), leaseOwner: null, leaseUntil: null, lastError: null } })
      logger?.info({ outboxId: String(id), attempts: row.attempts }, 'Email sent')
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode
      const reason = describe(error)
      const permanent = typeof code === 'number' && code >= 500
      if (permanent || row.attempts >= maxAttempts) {
        await OutboxMessage.updateOne(mine, { $set: { status: 'failed', lastError: reason, leaseOwner: null, leaseUntil: null } })
        logger?.warn({ outboxId: String(id), attempts: row.attempts, code: code ?? (error as { code?: string }).code }, 'Email failed permanently')
        return
      }
      const backoff = Math.min(maxBackoffMs, baseBackoffMs * 2 ** (row.attempts - 1))
      await OutboxMessage.updateOne(mine, {
        $set: { status: 'pending', nextAttemptAt: new Date(clock.now().getTime() + backoff), lastError: reason, leaseOwner: null, leaseUntil: null },
      })
      // The SMTP reply may quote the address, so only the code is logged; the row keeps the text.
      logger?.info({ outboxId: String(id), attempts: row.attempts, code: code ?? (error as { code?: string }).code, retryInMs: backoff }, 'Email will be retried')
    }
  }

  let timer: NodeJS.Timeout | undefined
  let running: Promise<unknown> = Promise.resolve()
  let stopped = true

  const worker = {
    id: workerId,

    /** Sends every row that is due now; returns how many it handled. */
    async runOnce(): Promise<number> {
      let handled = 0
      for (let row = await claim(); row; row = await claim()) {
        await deliver(row)
        handled += 1
      }
      return handled
    },

    start() {
      if (!stopped) return
      stopped = false
      const tick = () => {
        running = worker
          .runOnce()
          .catch(error => logger?.error({ err: error }, 'Outbox worker failed'))
          .finally(() => {
            if (!stopped) timer = setTimeout(tick, pollMs)
          })
      }
      tick()
    },

    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await running
    },
  }
  return worker
}

/** An error as a short line for the row: SMTP code and message, or the network error code. */
function describe(error: unknown): string {
  const e = error as { responseCode?: number; response?: string; code?: string; message?: string }
  if (e.responseCode) return `${e.responseCode} ${(e.response ?? '').slice(0, 200)}`
  return `${e.code ?? 'ERROR'} ${(e.message ?? '').slice(0, 200)}`
}
