// The demo's running cohort: ten published pairs part way through the
// programme, with shadowing in both directions — completed sessions with the
// host's outcome and both reflections, upcoming confirmed ones (holding their
// quarter hours like real bookings), proposals waiting for an answer and a
// cancellation. Dates are relative to the day the demo is seeded, so there is
// always a past and a future.
import { Types } from 'mongoose'
import { DateTime } from 'luxon'
import { Cohort } from '../../models/cohort'
import { EndedPair } from '../../models/ended-pair'
import { Enrolment } from '../../models/enrolment'
import { Pair } from '../../models/pair'
import { Profile } from '../../models/profile'
import { SessionReflection } from '../../models/session-reflection'
import { ShadowingSession, type ShadowingDirection } from '../../models/shadowing-session'
import { TimeClaim } from '../../models/time-claim'
import { PROGRAMME_ZONE } from '../../server/format'
import { claimIdsFor } from '../../server/shadowing/time-claims'

type Person = { _id: Types.ObjectId; name: string }

const WEEKDAY_HALF_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri'].flatMap(day => [`${day}-am`, `${day}-pm`])
const MANAGER_ACTIVITIES = ['Bed meeting', 'Directorate board', 'Budget review', 'Complaints panel', 'Patient flow huddle']
const DOCTOR_ACTIVITIES = ['Ward round', 'Outpatient clinic', 'Evening handover', 'Take on the acute medical unit']
const REFLECTIONS = [
  { learned: 'How the site team decides which wards open escalation beds.', surprised: 'How much of the meeting was about staffing, not beds.', idea: 'Track discharges before noon on our ward.' },
  { learned: 'What a doctor juggles between bleeps on a ward round.', surprised: 'How long it takes to get a TTO signed.', idea: 'Measure the time from decision to discharge letter.' },
  { learned: 'Where the money for locum cover comes from.', surprised: 'That one agency shift costs as much as three bank shifts.', idea: 'Look at rota gaps on Fridays.' },
]

/** London wall-clock time `days` from today at `hour`: stays right across the clock changes. */
function londonAt(days: number, hour: number): Date {
  let day = DateTime.now().setZone(PROGRAMME_ZONE).startOf('day').plus({ days })
  // Weekdays only: everyone in the demo is free Monday to Friday.
  while (day.weekday > 5) day = day.plus({ days: 1 })
  return day.set({ hour }).toJSDate()
}

export async function seedShadowing(deps: { lead: Person; doctors: Person[]; managers: Person[]; sites: string[] }): Promise<{ cohortId: Types.ObjectId; summary: string }> {
  const now = new Date()
  const cohort = await Cohort.create({
    name: 'Acute care, autumn 2026 (demo)',
    startDate: DateTime.now().minus({ months: 4 }).startOf('day').toUTC().toJSDate(),
    endDate: DateTime.now().plus({ months: 2 }).startOf('day').toUTC().toJSDate(),
    sites: deps.sites,
    status: 'running',
    createdBy: deps.lead._id,
  })
  await Enrolment.insertMany([
    ...deps.doctors.map(d => ({ cohortId: cohort._id, userId: d._id, side: 'doctor' })),
    ...deps.managers.map(m => ({ cohortId: cohort._id, userId: m._id, side: 'manager' })),
  ])
  await Profile.updateMany({ userId: { $in: [...deps.doctors, ...deps.managers].map(p => p._id) } }, { $set: { availability: WEEKDAY_HALF_DAYS } })
  const pairs = await Pair.insertMany(
    deps.doctors.map((doctor, i) => ({
      cohortId: cohort._id,
      doctorId: doctor._id,
      managerId: deps.managers[i]!._id,
      managerPlace: 1,
      score: 60 + ((i * 7) % 30),
      publishedAt: londonAt(-110, 9),
      publishedBy: deps.lead._id,
    })),
  )

  let count = 0
  for (const [i, pair] of pairs.entries()) {
    const doctor = deps.doctors[i]!
    const manager = deps.managers[i]!
    const make = async (direction: ShadowingDirection, days: number, hour: number, status: 'completed' | 'confirmed' | 'proposed' | 'cancelled', n: number) => {
      const doctorHosts = direction === 'manager-shadows-doctor'
      const host = doctorHosts ? doctor : manager
      const guest = doctorHosts ? manager : doctor
      const start = londonAt(days, hour)
      const end = new Date(+start + 2 * 3_600_000)
      const activity = (doctorHosts ? DOCTOR_ACTIVITIES : MANAGER_ACTIVITIES)[(i + n) % 4]!
      const proposedAt = new Date(Math.min(+now, +start) - 10 * 86_400_000)
      const history = [{ at: proposedAt, by: guest._id, action: 'proposed', start, end }]
      if (status !== 'proposed') history.push({ at: new Date(+proposedAt + 86_400_000), by: host._id, action: 'accepted', start, end })
      if (status === 'completed') history.push({ at: end, by: host._id, action: 'completed', start, end })
      if (status === 'cancelled') history.push({ at: new Date(+proposedAt + 2 * 86_400_000), by: host._id, action: 'cancelled', start, end })
      const session = await ShadowingSession.create({
        cohortId: cohort._id,
        pairId: pair._id,
        doctorId: doctor._id,
        managerId: manager._id,
        direction,
        hostId: host._id,
        guestId: guest._id,
        activity,
        location: doctorHosts ? 'Ward 7, acute medical unit' : 'Site operations centre',
        start,
        end,
        status,
        proposedBy: guest._id,
        respondentId: host._id,
        sequence: status === 'cancelled' ? 1 : 0,
        reason: status === 'cancelled' ? 'Clashed with a mandatory training day' : '',
        revision: history.length - 1,
        uid: `shadowing-demo-${String(pair._id)}-${n}@tandem`,
        history,
      })
      count += 1
      if (status === 'confirmed' || status === 'completed') {
        await TimeClaim.insertMany(claimIdsFor([host._id, guest._id], start, end).map(_id => ({ _id, sessionId: session._id, at: now })))
      }
      if (status === 'completed') {
        await SessionReflection.insertMany(
          [guest, host].map((person, k) => ({ sessionId: session._id, pairId: pair._id, userId: person._id, ...REFLECTIONS[(i + n + k) % REFLECTIONS.length]! })),
        )
      }
    }
    // Pairs further down the list are further behind, so the balance varies.
    if (i < 8) await make('doctor-shadows-manager', -35 + i, 9, 'completed', 1)
    if (i < 5) await make('manager-shadows-doctor', -20 + i, 14, 'completed', 2)
    if (i < 2) await make('doctor-shadows-manager', -10 + i, 10, 'completed', 3)
    if (i < 7) await make(i % 2 ? 'manager-shadows-doctor' : 'doctor-shadows-manager', 5 + i, i % 2 ? 14 : 9, 'confirmed', 4)
    if (i >= 6) await make('manager-shadows-doctor', 9 + i, 13, 'proposed', 5)
    if (i === 3) await make('doctor-shadows-manager', 12, 10, 'cancelled', 6)
  }
  // An early pairing the lead ended, so the pairs page and the export show one.
  await EndedPair.create({
    _id: new Types.ObjectId(),
    cohortId: cohort._id,
    doctorId: deps.doctors[0]!._id,
    managerId: deps.managers[1]!._id,
    managerPlace: 2,
    score: 55,
    publishedAt: londonAt(-120, 9),
    publishedBy: deps.lead._id,
    endedAt: londonAt(-112, 11),
    endedBy: deps.lead._id,
    reason: `${deps.managers[1]!.name} moved to the surgical directorate in the first week`,
  })
  return { cohortId: cohort._id, summary: `1 running cohort with ${pairs.length} pairs (and 1 ended) and ${count} shadowing sessions` }
}

/** Everything seedShadowing made for these cohorts. */
export async function removeShadowing(cohortIds: Types.ObjectId[]) {
  const sessions = await ShadowingSession.find({ cohortId: { $in: cohortIds } }, { _id: 1 }).lean()
  const sessionIds = sessions.map(s => s._id)
  await Promise.all([
    TimeClaim.deleteMany({ sessionId: { $in: sessionIds } }),
    SessionReflection.deleteMany({ sessionId: { $in: sessionIds } }),
    ShadowingSession.deleteMany({ _id: { $in: sessionIds } }),
    Pair.deleteMany({ cohortId: { $in: cohortIds } }),
    EndedPair.deleteMany({ cohortId: { $in: cohortIds } }),
  ])
}
