// Adding people to a cohort. Adding someone by email invites them (or, if they
// already have an account, just enrols them and adds the role); adding them
// twice changes nothing.
import { isValidObjectId, type Types } from 'mongoose'
import { Enrolment, type Side } from '../../models/enrolment'
import { Profile } from '../../models/profile'
import { User } from '../../models/user'
import { ConflictError, NotFoundError } from '../errors'
import type { InvitationsService } from '../accounts/invitations.service'
import { isDuplicateKeyError } from '../db/duplicate-key'

export type EnrolmentOutcome = 'invited' | 'role-added' | 'already-enrolled'

export type EnrolmentsService = ReturnType<typeof createEnrolmentsService>

export function createEnrolmentsService({ invitations }: { invitations: InvitationsService }) {
  return {
    /** Enrols the person with this email on one side of the cohort, inviting them if need be. */
    async add(cohortId: Types.ObjectId, input: { email: string; side: Side; invitedBy: string }): Promise<{ userId: Types.ObjectId; outcome: EnrolmentOutcome }> {
      const existingUser = await User.findOne({ email: input.email.toLowerCase() }).lean()
      if (existingUser) {
        const enrolment = await Enrolment.findOne({ cohortId, userId: existingUser._id }).lean()
        if (enrolment && enrolment.side !== input.side) {
          throw new ConflictError(`${input.email} is already in this cohort as a ${enrolment.side}`)
        }
        if (enrolment) return { userId: existingUser._id, outcome: 'already-enrolled' }
      }
      const { user, outcome } = await invitations.invite({ email: input.email, role: input.side, invitedBy: input.invitedBy })
      await this.enrol(cohortId, user._id, input.side)
      return { userId: user._id, outcome }
    },

    /** Idempotent: the unique index on (cohort, person) makes a second enrolment a no-op. */
    async enrol(cohortId: Types.ObjectId, userId: Types.ObjectId, side: Side): Promise<void> {
      // A concurrent upsert of the same key loses with a duplicate-key error: the row exists either way.
      const unlessDuplicate = (error: unknown) => {
        if (!isDuplicateKeyError(error)) throw error
      }
      await Enrolment.updateOne({ cohortId, userId }, { $setOnInsert: { side } }, { upsert: true }).catch(unlessDuplicate)
      await Profile.updateOne({ userId }, { $setOnInsert: { userId } }, { upsert: true }).catch(unlessDuplicate)
    },

    /** The enrolment of a person in a cohort, or NotFound. */
    async get(cohortId: Types.ObjectId, userId: unknown) {
      if (typeof userId !== 'string' || !isValidObjectId(userId)) throw new NotFoundError()
      const enrolment = await Enrolment.findOne({ cohortId, userId }).lean()
      if (!enrolment) throw new NotFoundError()
      return enrolment
    },
  }
}
