// One change at a time per registration. FerretDB v1 does not make
// conditional updates atomic (decision 003), so "only if still waitlisted"
// cannot be an update filter. Each change claims the registration's current
// revision with a unique insert (`workshop-reg:<id>:<revision>`); the one caller
// that wins makes the change and moves the revision on. This is also what makes
// a promotion happen once: two processes freeing places at the same moment
// cannot both promote the same person.
import type { Types } from 'mongoose'
import { WorkshopRegistration } from '../../models/workshop-registration'
import { claimRevisionOf } from '../db/claims'
import { ConflictError } from '../errors'

type Revisioned = { _id: Types.ObjectId; revision: number }

export class RegistrationChangedError extends ConflictError {
  constructor() {
    super('Your registration changed at the same moment. Check it again below before you do anything else.')
  }
}

/** True for the one caller that claims this revision of the registration. */
export const claimRegistration = (registration: Revisioned, now: Date) =>
  claimRevisionOf({ model: WorkshopRegistration, key: 'workshop-reg', _id: registration._id, revision: registration.revision }, now)

/** After a claimed change that could not go ahead, moves the revision on unchanged so the registration is not stuck. */
export async function releaseRegistration(registration: Revisioned): Promise<void> {
  await WorkshopRegistration.updateOne({ _id: registration._id, revision: registration.revision }, { $set: { revision: registration.revision + 1 } })
}

/**
 * The registration's own part of the SEQUENCE for a new invitation: unchanged for
 * the first one, one more when the person's event has been sent before (a
 * cancellation, or a place given up and taken again), so that calendars take
 * the newer one.
 */
export const sequenceForInvite = (registration: { sequence: number; confirmedSequence?: number | null }) =>
  registration.confirmedSequence === null || registration.confirmedSequence === undefined ? registration.sequence : registration.sequence + 1

/** The person's SEQUENCE: the whole session's changes plus their own. */
export const personalSequence = (workshop: { sequence: number }, registration: { sequence: number }) => workshop.sequence + registration.sequence
