// First-run set-up and signing in.
import { claimOnce, isClaimed } from '../db/claims'
import { User, type UserDocument } from '../../models/user'
import { ConflictError, DomainError } from '../errors'
import { hashPassword, verifyPassword } from './passwords'
import type { SignInThrottle } from './sign-in-throttle'

export class SignInError extends DomainError {
  override readonly status = 401
  constructor(readonly reason: 'wrong' | 'blocked') {
    super(reason === 'blocked' ? 'Too many failed attempts' : 'Email or password is wrong')
  }
}

const SETUP_FLAG = 'setup-complete'

export type AccountsService = ReturnType<typeof createAccountsService>

export function createAccountsService({ throttle, hashCost }: { throttle: SignInThrottle; hashCost: number }) {
  return {
    async needsSetup(): Promise<boolean> {
      return !(await isClaimed(SETUP_FLAG))
    },

    /** Records that the installation has a lead (e.g. made by the admin CLI), so /setup is closed. */
    async markSetUp(): Promise<void> {
      await claimOnce(SETUP_FLAG)
    },

    /** Creates the first programme lead; only ever once, even if two people submit together. */
    async createFirstLead(input: { name: string; email: string; password: string }): Promise<UserDocument> {
      if (!(await claimOnce(SETUP_FLAG))) throw new ConflictError('Tandem has already been set up')
      const passwordHash = await hashPassword(input.password, hashCost)
      return User.findOneAndUpdate(
        { email: input.email.toLowerCase() },
        { $set: { name: input.name, passwordHash, status: 'active' }, $addToSet: { roles: 'lead' } },
        { upsert: true, returnDocument: 'after' },
      ).orFail()
    },

    /** The person, if the email and password match and neither the account nor the address is throttled. */
    async signIn(input: { email: string; password: string; ip: string }): Promise<UserDocument> {
      const email = input.email.toLowerCase()
      if (await throttle.isBlocked(email, input.ip)) throw new SignInError('blocked')
      const user = await User.findOne({ email, status: 'active' })
      const ok = await verifyPassword(input.password, user?.passwordHash, hashCost)
      if (!user || !ok) {
        await throttle.recordFailure(email, input.ip)
        throw new SignInError('wrong')
      }
      await throttle.clearAccount(email)
      return user
    },
  }
}
