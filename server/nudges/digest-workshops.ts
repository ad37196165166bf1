// The digest's workshop lines: the cohort's sessions in the coming week, with how
// full each is, so the lead can chase places or a room before the day.
import type { Types } from 'mongoose'
import { Workshop } from '../../models/workshop'
import { WorkshopRegistration } from '../../models/workshop-registration'
import { formatDateTime } from '../format'

const WEEK_MS = 7 * 86_400_000

export async function upcomingWorkshopLines(cohortId: Types.ObjectId, now: Date): Promise<string[]> {
  const workshops = await Workshop.find({ cohortId, status: 'scheduled', start: { $gte: now, $lt: new Date(+now + WEEK_MS) } }, { title: 1, moduleNumber: 1, start: 1, capacity: 1 })
    .sort({ start: 1 })
    .lean()
  if (!workshops.length) return ['No workshops in the coming week.']
  const lines = await Promise.all(
    workshops.map(async w => {
      // An offered place is held for its person until they answer.
      const [held, waiting] = await Promise.all([
        WorkshopRegistration.countDocuments({ workshopId: w._id, status: { $in: ['confirmed', 'offered'] } }),
        WorkshopRegistration.countDocuments({ workshopId: w._id, status: 'waitlisted' }),
      ])
      const title = w.moduleNumber ? `Module ${w.moduleNumber}, ${w.title}` : w.title
      return `- ${formatDateTime(w.start)}: ${title}, ${held} of ${w.capacity} places taken${waiting ? `, ${waiting} on the waitlist` : ''}`
    }),
  )
  return [`Workshops in the coming week (${workshops.length}):`, ...lines]
}
