// Refuses sign-in after too many failures, per account and per IP address,
// counted in the database so that every app process sees the same numbers.
import { createHash } from 'node:crypto'
import { SignInFailure } from '../../models/sign-in-failure'
import type { Clock } from '../clock'

export const MAX_FAILURES = 10
export const WINDOW_MS = 15 * 60 * 1000

export type SignInThrottle = ReturnType<typeof createSignInThrottle>

export function createSignInThrottle({ clock }: { clock: Clock }) {
  const keysFor = (email: string, ip: string) => [key('account', email.toLowerCase()), key('ip', ip)]
  const since = () => new Date(clock.now().getTime() - WINDOW_MS)

  return {
    /** True when either the account or the address has failed too often recently. */
    async isBlocked(email: string, ip: string): Promise<boolean> {
      const counts = await Promise.all(
        keysFor(email, ip).map(k => SignInFailure.countDocuments({ key: k, at: { $gt: since() } })),
      )
      return counts.some(count => count >= MAX_FAILURES)
    },

    async recordFailure(email: string, ip: string): Promise<void> {
      const at = clock.now()
      await SignInFailure.insertMany(keysFor(email, ip).map(k => ({ key: k, at })))
    },

    /** A successful sign-in forgives the account's failures (not the address's). */
    async clearAccount(email: string): Promise<void> {
      await SignInFailure.deleteMany({ key: key('account', email.toLowerCase()) })
    },

    /** Removes rows too old to count; run on an interval (no TTL indexes on FerretDB v1). */
    async sweep(): Promise<number> {
      const result = await SignInFailure.deleteMany({ at: { $lte: since() } })
      return result.deletedCount
    },
  }
}

// Hashed so that the collection holds neither emails nor addresses.
function key(kind: string, value: string): string {
  return `${kind}:${createHash('sha256').update(value).digest('hex')}`
}
