// Reading and saving profiles. Who may do so is decided here: the person
// themselves, or a lead.
import { isValidObjectId, type Types } from 'mongoose'
import { Cohort } from '../../models/cohort'
import { Enrolment, type Side } from '../../models/enrolment'
import { Profile } from '../../models/profile'
import { User } from '../../models/user'
import { ForbiddenError, NotFoundError } from '../errors'
import type { CurrentUser } from '../http/current-user'
import type { ProfileInput } from './profile.form'
import { missingProfileParts } from './profile-completeness'

export type ProfilesService = ReturnType<typeof createProfilesService>

export function createProfilesService() {
  return {
    /**
     * The person whose profile `viewer` asks for, with their side and the sites of their
     * cohorts. Only the person themselves or a lead may; anyone else is refused.
     */
    async forEditing(viewer: CurrentUser, personId: unknown) {
      if (typeof personId !== 'string' || !isValidObjectId(personId)) throw new NotFoundError()
      if (personId !== viewer.id && !viewer.roles.includes('lead')) throw new ForbiddenError()
      const person = await User.findById(personId).lean()
      if (!person) throw new NotFoundError()
      const enrolments = await Enrolment.find({ userId: person._id }).sort({ createdAt: -1 }).lean()
      const side: Side | undefined =
        enrolments[0]?.side ?? (person.roles.includes('doctor') ? 'doctor' : person.roles.includes('manager') ? 'manager' : undefined)
      if (!side) throw new NotFoundError('This person does not take part as a doctor or manager')
      const cohorts = await Cohort.find({ _id: { $in: enrolments.map(e => e.cohortId) } }).lean()
      const sites = [...new Set(cohorts.flatMap(c => c.sites))].sort()
      const profile = await Profile.findOne({ userId: person._id }).lean()
      return { person, side, sites, profile, cohorts }
    },

    /** What the person still has to fill in, for the home page. */
    async missingFor(viewer: CurrentUser): Promise<string[]> {
      const { side, profile } = await this.forEditing(viewer, viewer.id)
      return missingProfileParts(profile, side)
    },

    async save(userId: Types.ObjectId, input: ProfileInput): Promise<void> {
      await Profile.updateOne({ userId }, { $set: { ...input, userId } }, { upsert: true })
    },
  }
}
