// The demo's running cohort meets for the six modules of "Lean for Leaders":
// the first three are past, with attendance marked; module 4 is next week and
// full, with a waitlist; module 5 is full to the last place; module 6 is online
// with places left. Registrations hold real place claims, as they would after
// registering. Dates are relative to the day the demo is seeded.
import { DateTime } from 'luxon'
import { Types } from 'mongoose'
import { Workshop } from '../../models/workshop'
import { WorkshopPlace } from '../../models/workshop-place'
import { WorkshopRegistration, type Attendance } from '../../models/workshop-registration'
import { WorkshopSeries } from '../../models/workshop-series'
import { PROGRAMME_ZONE } from '../../server/format'
import { placeId } from '../../server/workshops/places'
import { registrationUid } from '../../server/workshops/workshop-calendar-event'

type Person = { _id: Types.ObjectId }

const MODULES = [
  { title: 'Value and waste', description: 'Seeing the work from the patient’s side: what adds value, and the eight wastes.' },
  { title: 'Flow', description: 'Why queues form between wards and departments, and how to make work flow.' },
  { title: 'Standard work', description: 'Writing down the current best way, so that it can be improved.' },
  { title: 'Mistake-proofing', description: 'Designing processes in which the error cannot happen, or is caught at once.' },
  { title: 'Visual management', description: 'Boards and huddles that show at a glance whether the day is on track.' },
  { title: 'Leading improvement', description: 'Your role as a leader: going to see, asking why, and sustaining the gains.' },
]

/** A weekday at a London wall-clock time, `days` from today (Saturday and Sunday move to Monday). */
function londonDay(days: number, hour: number, minute = 0): Date {
  let day = DateTime.now().setZone(PROGRAMME_ZONE).startOf('day').plus({ days })
  while (day.weekday > 5) day = day.plus({ days: 1 })
  return day.set({ hour, minute }).toJSDate()
}

export async function seedWorkshops(deps: { lead: Person; cohortId: Types.ObjectId; people: Person[] }): Promise<string> {
  const series = await WorkshopSeries.create({
    cohortId: deps.cohortId,
    title: 'Lean for Leaders',
    description: 'Six modules from the Virginia Mason partnership, for doctors and managers together. Come with your partner.',
    pairsTogether: true,
    createdBy: deps.lead._id,
  })
  // [days from today, capacity, how many register, online]
  const plan: [number, number, number, boolean][] = [
    [-42, 20, 18, false],
    [-28, 20, 17, false],
    [-14, 20, 16, false],
    [7, 12, 16, false],
    [21, 10, 10, false],
    [35, 24, 6, true],
  ]
  const marks: Attendance[] = ['attended', 'attended', 'attended', 'attended', 'attended', 'absent', 'attended', 'apologies']
  let registered = 0
  for (const [index, [days, capacity, wanted, online]] of plan.entries()) {
    const start = londonDay(days, 9, 30)
    const workshop = await Workshop.create({
      seriesId: series._id,
      cohortId: deps.cohortId,
      title: MODULES[index]!.title,
      moduleNumber: index + 1,
      description: MODULES[index]!.description,
      start,
      end: new Date(+start + 3 * 3_600_000),
      room: online ? '' : 'Education centre, room 2',
      site: online ? '' : 'Guy’s Hospital',
      onlineLink: online ? 'https://meet.example.nhs.uk/lean-for-leaders-6' : '',
      capacity,
      facilitators: ['Grace Evans', 'Tariq Khan'],
      createdBy: deps.lead._id,
    })
    const past = +start < Date.now()
    // People registered over the fortnight after the series was announced, in turn.
    const opened = +start - 30 * 86_400_000
    const people = [...deps.people.slice(index % deps.people.length), ...deps.people.slice(0, index % deps.people.length)].slice(0, wanted)
    const rows = people.map((person, i) => {
      const confirmed = i < capacity
      const arrival = Types.ObjectId.createFromTime(Math.floor((opened + i * 3_600_000) / 1000) + i)
      return {
        _id: new Types.ObjectId(),
        workshopId: workshop._id,
        cohortId: deps.cohortId,
        userId: person._id,
        arrival,
        status: confirmed ? 'confirmed' : 'waitlisted',
        placeNumber: confirmed ? i + 1 : null,
        confirmedAt: confirmed ? new Date(opened + i * 3_600_000) : null,
        confirmedSequence: confirmed ? 0 : null,
        uid: registrationUid(String(workshop._id), String(person._id)),
        attendance: confirmed && past ? marks[(i + index) % marks.length]! : null,
      }
    })
    await WorkshopRegistration.insertMany(rows)
    await WorkshopPlace.insertMany(
      rows.filter(r => r.placeNumber !== null).map(r => ({ _id: placeId(workshop._id, r.placeNumber!), workshopId: workshop._id, number: r.placeNumber!, registrationId: r._id, at: r.confirmedAt! })),
    )
    registered += rows.length
  }
  return `a six-module workshop series with ${registered} registrations`
}

/** Everything seedWorkshops made for these cohorts. */
export async function removeWorkshops(cohortIds: Types.ObjectId[]) {
  const workshops = await Workshop.find({ cohortId: { $in: cohortIds } }, { _id: 1 }).lean()
  const workshopIds = workshops.map(w => w._id)
  await Promise.all([
    WorkshopPlace.deleteMany({ workshopId: { $in: workshopIds } }),
    WorkshopRegistration.deleteMany({ workshopId: { $in: workshopIds } }),
    Workshop.deleteMany({ _id: { $in: workshopIds } }),
    WorkshopSeries.deleteMany({ cohortId: { $in: cohortIds } }),
  ])
}
