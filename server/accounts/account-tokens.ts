// Issuing, checking and spending the single-use links of invitations and
// password resets. Spending is one conditional update, so two clicks on the
// same link (or two tabs submitting at once) cannot both succeed.
import type { Types } from 'mongoose'
import { AccountToken, type TokenPurpose } from '../../models/account-token'
import { User, type UserDocument } from '../../models/user'
import type { Clock } from '../clock'
import type { Outbox } from '../mail/outbox.service'
import { claimOnce } from '../db/claims'
import { DomainError } from '../errors'
import { hashToken, looksLikeToken, newToken } from './tokens'

export type TokenProblem = 'unknown' | 'expired' | 'used'

export class InvalidTokenError extends DomainError {
  override readonly status = 410
  constructor(readonly problem: TokenProblem) {
    super(`The link is ${problem}`)
  }
}

export type AccountTokens = ReturnType<typeof createAccountTokens>

/** What a service that emails single-use links needs. */
export type EmailLinkDeps = {
  tokens: AccountTokens
  outbox: Outbox
  clock: Clock
  baseUrl: string
  hashCost: number
}

export function createAccountTokens({ clock }: { clock: Clock }) {
  return {
    async issue(userId: Types.ObjectId, purpose: TokenPurpose, lifetimeMs: number): Promise<string> {
      const { token, tokenHash } = newToken()
      const issuedAt = clock.now()
      await AccountToken.create({ tokenHash, purpose, userId, issuedAt, expiresAt: new Date(issuedAt.getTime() + lifetimeMs) })
      return token
    },

    /** One token each for many people at once (CSV imports); returns them in the same order. */
    async issueMany(userIds: Types.ObjectId[], purpose: TokenPurpose, lifetimeMs: number): Promise<string[]> {
      const issuedAt = clock.now()
      const expiresAt = new Date(issuedAt.getTime() + lifetimeMs)
      const made = userIds.map(userId => ({ ...newToken(), userId }))
      await AccountToken.insertMany(made.map(({ tokenHash, userId }) => ({ tokenHash, purpose, userId, issuedAt, expiresAt })))
      return made.map(m => m.token)
    },

    /** The person a link belongs to, or InvalidTokenError saying why it cannot be used. */
    async check(token: unknown, purpose: TokenPurpose): Promise<UserDocument> {
      if (!looksLikeToken(token)) throw new InvalidTokenError('unknown')
      const row = await AccountToken.findOne({ tokenHash: hashToken(token), purpose }).lean()
      if (!row) throw new InvalidTokenError('unknown')
      if (row.usedAt) throw new InvalidTokenError('used')
      if (row.expiresAt <= clock.now()) throw new InvalidTokenError('expired')
      const user = await User.findById(row.userId)
      if (!user) throw new InvalidTokenError('unknown')
      return user
    },

    /**
     * Marks the link used; throws if it was already used or has expired meanwhile. The
     * once-only decision is a unique claim, so two simultaneous submissions cannot both pass.
     */
    async spend(token: string, purpose: TokenPurpose): Promise<void> {
      const now = clock.now()
      const tokenHash = hashToken(token)
      const row = await AccountToken.findOne({ tokenHash, purpose }).lean()
      if (!row || row.usedAt || row.expiresAt <= now) throw new InvalidTokenError(row?.usedAt ? 'used' : 'expired')
      if (!(await claimOnce(`token:${tokenHash}`, now))) throw new InvalidTokenError('used')
      await AccountToken.updateOne({ _id: row._id }, { $set: { usedAt: now } })
    },

    /** After a password is set, older unused links for that person stop working. */
    async revokeOthers(userId: Types.ObjectId, purpose: TokenPurpose): Promise<void> {
      await AccountToken.updateMany({ userId, purpose, usedAt: null }, { $set: { usedAt: clock.now() } })
    },
  }
}
