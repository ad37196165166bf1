// Choosing which worker sends which outbox row, so that each delivery attempt
// belongs to exactly one worker, whatever number of app processes run.
//
// Why not one conditional findOneAndUpdate: on FerretDB v1 (our embedded
// engine) it is not atomic between clients. Measured with four clients racing
// over 30 rows, most rows were "won" by two or more of them, and concurrent
// $inc updates were lost. A unique insert is atomic there (and everywhere), so
// each attempt is claimed by inserting the Claim `outbox:<row id>:<attempt>`;
// the winner then leases the row. See models/claim.ts.
import type { Types } from 'mongoose'
import { Claim } from '../../models/claim'
import { OutboxMessage, type OutboxMessageFields } from '../../models/outbox-message'
import type { Clock } from '../clock'
import { claimOnce } from '../db/claims'

export type OutboxRow = OutboxMessageFields & { _id: Types.ObjectId }

// How many due rows one look at the outbox considers. Rows other workers win
// are skipped, so this only bounds one query, not how much a worker sends.
const BATCH = 20
// A claim only matters while some worker could still hold an older read of
// its row (milliseconds) or the attempt could still be running (one lease).
// A day is far beyond both, so older outbox claims can be deleted.
const CLAIM_RETENTION_MS = 24 * 60 * 60 * 1000

const claimKey = (id: Types.ObjectId, attempt: number) => `outbox:${String(id)}:${attempt}`

export function createOutboxClaimer({
  workerId,
  clock,
  leaseMs,
}: {
  workerId: string
  clock: Clock
  leaseMs: number
}) {
  /**
   * A claim on `attempt` exists but its winner never leased the row: it died
   * between the two writes. Without this check the row would look due forever
   * while every worker lost the claim on the same attempt.
   */
  async function abandoned(row: OutboxRow, attempt: number, now: Date): Promise<boolean> {
    const claim = await Claim.findById(claimKey(row._id, attempt)).lean()
    if (!claim || claim.at.getTime() > now.getTime() - leaseMs) return false
    // Re-read: our copy may predate the winner's lease, which would mean all is well.
    const fresh = await OutboxMessage.findById(row._id, { attempts: 1, status: 1 }).lean()
    return Boolean(
      fresh && fresh.attempts === row.attempts && (fresh.status === 'pending' || fresh.status === 'sending'),
    )
  }

  /** The attempt number this worker now owns, or null when another worker has the row. */
  async function claimAttempt(row: OutboxRow, now: Date): Promise<number | null> {
    // An abandoned attempt counts as spent, like a lease that ran out.
    for (let attempt = row.attempts + 1; ; attempt += 1) {
      if (await claimOnce(claimKey(row._id, attempt), now)) return attempt
      if (!(await abandoned(row, attempt, now))) return null
    }
  }

  return {
    /**
     * Claims and leases one due row: pending and due, or sending with a lease
     * that ran out (its worker crashed mid-send). Null when nothing is left.
     */
    async claimNext(): Promise<OutboxRow | null> {
      const now = clock.now()
      const due = await OutboxMessage.find({
        $or: [
          { status: 'pending', nextAttemptAt: { $lte: now } },
          { status: 'sending', leaseUntil: { $lt: now } },
        ],
      })
        .sort({ nextAttemptAt: 1, _id: 1 })
        .limit(BATCH)
        .lean<OutboxRow[]>()
      for (const row of due) {
        const attempts = await claimAttempt(row, now)
        if (attempts === null) continue
        const leaseUntil = new Date(now.getTime() + leaseMs)
        // Unconditional on purpose: the claim, not this update, decided ownership.
        await OutboxMessage.updateOne(
          { _id: row._id },
          { $set: { status: 'sending', leaseOwner: workerId, leaseUntil, attempts } },
        )
        return { ...row, status: 'sending', leaseOwner: workerId, leaseUntil, attempts }
      }
      return null
    },

    /** Deletes outbox claims too old to matter; returns how many. */
    async sweep(): Promise<number> {
      const before = new Date(clock.now().getTime() - CLAIM_RETENTION_MS)
      const result = await Claim.deleteMany({ _id: { $regex: /^outbox:/ }, at: { $lt: before } })
      return result.deletedCount
    },
  }
}
