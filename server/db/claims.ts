import type { Types } from 'mongoose'
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
 * True for the one caller that claims the record's revision for a change, as
 * `<key>:<id>:<revision>` (decision 008). A claim older than the lease, on a record
 * its model still shows at that revision, was left by a process that died
 * mid-change: the next caller takes the revision over with a claim of its own
 * (`<key>:<id>:<revision>:<n>`), which again only one caller can win. Without this
 * the record could never change again.
 */
export async function claimRevisionOf(record: RevisionedRecord, now: Date): Promise<boolean> {
  const { model, _id, revision } = record
  const name = `${record.key}:${String(_id)}`
  for (let takeover = 0; ; takeover += 1) {
    const key = takeover === 0 ? `${name}:${revision}` : `${name}:${revision}:${takeover}`
    if (await claimOnce(key, now)) return true
    const held = await Claim.findById(key, { at: 1 }).lean()
    if (held && held.at.getTime() > now.getTime() - REVISION_LEASE_MS) return false
    if ((await model.findById(_id, { revision: 1 }).lean())?.revision !== revision) return false
  }
}

/** A record changed one revision at a time: its model, its claims' key (`shadowing`), its id and the revision read. */
export type RevisionedRecord = {
  model: { findById(id: Types.ObjectId, projection: { revision: 1 }): { lean(): PromiseLike<{ revision?: number | null } | null> } }
  key: string
  _id: Types.ObjectId
  revision: number
}
