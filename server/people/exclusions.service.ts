// Pairs that must never be matched, e.g. a manager and a doctor they line-manage.
import { isValidObjectId, type Types } from 'mongoose'
import { Enrolment } from '../../models/enrolment'
import { Exclusion } from '../../models/exclusion'
import { User } from '../../models/user'
import type { FieldError } from '../errors'
import { NotFoundError, ValidationError } from '../errors'
import { isDuplicateKeyError } from '../db/duplicate-key'

export type ExclusionsService = ReturnType<typeof createExclusionsService>

export function createExclusionsService() {
  return {
    async list(cohortId: Types.ObjectId) {
      const exclusions = await Exclusion.find({ cohortId }).sort({ createdAt: 1 }).lean()
      const ids = exclusions.flatMap(e => [e.doctorId, e.managerId])
      const names = new Map((await User.find({ _id: { $in: ids } }, { name: 1, email: 1 }).lean()).map(u => [String(u._id), u.name || u.email]))
      return exclusions.map(e => ({ id: String(e._id), doctor: names.get(String(e.doctorId)) ?? '', manager: names.get(String(e.managerId)) ?? '', reason: e.reason }))
    },

    /** Throws ValidationError (field ids doctorId, managerId, reason) for anything wrong. */
    async add(cohortId: Types.ObjectId, input: { doctorId: string; managerId: string; reason: string }, createdBy: string) {
      const errors: FieldError[] = []
      const onSide = async (id: string, side: 'doctor' | 'manager') =>
        isValidObjectId(id) && Boolean(await Enrolment.exists({ cohortId, userId: id, side }))
      if (!(await onSide(input.doctorId, 'doctor'))) errors.push({ field: 'doctorId', message: 'Select a doctor in this cohort' })
      if (!(await onSide(input.managerId, 'manager'))) errors.push({ field: 'managerId', message: 'Select a manager in this cohort' })
      if (!input.reason) errors.push({ field: 'reason', message: 'Enter the reason they must not be paired' })
      else if (input.reason.length > 200) errors.push({ field: 'reason', message: 'Reason must be 200 characters or fewer' })
      if (errors.length) throw new ValidationError(errors)
      try {
        await Exclusion.create({ cohortId, ...input, createdBy })
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error
        throw new ValidationError([{ field: 'doctorId', message: 'These two are already excluded from being paired' }])
      }
    },

    async remove(cohortId: Types.ObjectId, exclusionId: unknown) {
      if (typeof exclusionId !== 'string' || !isValidObjectId(exclusionId)) throw new NotFoundError()
      const { deletedCount } = await Exclusion.deleteOne({ _id: exclusionId, cohortId })
      if (!deletedCount) throw new NotFoundError()
    },
  }
}
