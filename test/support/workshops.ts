// Fixtures for workshop tests: a series with one session, and many people at
// once (no passwords: registering needs no sign-in when a test calls the service).
import type { Types } from 'mongoose'
import { Enrolment, type Side } from '../../models/enrolment'
import { User } from '../../models/user'
import { Workshop } from '../../models/workshop'
import { WorkshopSeries } from '../../models/workshop-series'

// START_TIME is Monday 23 November 2026, 09:00 London; this is two weeks later, 9:30am to 12:30pm.
export const WORKSHOP_START = new Date('2026-12-07T09:30:00Z')
export const WORKSHOP_END = new Date('2026-12-07T12:30:00Z')

export async function insertSeries(cohortId: Types.ObjectId, overrides: Partial<{ title: string; description: string; pairsTogether: boolean }> = {}) {
  return WorkshopSeries.create({ cohortId, title: 'Lean for Leaders', description: 'Six modules on improving flow.', ...overrides })
}

export async function insertWorkshop(
  cohortId: Types.ObjectId,
  overrides: Partial<{ seriesId: Types.ObjectId; title: string; moduleNumber: number; capacity: number; start: Date; end: Date; room: string; site: string; onlineLink: string; facilitators: string[] }> = {},
) {
  const seriesId = overrides.seriesId ?? (await insertSeries(cohortId))._id
  return Workshop.create({
    seriesId,
    cohortId,
    title: 'Value and waste',
    moduleNumber: 1,
    description: 'Seeing the work from the patient’s side.',
    start: WORKSHOP_START,
    end: WORKSHOP_END,
    room: 'Education centre, room 2',
    site: 'Guy’s Hospital',
    capacity: 20,
    facilitators: ['Grace Evans'],
    ...overrides,
  })
}

let counter = 0

/** `count` active people enrolled on one side of the cohort, in order. */
export async function insertCrowd(cohortId: Types.ObjectId, count: number, side: Side = 'doctor') {
  const users = await User.insertMany(
    Array.from({ length: count }, () => {
      counter += 1
      return { email: `crowd${counter}@example.nhs.uk`, name: `Crowd Person ${counter}`, roles: [side], status: 'active' }
    }),
  )
  await Enrolment.insertMany(users.map(u => ({ cohortId, userId: u._id, side })))
  return users
}
