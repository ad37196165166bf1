// The benchmark cohort's workshops: a six-module series, each module run as
// several sessions of fifty places a month apart (five past with attendance
// marked, the last to come); most people take a place at most modules, and the
// popular sessions have a waitlist. Places are held as the app holds them.
import { Types } from 'mongoose'
import { Workshop } from '../../models/workshop'
import { WorkshopPlace } from '../../models/workshop-place'
import { WorkshopRegistration, type Attendance } from '../../models/workshop-registration'
import { WorkshopSeries } from '../../models/workshop-series'
import { placeId } from '../../server/workshops/places'
import { registrationUid } from '../../server/workshops/workshop-calendar-event'
import type { BenchPeople } from './web-people'
import { DAY, insertAll, type Pick } from './web-random'

const MODULES = ['Value and waste', 'Flow', 'Standard work', 'Mistake-proofing', 'Visual management', 'Leading improvement']
const CAPACITY = 50
const MARKS: Attendance[] = ['attended', 'attended', 'attended', 'attended', 'attended', 'absent', 'apologies']

export async function generateWorkshops(pick: Pick, people: BenchPeople, now: number): Promise<{ workshops: number; registrations: number }> {
  const [series] = await WorkshopSeries.insertMany([{ cohortId: people.cohortId, title: 'Lean for Leaders', description: 'Six modules for doctors and managers together.', pairsTogether: true, createdBy: people.leadId }])
  const sessionsPerModule = Math.ceil((people.people.length * 0.75) / CAPACITY)
  const workshops: { _id: Types.ObjectId; start: Date; taken: number; waiting: number }[][] = MODULES.map((_, m) =>
    Array.from({ length: sessionsPerModule }, (_, s) => ({ _id: new Types.ObjectId(), start: new Date(now + (m - 4.5) * 30 * DAY + s * DAY + 9.5 * 3_600_000 - (now % DAY)), taken: 0, waiting: 0 })),
  )
  await insertAll(
    Workshop,
    workshops.flatMap((sessions, m) =>
      sessions.map(w => ({ _id: w._id, seriesId: series!._id, cohortId: people.cohortId, title: MODULES[m], moduleNumber: m + 1, start: w.start, end: new Date(+w.start + 3 * 3_600_000), room: 'Education centre', site: 'Guy’s Hospital', capacity: CAPACITY, facilitators: ['Grace Evans'], createdBy: people.leadId })),
    ),
  )
  const registrations: object[] = []
  const places: object[] = []
  for (const sessions of workshops) {
    for (const userId of people.people) {
      if (!pick.chance(0.7)) continue
      // Early sessions of each module are the popular ones.
      const workshop = sessions[Math.min(sessions.length - 1, Math.floor(pick.random() ** 1.5 * sessions.length))]!
      const confirmed = workshop.taken < CAPACITY
      const _id = new Types.ObjectId()
      const opened = +workshop.start - 30 * DAY
      const at = new Date(opened + (workshop.taken + workshop.waiting) * 600_000)
      if (confirmed) workshop.taken += 1
      else workshop.waiting += 1
      registrations.push({
        _id,
        workshopId: workshop._id,
        cohortId: people.cohortId,
        userId,
        arrival: Types.ObjectId.createFromTime(Math.floor(+at / 1000)),
        status: confirmed ? 'confirmed' : 'waitlisted',
        placeNumber: confirmed ? workshop.taken : null,
        confirmedAt: confirmed ? at : null,
        confirmedSequence: confirmed ? 0 : null,
        uid: registrationUid(String(workshop._id), String(userId)),
        attendance: confirmed && +workshop.start < now ? pick.one(MARKS) : null,
      })
      if (confirmed) places.push({ _id: placeId(workshop._id, workshop.taken), workshopId: workshop._id, number: workshop.taken, registrationId: _id, at })
    }
  }
  await insertAll(WorkshopRegistration, registrations)
  await insertAll(WorkshopPlace, places)
  return { workshops: workshops.flat().length, registrations: registrations.length }
}
