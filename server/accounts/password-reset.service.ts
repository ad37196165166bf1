// "Forgotten your password?": an email with a one-hour single-use link.
// The answer is the same whether or not the address has an account, so the
// form cannot be used to find out who uses Tandem.
import { AccountToken } from '../../models/account-token'
import { User, type UserDocument } from '../../models/user'
import { passwordResetEmail } from './account-emails'
import type { EmailLinkDeps } from './account-tokens'
import { hashPassword } from './passwords'

export const RESET_LIFETIME_MINUTES = 60
const RESET_LIFETIME_MS = RESET_LIFETIME_MINUTES * 60 * 1000
// Enough for a person who mistypes; too few to flood someone's inbox.
const MAX_RESETS_PER_HOUR = 3

export type PasswordResetService = ReturnType<typeof createPasswordResetService>

export function createPasswordResetService(deps: EmailLinkDeps) {
  const { tokens, outbox, clock, baseUrl } = deps
  return {
    async request(email: string): Promise<void> {
      const user = await User.findOne({ email: email.toLowerCase(), status: 'active' })
      if (!user) return
      const hourAgo = new Date(clock.now().getTime() - 60 * 60 * 1000)
      const recent = await AccountToken.countDocuments({ userId: user._id, purpose: 'password-reset', issuedAt: { $gt: hourAgo } })
      if (recent >= MAX_RESETS_PER_HOUR) return
      const token = await tokens.issue(user._id, 'password-reset', RESET_LIFETIME_MS)
      const message = passwordResetEmail({ link: `${baseUrl}/password-reset/${token}`, expiresInMinutes: RESET_LIFETIME_MINUTES })
      await outbox.enqueue({ to: user.email, ...message, dedupeKey: `password-reset:${token.slice(0, 16)}` })
    },

    check: (token: unknown) => tokens.check(token, 'password-reset'),

    async reset(token: string, password: string): Promise<UserDocument> {
      const user = await tokens.check(token, 'password-reset')
      const passwordHash = await hashPassword(password, deps.hashCost)
      await tokens.spend(token, 'password-reset')
      await tokens.revokeOthers(user._id, 'password-reset')
      return User.findOneAndUpdate({ _id: user._id }, { $set: { passwordHash } }, { returnDocument: 'after' }).orFail()
    },
  }
}
