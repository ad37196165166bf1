// Fixtures for the board tests: a cohort whose projects sit under current,
// archived and missing priorities, with measures whose icons are known; and a
// cohort whose network is the hand-drawn one of test/unit/boards/network-fixture.ts.
import { Types } from 'mongoose'
import { DataPoint } from '../../models/data-point'
import { Measure } from '../../models/measure'
import { Pair } from '../../models/pair'
import { Priority } from '../../models/priority'
import { QiProject } from '../../models/qi-project'
import { ShadowingSession, type SessionStatus, type ShadowingDirection } from '../../models/shadowing-session'
import { WorkshopRegistration } from '../../models/workshop-registration'
import { insertCohort, insertMember } from './cohorts'
import { insertPublishedPair } from './shadowing'
import { insertWorkshop } from './workshops'

type PairFixture = Awaited<ReturnType<typeof insertPublishedPair>>

function insertProject(pair: PairFixture, title: string, priorityId: Types.ObjectId, extra: Record<string, unknown> = {}) {
  return QiProject.create({ title, priorityId, cohortId: pair.cohortId, pairId: pair.pair._id, doctorId: pair.doctor._id, managerId: pair.manager._id, createdBy: pair.doctor._id, lastActivityAt: new Date('2026-11-01T10:00:00Z'), ...extra })
}

/** A measure added on `addedOn`, with one value a week from 7 September 2026. */
async function insertMeasure(project: { _id: Types.ObjectId; doctorId: Types.ObjectId }, addedOn: string, fields: { name: string; type: 'outcome' | 'process'; direction: 'up' | 'down'; target?: number }, values: number[]) {
  const measure = await Measure.create({ projectId: project._id, createdBy: project.doctorId, ...fields })
  // Mongoose stamps createdAt itself; the main outcome measure is chosen by it.
  await Measure.collection.updateOne({ _id: measure._id }, { $set: { createdAt: new Date(addedOn) } })
  await DataPoint.insertMany(values.map((value, i) => ({ measureId: measure._id, projectId: project._id, createdBy: project.doctorId, date: new Date(Date.UTC(2026, 8, 7 + 7 * i)), value })))
}

/** Special cause improvement (the last point high, higher is better) and hit and miss against 20. */
export const IMPROVING = [10, 12, 11, 13, 12, 11, 10, 12, 11, 30]
/** Common cause (limits 2.84 to 8.16), consistently failing a target of 9. */
export const STEADY = [5, 6, 5, 6, 5, 6, 5, 6, 5, 6, 5, 6]

export async function insertBoardCohort() {
  const dara = await insertPublishedPair()
  const ola = await insertPublishedPair({ doctor: 'Ola Doctor', manager: 'Max Manager' }, dara.cohortId)
  const ben = await insertPublishedPair({ doctor: 'Ben Doctor', manager: 'Bea Manager' }, dara.cohortId)
  const ivy = await insertPublishedPair({ doctor: 'Ivy Doctor', manager: 'Ian Manager' }, dara.cohortId)
  const flow = await Priority.create({ title: 'Reduce length of stay' })
  const elective = await Priority.create({ title: 'Elective recovery' })
  const winter = await Priority.create({ title: 'Winter pressures', archived: true })
  await Priority.create({ title: 'Unused old priority', archived: true })

  const discharge = await insertProject(dara, 'Discharge before noon on Ward 7', flow._id, { progressScore: 2.5, shared: true, lastActivityAt: new Date('2026-11-20T10:00:00Z') })
  // A process measure first, then the main outcome measure, then a later outcome measure whose icons must not show.
  await insertMeasure(discharge, '2026-09-01T09:00:00Z', { name: 'Discharges audited', type: 'process', direction: 'up' }, STEADY)
  await insertMeasure(discharge, '2026-09-02T09:00:00Z', { name: 'Discharges before noon', type: 'outcome', direction: 'up', target: 20 }, IMPROVING)
  await insertMeasure(discharge, '2026-09-03T09:00:00Z', { name: 'Length of stay', type: 'outcome', direction: 'down' }, IMPROVING)
  const theatre = await insertProject(ola, 'Theatre start times', elective._id, { progressScore: 1 })
  await insertMeasure(theatre, '2026-09-02T09:00:00Z', { name: 'Lists starting on time', type: 'outcome', direction: 'up', target: 9 }, STEADY)
  const beds = await insertProject(ben, 'Winter beds', winter._id)
  // Its priority was deleted outright.
  const lost = await insertProject(ivy, 'Ambulance handovers', new Types.ObjectId())
  return { cohortId: dara.cohortId, dara, ola, flow, elective, winter, discharge, theatre, beds, lost }
}

/** `count` more projects under one priority, for pairs that need no accounts. */
export async function insertManyProjects(cohortId: Types.ObjectId, priorityId: Types.ObjectId, count: number) {
  await QiProject.insertMany(
    Array.from({ length: count }, (_, i) => ({
      title: `Extra project ${String(i + 1).padStart(2, '0')}`,
      priorityId,
      cohortId,
      pairId: new Types.ObjectId(),
      doctorId: new Types.ObjectId(),
      managerId: new Types.ObjectId(),
      createdBy: new Types.ObjectId(),
      lastActivityAt: new Date('2026-11-01T10:00:00Z'),
    })),
  )
}

/**
 * The hand-drawn network, in the database: Ada and Ben paired with Dee, Cal with
 * Eve; Fay and Gus unpaired. Completed sessions Ada → Dee twice, Dee → Ada, Ben →
 * Dee, Eve → Cal, and some that must not count (cancelled, confirmed, someone who
 * left). Workshops attended: W1 Ada, Ben, Cal; W2 Ada, Ben; W3 Fay.
 */
export async function insertNetworkCohort() {
  const cohort = await insertCohort({ name: 'Network cohort', status: 'running' })
  const member = (side: 'doctor' | 'manager', name: string) => insertMember(cohort._id, side, { name })
  const [ada, ben, cal, fay] = [await member('doctor', 'Ada'), await member('doctor', 'Ben'), await member('doctor', 'Cal'), await member('doctor', 'Fay')]
  const [dee, eve, gus] = [await member('manager', 'Dee'), await member('manager', 'Eve'), await member('manager', 'Gus')]
  const pair = (doctor: { _id: Types.ObjectId }, manager: { _id: Types.ObjectId }, place: number) =>
    Pair.create({ cohortId: cohort._id, doctorId: doctor._id, managerId: manager._id, managerPlace: place, publishedAt: new Date('2026-11-01T09:00:00Z') })
  const [adaDee, benDee, calEve] = [await pair(ada, dee, 1), await pair(ben, dee, 2), await pair(cal, eve, 1)]
  let uid = 0
  const session = (p: typeof adaDee, direction: ShadowingDirection, status: SessionStatus = 'completed') => {
    const [guest, host] = direction === 'doctor-shadows-manager' ? [p.doctorId, p.managerId] : [p.managerId, p.doctorId]
    uid += 1
    return ShadowingSession.create({
      cohortId: cohort._id, pairId: p._id, doctorId: p.doctorId, managerId: p.managerId, direction, hostId: host, guestId: guest,
      activity: 'Bed meeting', start: new Date('2026-11-02T10:00:00Z'), end: new Date('2026-11-02T11:00:00Z'), status, proposedBy: guest, respondentId: host, uid: `network-${uid}@tandem.test`,
    })
  }
  await session(adaDee, 'doctor-shadows-manager')
  await session(adaDee, 'doctor-shadows-manager')
  await session(adaDee, 'manager-shadows-doctor')
  await session(benDee, 'doctor-shadows-manager')
  await session(benDee, 'manager-shadows-doctor', 'cancelled')
  await session(calEve, 'manager-shadows-doctor')
  await session(calEve, 'doctor-shadows-manager', 'confirmed')
  const attend = async (people: { _id: Types.ObjectId }[], absent: { _id: Types.ObjectId }[] = []) => {
    const workshop = await insertWorkshop(cohort._id)
    await WorkshopRegistration.insertMany(
      [...people.map(p => [p, 'attended'] as const), ...absent.map(p => [p, 'absent'] as const)].map(([p, attendance]) => ({
        workshopId: workshop._id, cohortId: cohort._id, userId: p._id, arrival: new Types.ObjectId(), status: 'confirmed', uid: `w-${String(workshop._id)}-${String(p._id)}@tandem.test`, attendance,
      })),
    )
  }
  // Gus was registered but absent: no link.
  await attend([ada, ben, cal], [gus])
  await attend([ada, ben])
  await attend([fay])
  return { cohort, ada, ben, cal, dee, eve, fay, gus }
}
