// Nobody is double-booked: a confirmed session holds, for each of its two
// people, every quarter hour it covers, as a unique `TimeClaim` insert
// ("<userId>|<quarter-hour ISO>"). Of two overlapping sessions for the same
// person, the second insert on a shared quarter fails, on MongoDB and FerretDB
// v1 alike, however close together they arrive (decisions 003 and 008).
//
// Claims are taken in one global order (by quarter, then person) and a loser
// gives back what it took. With that order a race always has a winner: whoever
// fails, fails on a quarter held by someone further along, and the furthest one
// along cannot fail.
import type { Types } from 'mongoose'
import { ShadowingSession } from '../../models/shadowing-session'
import { TimeClaim } from '../../models/time-claim'
import { isDuplicateKeyError } from '../db/duplicate-key'

export const QUARTER_MS = 15 * 60_000

/** A claim older than this whose session no longer needs it was left by a crash or a loser that died; it may be taken. */
const ABANDONED_AFTER_MS = 2 * 60_000

export type ClaimOutcome = { ok: true } | { ok: false; clashWith: Types.ObjectId | undefined }

/** The quarter hours [start, end) covers, each as the epoch ms of its start. */
export function quartersOf(start: Date, end: Date): number[] {
  const first = Math.floor(+start / QUARTER_MS) * QUARTER_MS
  const out: number[] = []
  for (let q = first; q < +end; q += QUARTER_MS) out.push(q)
  return out
}

/** The claim ids a session at [start, end) needs for these people, in the global order. */
export function claimIdsFor(userIds: readonly (Types.ObjectId | string)[], start: Date, end: Date): string[] {
  const people = userIds.map(String).sort()
  return quartersOf(start, end).flatMap(q => people.map(person => `${person}|${new Date(q).toISOString()}`))
}

/** Whether the session holding a claim still needs that quarter: confirmed (or done) and covering it. */
async function stillNeeded(claimId: string, holder: Types.ObjectId): Promise<boolean> {
  const session = await ShadowingSession.findById(holder, { status: 1, start: 1, end: 1, hostId: 1, guestId: 1 }).lean()
  if (!session || (session.status !== 'confirmed' && session.status !== 'completed')) return false
  return claimIdsFor([session.hostId, session.guestId], session.start, session.end).includes(claimId)
}

/**
 * Takes every quarter of [start, end) for these people on behalf of `sessionId`,
 * keeping quarters the session already holds (a reschedule that overlaps its old
 * time). All or nothing: on a clash, what this call took is given back.
 */
export async function claimTimes(sessionId: Types.ObjectId, userIds: readonly Types.ObjectId[], start: Date, end: Date, now: Date): Promise<ClaimOutcome> {
  const taken: string[] = []
  for (const _id of claimIdsFor(userIds, start, end)) {
    const outcome = await claimOne(_id, sessionId, now)
    if (outcome === 'taken') taken.push(_id)
    else if (outcome !== 'already-ours') {
      if (taken.length) await TimeClaim.deleteMany({ _id: { $in: taken }, sessionId })
      return { ok: false, clashWith: outcome.holder }
    }
  }
  return { ok: true }
}

async function claimOne(_id: string, sessionId: Types.ObjectId, now: Date): Promise<'taken' | 'already-ours' | { holder: Types.ObjectId | undefined }> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await TimeClaim.create({ _id, sessionId, at: now })
      return 'taken'
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error
    }
    const existing = await TimeClaim.findById(_id).lean()
    if (!existing) continue // given back meanwhile: try again
    if (String(existing.sessionId) === String(sessionId)) return 'already-ours'
    const abandoned = +now - +existing.at > ABANDONED_AFTER_MS && !(await stillNeeded(_id, existing.sessionId))
    if (!abandoned) return { holder: existing.sessionId }
    await TimeClaim.deleteOne({ _id, sessionId: existing.sessionId, at: existing.at })
  }
  return { holder: undefined }
}

/** Gives back a session's quarters, all of them or all but those of its current time. */
export async function releaseTimes(sessionId: Types.ObjectId, keep: string[] = []): Promise<void> {
  await TimeClaim.deleteMany({ sessionId, ...(keep.length ? { _id: { $nin: keep } } : {}) })
}
