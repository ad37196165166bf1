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
