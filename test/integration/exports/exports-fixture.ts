// A small running cohort whose exports are checked by hand. The test clock
// stands at Monday 23 November 2026, 09:00 (London = UTC); reflections open on
// the 1st, so November's is open.
//
// - Doctor «Okafor, Dara "DJ"» (a comma and quotes) and manager «=HYPERLINK(…)»
//   (a formula), published as a pair on 1 October 2026 with a score of 50.
// - Two shadowing sessions at 9:30am London on either side of the October clock
//   change: Saturday 24 October (BST, 08:30 UTC) doctor shadows manager, completed,
//   with a reflection; Monday 26 October (GMT, 09:30 UTC) manager shadows doctor, confirmed.
// - Workshop module 1 on Tuesday 20 October 9:30am London: Dara attended, the manager
//   absent; module 2 on 7 December with Dara's place (not held yet).
// - A project with one outcome measure (lower is better) whose last of 13 weekly
//   values is special cause improvement, and no target.
// - Reflections: October both (ratings 4 and 5; 3 and 4), November Dara only (5, 5).
// Every private word (comments, concerns, what partners wrote after a session,
// a cancellation reason) carries PRIVATE_MARK, so no export may contain it.
import { Types } from 'mongoose'
import { CompactReflection } from '../../../models/compact-reflection'
import { Pair } from '../../../models/pair'
import { Priority } from '../../../models/priority'
import { Profile } from '../../../models/profile'
import { QiProject } from '../../../models/qi-project'
import { SessionReflection } from '../../../models/session-reflection'
import { ShadowingSession, type SessionStatus, type ShadowingDirection } from '../../../models/shadowing-session'
import { WorkshopRegistration, type Attendance } from '../../../models/workshop-registration'
import { insertCohort, insertMember } from '../../support/cohorts'
import { insertSeries, insertWorkshop } from '../../support/workshops'
import { insertMeasure, insertWeeklyPoints } from '../projects/measures-fixtures'

export const PRIVATE_MARK = 'PRIVATE-WORDS'
export const DOCTOR_NAME = 'Okafor, Dara "DJ"'
export const MANAGER_NAME = '=HYPERLINK("http://evil.example","Mina")'
export const NOTE = 'Line one of what I want,\nand line two'

let uid = 0

export async function insertExportsCohort() {
  const cohort = await insertCohort({ status: 'running', name: 'Surgery & Medicine, spring 2027' })
  const cohortId = cohort._id
  const doctor = await insertMember(cohortId, 'doctor', { name: DOCTOR_NAME })
  const manager = await insertMember(cohortId, 'manager', { name: MANAGER_NAME })
  await Profile.updateOne({ userId: doctor._id }, { $set: { grade: 'ST3', specialty: 'General surgery', site: 'St Thomas’ Hospital', interests: ['Flow'], availability: ['mon-am', 'thu-eve'], note: NOTE } })
  await Profile.updateOne({ userId: manager._id }, { $set: { jobTitle: 'General manager', band: '8a', site: 'St Thomas’ Hospital' } })
  const pair = await Pair.create({
    cohortId,
    doctorId: doctor._id,
    managerId: manager._id,
    managerPlace: 1,
    score: 50,
    contributions: [
      { criterion: 'specialty', points: 33, explanation: 'the manager’s service covers general surgery' },
      { criterion: 'site', points: 17, explanation: 'both at St Thomas’ Hospital' },
      { criterion: 'interests', points: 0, explanation: '' },
    ],
    publishedAt: new Date('2026-10-01T09:00:00Z'),
  })

  const session = (direction: ShadowingDirection, start: string, status: SessionStatus) => {
    const [hostId, guestId] = direction === 'doctor-shadows-manager' ? [manager._id, doctor._id] : [doctor._id, manager._id]
    uid += 1
    return ShadowingSession.create({
      cohortId,
      pairId: pair._id,
      doctorId: doctor._id,
      managerId: manager._id,
      direction,
      hostId,
      guestId,
      activity: direction === 'doctor-shadows-manager' ? 'Bed meeting' : 'Ward round',
      location: 'Site office, block B',
      start: new Date(start),
      end: new Date(+new Date(start) + 90 * 60_000),
      status,
      proposedBy: doctor._id,
      respondentId: manager._id,
      uid: `export-session-${uid}@tandem`,
      reason: `${PRIVATE_MARK} cancellation reason`,
    })
  }
  const before = await session('doctor-shadows-manager', '2026-10-24T08:30:00Z', 'completed')
  await session('manager-shadows-doctor', '2026-10-26T09:30:00Z', 'confirmed')
  await SessionReflection.create({ sessionId: before._id, pairId: pair._id, userId: doctor._id, learned: `${PRIVATE_MARK} learned`, surprised: `${PRIVATE_MARK} surprised`, idea: `${PRIVATE_MARK} idea` })

  const series = await insertSeries(cohortId)
  const past = await insertWorkshop(cohortId, { seriesId: series._id, start: new Date('2026-10-20T08:30:00Z'), end: new Date('2026-10-20T11:30:00Z') })
  const future = await insertWorkshop(cohortId, { seriesId: series._id, moduleNumber: 2, title: 'Flow' })
  const place = (workshopId: Types.ObjectId, userId: Types.ObjectId, placeNumber: number, attendance: Attendance | null) =>
    WorkshopRegistration.create({ workshopId, cohortId, userId, arrival: new Types.ObjectId(), status: 'confirmed', placeNumber, uid: `export-place-${String(workshopId)}-${String(userId)}@tandem`, attendance })
  await place(past._id, doctor._id, 1, 'attended')
  await place(past._id, manager._id, 2, 'absent')
  await place(future._id, doctor._id, 1, null)

  const priority = await Priority.create({ title: 'Reduce length of stay' })
  const project = await QiProject.create({
    cohortId,
    pairId: pair._id,
    doctorId: doctor._id,
    managerId: manager._id,
    title: 'Discharge before noon on Ward 7',
    aim: { what: 'Discharges before noon', baseline: '20%', target: '40%', by: new Date('2027-03-31T00:00:00Z') },
    priorityId: priority._id,
    progressScore: 2.5,
    createdBy: doctor._id,
    lastActivityAt: new Date('2026-11-20T16:45:00Z'),
  })
  const { measure } = await insertMeasure(project._id, doctor._id)
  await insertWeeklyPoints(measure, [5, 6, 5, 5, 6, 5, 6, 5, 5, 6, 5, 6, 1])

  const ratings = (values: number[]) => values.map((rating, i) => ({ commitment: `Commitment ${i + 1}`, rating }))
  const reflection = (userId: Types.ObjectId, month: string, values: number[], concern = '') =>
    CompactReflection.create({ pairId: pair._id, cohortId, userId, month, version: 1, ratings: ratings(values), comment: `${PRIVATE_MARK} comment ${month}`, concern })
  await reflection(doctor._id, '2026-10', [4, 5], `${PRIVATE_MARK} concern`)
  await reflection(manager._id, '2026-10', [3, 4])
  await reflection(doctor._id, '2026-11', [5, 5])

  return { cohort, cohortId, doctor, manager, pair, project, base: `/cohorts/${String(cohortId)}/exports` }
}
