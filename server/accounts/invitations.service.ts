// Inviting people by email, and accepting an invitation by choosing a name and
// password. Inviting someone who already has an account just adds the role.
import type { Types } from 'mongoose'
import { User, type Role, type UserDocument } from '../../models/user'
import { addedToCohortEmail, invitationEmail, roleAddedEmail } from './account-emails'
import type { EmailLinkDeps } from './account-tokens'
import { hashPassword } from './passwords'
import { isDuplicateKeyError } from '../db/duplicate-key'

export const INVITATION_LIFETIME_DAYS = 7
const INVITATION_LIFETIME_MS = INVITATION_LIFETIME_DAYS * 24 * 60 * 60 * 1000

export type InvitationOutcome = 'invited' | 'role-added'

export type InvitationsService = ReturnType<typeof createInvitationsService>

export function createInvitationsService(deps: EmailLinkDeps) {
  const { tokens, outbox, clock, baseUrl } = deps

  /** The person with this email, created as invited if new, holding `role`. */
  async function enrol(email: string, role: Role): Promise<UserDocument> {
    try {
      return await User.findOneAndUpdate(
        { email: email.toLowerCase() },
        { $addToSet: { roles: role }, $setOnInsert: { status: 'invited', name: '' } },
        { upsert: true, returnDocument: 'after' },
      ).orFail()
    } catch (error) {
      // Two invitations for a new address at once: the loser of the upsert race retries as an update.
      if (!isDuplicateKeyError(error)) throw error
      return User.findOneAndUpdate({ email: email.toLowerCase() }, { $addToSet: { roles: role } }, { returnDocument: 'after' }).orFail()
    }
  }

  return {
    async invite(input: { email: string; role: Role; invitedBy: string }): Promise<{ user: UserDocument; outcome: InvitationOutcome }> {
      const user = await enrol(input.email, input.role)
      if (user.status === 'active') {
        const email = roleAddedEmail({ link: `${baseUrl}/sign-in`, role: input.role, invitedBy: input.invitedBy })
        await outbox.enqueue({ to: user.email, ...email, dedupeKey: `role-added:${String(user._id)}:${input.role}` })
        return { user, outcome: 'role-added' }
      }
      const token = await tokens.issue(user._id, 'invitation', INVITATION_LIFETIME_MS)
      const email = invitationEmail({
        link: `${baseUrl}/invitations/${token}`,
        role: input.role,
        invitedBy: input.invitedBy,
        expiresInDays: INVITATION_LIFETIME_DAYS,
      })
      await outbox.enqueue({ to: user.email, ...email, dedupeKey: `invitation:${String(user._id)}:${clock.now().getTime()}:${token.slice(0, 8)}` })
      return { user, outcome: 'invited' }
    },

    /** A set-password link for the admin CLI: the same invitation, printed instead of emailed. */
    async invitationLink(input: { email: string; name: string; role: Role }): Promise<string> {
      const user = await enrol(input.email, input.role)
      if (!user.name) await User.updateOne({ _id: user._id }, { $set: { name: input.name } })
      const token = await tokens.issue(user._id, 'invitation', INVITATION_LIFETIME_MS)
      return `${baseUrl}/invitations/${token}`
    },

    /**
     * After a CSV import: an invitation for each person still to accept one, and a note
     * for each who already has an account, at most once per person per cohort (the
     * outbox dedupe key), however often the file is imported. Returns how many were queued.
     */
    async inviteImported(
      cohort: { _id: unknown; name: string },
      people: { _id: Types.ObjectId; email: string; status: 'invited' | 'active' }[],
      role: Role,
      invitedBy: string,
    ): Promise<number> {
      const keyFor = (person: { _id: Types.ObjectId; status: string }) =>
        `${person.status === 'invited' ? 'import-invitation' : 'cohort-added'}:${String(cohort._id)}:${String(person._id)}`
      const already = new Set(await outbox.existingKeys(people.map(keyFor)))
      const due = people.filter(p => !already.has(keyFor(p)))
      const toInvite = due.filter(p => p.status === 'invited')
      const issued = await tokens.issueMany(toInvite.map(p => p._id), 'invitation', INVITATION_LIFETIME_MS)
      const tokenOf = new Map(toInvite.map((p, i) => [String(p._id), issued[i]!]))
      const messages = []
      for (const person of due) {
        if (person.status === 'invited') {
          const token = tokenOf.get(String(person._id))!
          const email = invitationEmail({ link: `${baseUrl}/invitations/${token}`, role, invitedBy, expiresInDays: INVITATION_LIFETIME_DAYS, cohortName: cohort.name })
          messages.push({ to: person.email, ...email, dedupeKey: keyFor(person) })
        } else {
          const email = addedToCohortEmail({ link: `${baseUrl}/profile`, role, invitedBy, cohortName: cohort.name })
          messages.push({ to: person.email, ...email, dedupeKey: keyFor(person) })
        }
      }
      return outbox.enqueueMany(messages)
    },

    check: (token: unknown) => tokens.check(token, 'invitation'),

    async accept(token: string, input: { name: string; password: string }): Promise<UserDocument> {
      const user = await tokens.check(token, 'invitation')
      const passwordHash = await hashPassword(input.password, deps.hashCost)
      await tokens.spend(token, 'invitation')
      await tokens.revokeOthers(user._id, 'invitation')
      return User.findOneAndUpdate(
        { _id: user._id },
        { $set: { name: input.name, passwordHash, status: 'active' } },
        { returnDocument: 'after' },
      ).orFail()
    },
  }
}
