// Delivers the outbox: claims due rows (see outbox-claim.ts), sends each with
// the one pooled transport, and records the outcome. Temporary failures are
// retried with exponential backoff; permanent ones (SMTP 5xx) fail at once.
// Logs carry row ids, attempt counts and error codes only: no addresses,
// subjects or bodies, which are personal data.
import { randomUUID } from 'node:crypto'
import type { Clock } from '../clock'
import type { Logger } from '../logger'
import { classifyFailure, retryDelayMs } from './delivery-failure'
import { createOutboxClaimer, type OutboxRow } from './outbox-claim'
import { OutboxMessage } from '../../models/outbox-message'
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

const SWEEP_EVERY_MS = 60 * 60 * 1000

/**
 * The calendar part as the one text/calendar alternative, its method parameter
 * the METHOD inside (read from the content itself, so the two cannot differ).
 * Not nodemailer's `icalEvent` option: that adds the same calendar a second
 * time as an application/ics attachment, which some clients show as a file to
 * open, and import as a second copy of the event.
 */
function calendarPart(event: OutboxRow['icalEvent']) {
  if (!event?.content) return undefined
  const inside = /^METHOD:([^\r\n]+)/m.exec(event.content)?.[1]
  const method = (inside ?? event.method ?? 'PUBLISH').trim().toUpperCase()
  return [{ contentType: `text/calendar; charset=utf-8; method=${method}`, content: event.content }]
}

/** The Message-ID of a row: the same on every attempt, so a duplicate delivery is recognisable. */
export const outboxMessageId = (row: Pick<OutboxRow, '_id'>) => `<${String(row._id)}@tandem.outbox>`

export function createOutboxWorker(options: OutboxWorkerOptions) {
  const workerId = options.workerId ?? randomUUID()
  const leaseMs = options.leaseMs ?? 2 * 60 * 1000
  const maxAttempts = options.maxAttempts ?? 12
  const baseBackoffMs = options.baseBackoffMs ?? 30 * 1000
  const maxBackoffMs = options.maxBackoffMs ?? 60 * 60 * 1000
  const pollMs = options.pollMs ?? 2000
  const { clock, logger } = options
  const claimer = createOutboxClaimer({ workerId, clock, leaseMs })

  async function deliver(row: OutboxRow): Promise<void> {
    const outboxId = String(row._id)
    // Only while the lease is still ours: another worker may have taken over.
    const mine = { _id: row._id, leaseOwner: workerId, status: 'sending' as const }
    const released = { leaseOwner: null, leaseUntil: null }
    try {
      await options.transport.sendMail({
        from: options.from,
        to: row.to,
        subject: row.subject,
        text: row.text,
        html: row.html ?? undefined,
        messageId: outboxMessageId(row),
        alternatives: calendarPart(row.icalEvent),
      })
      await OutboxMessage.updateOne(mine, {
        $set: { status: 'sent', sentAt: clock.now(), lastError: null, ...released },
      })
      logger?.info({ outboxId, attempts: row.attempts }, 'Email sent')
    } catch (error) {
      const failure = classifyFailure(error)
      if (failure.permanent || row.attempts >= maxAttempts) {
        await OutboxMessage.updateOne(mine, {
          $set: { status: 'failed', lastError: failure.summary, ...released },
        })
        logger?.warn(
          { outboxId, attempts: row.attempts, code: failure.code, permanent: failure.permanent },
          'Email failed',
        )
        return
      }
      const retryInMs = retryDelayMs(row.attempts, baseBackoffMs, maxBackoffMs)
      const nextAttemptAt = new Date(clock.now().getTime() + retryInMs)
      await OutboxMessage.updateOne(mine, {
        $set: { status: 'pending', nextAttemptAt, lastError: failure.summary, ...released },
      })
      logger?.info(
        { outboxId, attempts: row.attempts, code: failure.code, retryInMs },
        'Email will be retried',
      )
    }
  }

  let timer: NodeJS.Timeout | undefined
  let running: Promise<unknown> = Promise.resolve()
  let stopped = true
  let lastSweep = 0

  const worker = {
    id: workerId,

    /** Sends every row that is due now, one at a time; returns how many it handled. */
    async runOnce(): Promise<number> {
      let handled = 0
      for (let row = await claimer.claimNext(); row; row = await claimer.claimNext()) {
        await deliver(row)
        handled += 1
      }
      return handled
    },

    /** Deletes delivery claims too old to matter (they would otherwise pile up, one per attempt). */
    sweepClaims: () => claimer.sweep(),

    /** Polls every pollMs until stop(); one batch at a time. */
    start() {
      if (!stopped) return
      stopped = false
      const tick = () => {
        running = (async () => {
          await worker.runOnce()
          if (clock.now().getTime() - lastSweep >= SWEEP_EVERY_MS) {
            lastSweep = clock.now().getTime()
            await claimer.sweep()
          }
        })()
          // A database error must not end the loop; the next tick tries again.
          .catch(error => logger?.error({ err: error }, 'Outbox worker failed'))
          .finally(() => {
            if (!stopped) timer = setTimeout(tick, pollMs)
          })
      }
      tick()
    },

    /** Stops polling and waits for the batch in flight. */
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await running
    },
  }
  return worker
}
