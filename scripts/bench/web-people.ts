// The web benchmark's cohort and people: a lead who signs in, a running cohort
// that started six months ago, doctors and managers with complete profiles,
// published pairs (managers take one or two doctors; a few doctors are left
// unpaired) with their scores, and agreed compacts.
import { Types } from 'mongoose'
import { Cohort, DEFAULT_COMPACT } from '../../models/cohort'
import { CompactAgreement } from '../../models/compact-agreement'
import { CompactVersion } from '../../models/compact-version'
import { Enrolment } from '../../models/enrolment'
import { Pair } from '../../models/pair'
import { Priority } from '../../models/priority'
import { Profile } from '../../models/profile'
import { User } from '../../models/user'
import { hashPassword } from '../../server/accounts/passwords'
import { claimOnce } from '../../server/db/claims'
import { AVAILABILITY_SLOTS, DOCTOR_GRADES, MANAGER_BANDS, QI_THEMES, SPECIALTIES } from '../../server/people/reference-data'
import { DAY, insertAll, type Pick } from './web-random'

export const BENCH_DOMAIN = 'bench.example.nhs.uk'
export const LEAD_EMAIL = `lead@${BENCH_DOMAIN}`
export const LEAD_PASSWORD = 'bench tandem pairs 2027'

const FIRST = ['Aisha', 'Ben', 'Chloe', 'Dev', 'Ella', 'Femi', 'Grace', 'Hamza', 'Isla', 'Jack', 'Kemi', 'Liam', 'Maya', 'Nikhil', 'Olivia', 'Priya', 'Rosa', 'Sam', 'Tariq', 'Uma', 'Wen', 'Yusuf', 'Zara']
const LAST = ['Adeyemi', 'Brown', 'Chen', 'Davies', 'Evans', 'Fernandes', 'Green', 'Hussain', 'Jones', 'Khan', 'Lewis', 'Murphy', 'Nguyen', 'Okafor', 'Patel', 'Roberts', 'Singh', 'Taylor', 'Walsh']
const SITES = ['St Thomas’ Hospital', 'Guy’s Hospital', 'Evelina London', 'Queen Mary’s Sidcup']
const PRIORITIES = ['Reduce length of stay', 'Elective recovery', 'Urgent and emergency care', 'Medicines safety', 'Staff wellbeing', 'Value and productivity']
const CRITERIA = ['specialty', 'interests', 'site', 'availability'] as const
const MEETINGS = [
  { title: 'Bed meeting', when: '08:30 daily', location: 'Site operations centre' },
  { title: 'Budget review', when: 'monthly, Thursday 10:00', location: 'Finance office' },
  { title: 'Directorate board', when: 'first Tuesday of the month, 14:00', location: 'Boardroom' },
]

export type BenchPair = { _id: Types.ObjectId; doctorId: Types.ObjectId; managerId: Types.ObjectId; publishedAt: Date }

export type BenchPeople = {
  cohortId: Types.ObjectId
  leadId: Types.ObjectId
  start: Date
  pairs: BenchPair[]
  agreed: BenchPair[]
  people: Types.ObjectId[]
  priorityIds: Types.ObjectId[]
}

export async function generatePeople(pick: Pick, counts: { doctors: number; managers: number }, now: number): Promise<BenchPeople> {
  await claimOnce('setup-complete')
  const start = new Date(now - 182 * DAY)
  const [lead] = await User.insertMany([{ email: LEAD_EMAIL, name: 'Leah Lead', roles: ['lead'], status: 'active', passwordHash: await hashPassword(LEAD_PASSWORD) }])
  const [cohort] = await Cohort.insertMany([{ name: 'Whole trust, 2026–27 (benchmark)', startDate: start, endDate: new Date(now + 182 * DAY), sites: SITES, status: 'running', createdBy: lead!._id }])
  const cohortId = cohort!._id
  const priorities = await Priority.insertMany(PRIORITIES.map((title, i) => ({ title, archived: i === PRIORITIES.length - 1 })))

  const name = () => `${pick.one(FIRST)} ${pick.one(LAST)}`
  const person = (side: string, i: number) => ({ _id: new Types.ObjectId(), email: `${side}${i + 1}@${BENCH_DOMAIN}`, name: name(), roles: [side], status: pick.chance(0.97) ? 'active' : 'invited' })
  const doctors = Array.from({ length: counts.doctors }, (_, i) => person('doctor', i))
  const managers = Array.from({ length: counts.managers }, (_, i) => person('manager', i))
  await insertAll(User, [...doctors, ...managers])
  await insertAll(Enrolment, [...doctors.map(d => ({ cohortId, userId: d._id, side: 'doctor' })), ...managers.map(m => ({ cohortId, userId: m._id, side: 'manager' }))])

  // Enough places for all but one doctor in twenty: the rest wait for the next round.
  const paired = Math.min(counts.doctors, Math.floor(counts.doctors * 0.95), counts.managers * 3)
  const placesOf = (m: number) => Math.floor(paired / counts.managers) + (m < paired % counts.managers ? 1 : 0)
  const common = () => ({ site: pick.one(SITES), interests: pick.some(QI_THEMES, 2, 4), availability: pick.some(AVAILABILITY_SLOTS.slice(0, 15), 3, 8) })
  await insertAll(Profile, [
    ...doctors.map((d, i) => ({ userId: d._id, ...common(), grade: pick.one(DOCTOR_GRADES), specialty: pick.one(SPECIALTIES).name, note: i % 5 ? '' : 'Keen to understand how beds are managed.' })),
    ...managers.map((m, i) => ({
      userId: m._id,
      ...common(),
      jobTitle: 'Service manager',
      band: pick.one(MANAGER_BANDS),
      directorate: 'Medicine',
      specialtiesCovered: pick.some(SPECIALTIES, 1, 4).map(s => s.name),
      capacity: Math.max(1, Math.min(3, placesOf(i))),
      shadowableMeetings: pick.some(MEETINGS, 1, 2),
    })),
  ])

  const pairs: BenchPair[] = Array.from({ length: paired }, (_, i) => ({
    _id: new Types.ObjectId(),
    doctorId: doctors[i]!._id,
    managerId: managers[i % counts.managers]!._id,
    publishedAt: new Date(+start + pick.int(0, 20) * DAY),
  }))
  await insertAll(
    Pair,
    pairs.map((p, i) => {
      const contributions = CRITERIA.map(criterion => ({ criterion, points: pick.int(0, 25), explanation: `${criterion} in common` }))
      return { ...p, cohortId, managerPlace: Math.floor(i / counts.managers) + 1, score: contributions.reduce((s, c) => s + c.points, 0), contributions, publishedBy: lead!._id }
    }),
  )
  // Nine pairs in ten agreed their compact; the rest are still on the draft.
  const agreed = pairs.filter(() => pick.chance(0.9))
  await insertAll(CompactVersion, pairs.map(p => ({ pairId: p._id, version: 1, commitments: DEFAULT_COMPACT })))
  await insertAll(CompactAgreement, agreed.flatMap(p => [p.doctorId, p.managerId].map(userId => ({ pairId: p._id, version: 1, userId }))))
  return { cohortId, leadId: lead!._id, start, pairs, agreed, people: [...doctors, ...managers].map(p => p._id), priorityIds: priorities.map(p => p._id) }
}
