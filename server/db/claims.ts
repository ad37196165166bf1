import { Claim } from '../../models/claim'
import { isDuplicateKeyError } from './duplicate-key'

/** True for the one caller that claims `key` first; false for everyone after, however concurrent. */
export async function claimOnce(key: string, at: Date = new Date()): Promise<boolean> {
  try {
    await Claim.create({ _id: key, at })
    return true
  } catch (error) {
    if (isDuplicateKeyError(error)) return false
    throw error
  }
}

/** Whether `key` has been claimed. */
export async function isClaimed(key: string): Promise<boolean> {
  return Boolean(await Claim.exists({ _id: key }))
}

/**
 * How long a change may hold a record's revision before it counts as abandoned:
 * far longer than any change takes (milliseconds, seconds on a busy embedded
 * engine), so only a process that died between claiming and saving leaves one.
 */
export const REVISION_LEASE_MS = 2 * 60 * 1000

/**
 * True for the one caller that claims revision `revision` of `record` for a change
 * (decision 008). A claim older than the lease, on a record still at that
 * revision, was left by a process that died mid-change: the next caller takes the
 * revision over with a claim of its own (`<record>:<revision>:<n>`), which again
 * only one caller can win. Without this the record could never change again.
 */
export async function claimRevisionOf(record: string, revision: number, now: Date, readRevision: () => Promise<number | undefined>): Promise<boolean> {
  for (let takeover = 0; ; takeover += 1) {
    const key = takeover === 0 ? `${record}:${revision}` : `${record}:${revision}:${takeover}`
    if (await claimOnce(key, now)) return true
    const held = await Claim.findById(key, { at: 1 }).lean()
    if (held && held.at.getTime() > now.getTime() - REVISION_LEASE_MS) return false
    if ((await readRevision()) !== revision) return false
  }
}
