// Fixtures for the dashboard tests: a running cohort in the database whose
// dashboard is checked by hand. The route tests' clock stands at Monday 23
// November 2026, 09:00 (London = UTC); reflections open on the 1st, so
// November's is open, and overdue from 8 November.
//
// Nine people are invited: doctors Dara, Ola, Ben, Fay, Cal and Eve (incomplete
// profile); managers Mina (two doctors), Max and Nia. Everyone else's profile is complete.
// - P1 Dara + Mina: 2 sessions doctor→manager and 1 manager→doctor done in November;
//   a project with a PDSA cycle and a measure whose last point is special-cause improvement.
// - P2 Ola + Max: one session each way done, the last ending 2 October (quiet);
//   a project with a PDSA cycle, a flat measure and a "neither" measure that jumps
//   (no improvement either way); last updated 1 October (stale).
// - P3 Ben + Nia: one session each way in November; a charter only. Ben raised a
//   concern in November's reflection (with a private comment); Nia has not reflected.
// - P4 Fay + Mina: published 20 November; a manager→doctor session booked for December,
//   a proposal and a cancelled session (neither counts).
// - Cal is complete and unpaired; Eve is incomplete.
// Workshops: module 1 (5 October) with Dara attended, Mina apologies, Ola absent, Max not
// marked; module 2 (7 December) with Dara's place; a cancelled session with one place.
import { Types } from 'mongoose'
import { CompactAgreement } from '../../models/compact-agreement'
import { CompactReflection } from '../../models/compact-reflection'
import { DataPoint } from '../../models/data-point'
import type { Side } from '../../models/enrolment'
import { Measure } from '../../models/measure'
import { Pair } from '../../models/pair'
import { PdsaCycle } from '../../models/pdsa-cycle'
import { Priority } from '../../models/priority'
import { Profile } from '../../models/profile'
import { QiProject } from '../../models/qi-project'
import { ShadowingSession, type SessionStatus, type ShadowingDirection } from '../../models/shadowing-session'
import { Workshop } from '../../models/workshop'
import { WorkshopRegistration, type Attendance } from '../../models/workshop-registration'
import { insertCohort, insertMember } from './cohorts'
import { insertWorkshop } from './workshops'

export const CONCERN = 'Rota clashes every week'
export const PRIVATE_COMMENT = 'PRIVATE: thank you for the clinic'

const COMPLETE: Record<Side, Record<string, unknown>> = {
  doctor: { grade: 'ST3', specialty: 'Cardiology', site: 'North', interests: ['Flow'], availability: ['mon-am'] },
  manager: { jobTitle: 'General manager', band: '8a', directorate: 'Medicine', specialtiesCovered: ['Cardiology'], site: 'North', interests: ['Flow'], availability: ['mon-am'], capacity: 2 },
}

let uid = 0

export async function insertDashboardCohort() {
  const cohort = await insertCohort({ status: 'running' })
  const cohortId = cohort._id
  const member = async (side: Side, name: string, complete = true) => {
    const user = await insertMember(cohortId, side, { name })
    if (complete) await Profile.updateOne({ userId: user._id }, { $set: COMPLETE[side] })
    return user
  }
  const [dara, ola, ben, fay] = [await member('doctor', 'Dara Okafor'), await member('doctor', 'Ola Doctor'), await member('doctor', 'Ben Doctor'), await member('doctor', 'Fay Doctor')]
  const [cal, eve] = [await member('doctor', 'Cal Doctor'), await member('doctor', 'Eve Doctor', false)]
  const [mina, max, nia] = [await member('manager', 'Mina Shah'), await member('manager', 'Max Manager'), await member('manager', 'Nia Manager')]

  const pair = (doctor: typeof dara, manager: typeof dara, publishedAt: string, managerPlace = 1) =>
    Pair.create({ cohortId, doctorId: doctor._id, managerId: manager._id, managerPlace, publishedAt: new Date(publishedAt) })
  const p1 = await pair(dara, mina, '2026-09-01T09:00:00Z')
  const p2 = await pair(ola, max, '2026-09-01T09:00:00Z')
  const p3 = await pair(ben, nia, '2026-09-01T09:00:00Z')
  const p4 = await pair(fay, mina, '2026-11-20T09:00:00Z', 2)

  const session = (p: typeof p1, direction: ShadowingDirection, end: string, status: SessionStatus = 'completed') => {
    const [host, guest] = direction === 'doctor-shadows-manager' ? [p.managerId, p.doctorId] : [p.doctorId, p.managerId]
    uid += 1
    return ShadowingSession.create({
      cohortId, pairId: p._id, doctorId: p.doctorId, managerId: p.managerId, direction, hostId: host, guestId: guest,
      activity: 'Bed meeting', start: new Date(+new Date(end) - 3_600_000), end: new Date(end), status, proposedBy: guest, respondentId: host, uid: `dashboard-${uid}@tandem.test`,
    })
  }
  await session(p1, 'doctor-shadows-manager', '2026-11-02T10:00:00Z')
  await session(p1, 'doctor-shadows-manager', '2026-11-16T10:00:00Z')
  await session(p1, 'manager-shadows-doctor', '2026-11-09T10:00:00Z')
  await session(p2, 'doctor-shadows-manager', '2026-10-01T10:00:00Z')
  await session(p2, 'manager-shadows-doctor', '2026-10-02T10:00:00Z')
  await session(p3, 'doctor-shadows-manager', '2026-11-03T10:00:00Z')
  await session(p3, 'manager-shadows-doctor', '2026-11-10T10:00:00Z')
  await session(p4, 'manager-shadows-doctor', '2026-12-01T10:00:00Z', 'confirmed')
  await session(p4, 'doctor-shadows-manager', '2026-12-02T10:00:00Z', 'proposed')
  await session(p4, 'doctor-shadows-manager', '2026-11-21T10:00:00Z', 'cancelled')

  const priority = await Priority.create({ title: 'Reduce length of stay' })
  const project = (p: typeof p1, title: string, lastActivityAt: string) =>
    QiProject.create({ cohortId, pairId: p._id, doctorId: p.doctorId, managerId: p.managerId, title, priorityId: priority._id, createdBy: p.doctorId, lastActivityAt: new Date(lastActivityAt) })
  const q1 = await project(p1, 'Discharge before noon on Ward 7', '2026-11-20T10:00:00Z')
  const q2 = await project(p2, 'Theatre start times', '2026-10-01T09:00:00Z')
  await project(p3, 'Clinic letters', '2026-11-20T10:00:00Z')
  for (const q of [q1, q2]) {
    await PdsaCycle.create({ projectId: q._id, number: 1, objective: 'Test it', changeIdea: 'Board round at 9', plannedFor: new Date('2026-10-01'), prediction: 'Better', createdBy: q.doctorId })
  }
  const measure = async (q: typeof q1, direction: 'up' | 'down' | 'neither', values: number[]) => {
    const m = await Measure.create({ projectId: q._id, name: 'Length of stay', type: 'outcome', direction, createdBy: q.doctorId })
    await DataPoint.insertMany(values.map((value, i) => ({ measureId: m._id, projectId: q._id, createdBy: q.doctorId, date: new Date(Date.UTC(2026, 6, 6 + 7 * i)), value })))
  }
  const steady = [10, 11, 9, 10, 11, 9, 10, 11, 9, 10, 11, 9]
  // Twelve steady weeks, then a length of stay far below the lower limit: improvement, for "down".
  await measure(q1, 'down', [...steady, 3])
  await measure(q2, 'down', steady)
  await measure(q2, 'neither', [...steady, 3])

  // Compacts agreed by both: P1 on 1 September, P3 on 15 October. P2 has one partner's agreement only.
  const agreed = (p: typeof p1, userId: Types.ObjectId, at: string) => ({ pairId: p._id, version: 1, userId, createdAt: new Date(at), updatedAt: new Date(at) })
  await CompactAgreement.insertMany(
    [agreed(p1, dara._id, '2026-09-01T09:00:00Z'), agreed(p1, mina._id, '2026-09-01T10:00:00Z'), agreed(p3, ben._id, '2026-10-15T09:00:00Z'), agreed(p3, nia._id, '2026-10-15T10:00:00Z'), agreed(p2, ola._id, '2026-10-01T09:00:00Z')],
    { timestamps: false },
  )
  const reflection = (p: typeof p1, userId: Types.ObjectId, at: string, extra: { comment?: string; concern?: string } = {}) => ({
    pairId: p._id, cohortId, userId, month: '2026-11', version: 1, ratings: [{ commitment: 'We keep the dates we agree', rating: 4 }], createdAt: new Date(at), updatedAt: new Date(at), ...extra,
  })
  await CompactReflection.insertMany(
    [reflection(p1, dara._id, '2026-11-02T09:00:00Z', { comment: PRIVATE_COMMENT }), reflection(p1, mina._id, '2026-11-03T09:00:00Z'), reflection(p3, ben._id, '2026-11-10T09:00:00Z', { comment: PRIVATE_COMMENT, concern: CONCERN })],
    { timestamps: false },
  )

  const module1 = await insertWorkshop(cohortId, { moduleNumber: 1, title: 'Value and waste', start: new Date('2026-10-05T09:30:00Z'), end: new Date('2026-10-05T12:30:00Z') })
  const module2 = await insertWorkshop(cohortId, { seriesId: module1.seriesId, moduleNumber: 2, title: 'Flow', start: new Date('2026-12-07T09:30:00Z'), end: new Date('2026-12-07T12:30:00Z') })
  const cancelled = await insertWorkshop(cohortId, { seriesId: module1.seriesId, moduleNumber: 3, title: 'Standard work' })
  await Workshop.updateOne({ _id: cancelled._id }, { $set: { status: 'cancelled' } })
  const place = (workshopId: Types.ObjectId, userId: Types.ObjectId, attendance: Attendance | null = null) => {
    uid += 1
    return { workshopId, cohortId, userId, arrival: new Types.ObjectId(), status: 'confirmed', uid: `place-${uid}@tandem.test`, attendance }
  }
  await WorkshopRegistration.insertMany([
    place(module1._id, dara._id, 'attended'),
    place(module1._id, mina._id, 'apologies'),
    place(module1._id, ola._id, 'absent'),
    place(module1._id, max._id),
    place(module2._id, dara._id),
    place(cancelled._id, ben._id, 'attended'),
  ])

  return { cohortId, dashboardPath: `/cohorts/${String(cohortId)}/dashboard`, people: { dara, ola, ben, fay, cal, eve, mina, max, nia }, pairs: { p1, p2, p3, p4 }, projects: { q1, q2 } }
}
