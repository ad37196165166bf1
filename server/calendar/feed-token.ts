// The token in a calendar feed's address: `<feed id>.<secret>` (decision 009).
// The id finds the feed by `_id`, the one query the embedded engine answers
// without reading the whole collection; the secret is 256 random bits of which
// only the SHA-256 hash is stored, compared in constant time.
import { timingSafeEqual } from 'node:crypto'
import { Types } from 'mongoose'
import { hashToken, looksLikeToken } from '../accounts/tokens'

const FEED_TOKEN = /^([0-9a-f]{24})\.([^.]+)$/

export const feedToken = (feedId: Types.ObjectId, secret: string) => `${String(feedId)}.${secret}`

/** The feed id and secret of a token of the right shape; undefined for anything else. */
export function readFeedToken(value: unknown): { feedId: Types.ObjectId; secret: string } | undefined {
  const match = typeof value === 'string' ? FEED_TOKEN.exec(value) : null
  if (!match || !looksLikeToken(match[2])) return undefined
  return { feedId: new Types.ObjectId(match[1]), secret: match[2] }
}

/** Whether the secret is the one whose hash is stored. */
export function secretMatches(secret: string, tokenHash: string): boolean {
  const given = Buffer.from(hashToken(secret), 'hex')
  const stored = Buffer.from(tokenHash, 'hex')
  return given.length === stored.length && timingSafeEqual(given, stored)
}
