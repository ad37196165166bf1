// npm run demo [-- --force]
// Fills the database with a believable programme: a lead, two cohorts, 120
// doctors and 80 managers with complete, varied profiles across three sites, a
// few exclusions and five organisational priorities, and a running cohort whose
// ten pairs have shadowing behind and ahead of them (scripts/demo/shadowing.ts)
// and have agreed compacts and reflected on them for months (scripts/demo/compacts.ts), and who are
// part way through a six-module Lean for Leaders workshop series (scripts/demo/workshops.ts), and eight of whose
// pairs run QI projects in varied states, some with real signals (scripts/demo/projects.ts); and a sponsor. Demo people have
// @demo.example.nhs.uk addresses; running it again replaces them.
// Refuses to touch a database that holds other users unless given --force.
import { parseArgs } from 'node:util'
import type { Types } from 'mongoose'
import '../models/index'
import { Cohort } from '../models/cohort'
import { Enrolment } from '../models/enrolment'
import { Exclusion } from '../models/exclusion'
import { Priority } from '../models/priority'
import { Profile } from '../models/profile'
import { User } from '../models/user'
import { hashPassword } from '../server/accounts/passwords'
import { loadConfig } from '../server/config'
import { claimOnce } from '../server/db/claims'
import { connectDatabase } from '../server/db/connection'
import { AVAILABILITY_SLOTS, DOCTOR_GRADES, MANAGER_BANDS, QI_THEMES, SPECIALTIES } from '../server/people/reference-data'
import { removeCompacts, seedCompacts } from './demo/compacts'
import { removeProjects, seedProjects } from './demo/projects'
import { removeShadowing, seedShadowing } from './demo/shadowing'
import { removeWorkshops, seedWorkshops } from './demo/workshops'
import { mulberry32 } from './seeded-random'

const DEMO_DOMAIN = 'demo.example.nhs.uk'
const DEMO_PASSWORD = 'demo tandem pairs 2027'
const SITES = ['St Thomas’ Hospital', 'Guy’s Hospital', 'Evelina London']
const FIRST = ['Aisha', 'Ben', 'Chloe', 'Dev', 'Ella', 'Femi', 'Grace', 'Hamza', 'Isla', 'Jack', 'Kemi', 'Liam', 'Maya', 'Nikhil', 'Olivia', 'Priya', 'Quentin', 'Rosa', 'Sam', 'Tariq', 'Uma', 'Victor', 'Wen', 'Yusuf', 'Zara']
const LAST = ['Adeyemi', 'Brown', 'Chen', 'Davies', 'Evans', 'Fernandes', 'Green', 'Hussain', 'Iqbal', 'Jones', 'Khan', 'Lewis', 'Murphy', 'Nguyen', 'Okafor', 'Patel', 'Roberts', 'Singh', 'Taylor', 'Walsh']
const MANAGER_TITLES = ['General manager', 'Service manager', 'Operations manager', 'Deputy director of operations', 'Patient flow manager', 'Clinical governance lead', 'Finance business partner', 'Head of nursing (operations)']
const DIRECTORATES = ['Medicine', 'Surgery and theatres', 'Women and children', 'Emergency and acute', 'Specialist services', 'Clinical support']
const MEETINGS = [
  { title: 'Bed meeting', when: '08:30 daily', location: 'Site operations centre' },
  { title: 'Directorate board', when: 'first Tuesday of the month, 14:00', location: 'Boardroom' },
  { title: 'Budget review', when: 'monthly, Thursday 10:00', location: 'Finance office' },
  { title: 'Complaints panel', when: 'fortnightly, Wednesday 13:00', location: 'Governance suite' },
  { title: 'Theatre scheduling meeting', when: 'Fridays 09:00', location: 'Theatres office' },
]
const NOTES = [
  'I want to understand how decisions about beds are made.',
  'Hoping to learn how a service is run and funded.',
  'I would like to see what happens after I raise an incident.',
  'Keen to work on discharge delays on my ward.',
  'I want to understand what doctors need from operations.',
]

async function main() {
  const { values } = parseArgs({ options: { force: { type: 'boolean', default: false } } })
  const config = loadConfig()
  const database = await connectDatabase({ uri: config.mongodbUri, dataDir: config.dataDir, reuseRunningEngine: true, say: line => console.error(line) })
  try {
    const demoEmail = new RegExp(`@${DEMO_DOMAIN.replace(/\./g, '\\.')}$`)
    const others = await User.countDocuments({ email: { $not: demoEmail } })
    if (others > 0 && !values.force) {
      console.error(`This database already has ${others} real ${others === 1 ? 'user' : 'users'}. Run with --force to add the demo beside them (npm run demo -- --force).`)
      process.exitCode = 1
      return
    }
    await removeDemo(demoEmail)
    const summary = await seed()
    await claimOnce('setup-complete')
    console.log(`Demo ready: ${summary}`)
    console.log(`Sign in as the programme lead: lead@${DEMO_DOMAIN} / ${DEMO_PASSWORD}`)
    console.log(`or as the sponsor, who reads the dashboard and boards: sponsor@${DEMO_DOMAIN}`)
    console.log(`Every demo doctor and manager has the same password, e.g. doctor1@${DEMO_DOMAIN}.`)
  } finally {
    await database.close()
  }
}

async function removeDemo(demoEmail: RegExp) {
  const demoUsers = await User.find({ email: demoEmail }, { _id: 1 }).lean()
  const ids = demoUsers.map(u => u._id)
  const cohorts = await Cohort.find({ name: /\(demo\)$/ }, { _id: 1 }).lean()
  const cohortIds = cohorts.map(c => c._id)
  await removeCompacts(cohortIds)
  await removeProjects(cohortIds)
  await removeShadowing(cohortIds)
  await removeWorkshops(cohortIds)
  await Promise.all([
    Enrolment.deleteMany({ $or: [{ userId: { $in: ids } }, { cohortId: { $in: cohortIds } }] }),
    Exclusion.deleteMany({ cohortId: { $in: cohortIds } }),
    Profile.deleteMany({ userId: { $in: ids } }),
    Priority.deleteMany({ description: /\(demo\)$/ }),
  ])
  await Promise.all([User.deleteMany({ _id: { $in: ids } }), Cohort.deleteMany({ _id: { $in: cohortIds } })])
}

async function seed(): Promise<string> {
  const random = mulberry32(2027)
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!
  const some = <T>(list: readonly T[], min: number, max: number) => {
    const count = min + Math.floor(random() * (max - min + 1))
    return [...list].sort(() => random() - 0.5).slice(0, count)
  }
  // One hash for everyone: hashing 200 passwords at production cost would take minutes.
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const person = (email: string, roles: string[]) => ({ email, name: `${pick(FIRST)} ${pick(LAST)}`, roles, status: 'active', passwordHash })

  const [lead] = await User.insertMany([{ ...person(`lead@${DEMO_DOMAIN}`, ['lead']), name: 'Leah Lead' }])
  // A trust executive who follows the programme on the dashboard and boards.
  await User.insertMany([{ ...person(`sponsor@${DEMO_DOMAIN}`, ['sponsor']), name: 'Simon Sponsor' }])
  const doctors = await User.insertMany(Array.from({ length: 120 }, (_, i) => person(`doctor${i + 1}@${DEMO_DOMAIN}`, ['doctor'])))
  const managers = await User.insertMany(Array.from({ length: 80 }, (_, i) => person(`manager${i + 1}@${DEMO_DOMAIN}`, ['manager'])))

  const cohorts = await Cohort.insertMany([
    { name: 'Medicine and Surgery, spring 2027 (demo)', startDate: new Date('2027-03-01T00:00:00Z'), endDate: new Date('2027-08-31T00:00:00Z'), sites: SITES, status: 'recruiting', createdBy: lead!._id },
    { name: 'Women and children, autumn 2027 (demo)', startDate: new Date('2027-09-01T00:00:00Z'), endDate: new Date('2028-02-29T00:00:00Z'), sites: SITES.slice(1), status: 'draft', createdBy: lead!._id },
  ])
  const availability = () => some(AVAILABILITY_SLOTS.filter(s => !s.startsWith('sat') && !s.startsWith('sun') || random() < 0.2), 3, 8)
  const common = (site: string) => ({ site, interests: some(QI_THEMES, 2, 4), tags: random() < 0.3 ? [pick(['frailty', 'sepsis', 'virtual wards', 'handover', 'falls'])] : [], availability: availability(), note: pick(NOTES) })

  const enrolments: { cohortId: Types.ObjectId; userId: Types.ObjectId; side: string }[] = []
  const profiles: object[] = []
  doctors.forEach((doctor, i) => {
    const cohort = i < 90 ? cohorts[0]! : cohorts[1]!
    enrolments.push({ cohortId: cohort._id, userId: doctor._id, side: 'doctor' })
    profiles.push({ userId: doctor._id, ...common(pick(cohort.sites)), grade: pick(DOCTOR_GRADES), specialty: pick(SPECIALTIES).name, unavailable: random() < 0.4 ? [{ from: new Date('2027-04-05T00:00:00Z'), to: new Date('2027-04-11T00:00:00Z'), reason: pick(['nights', 'leave', 'rota']) }] : [] })
  })
  managers.forEach((manager, i) => {
    const cohort = i < 60 ? cohorts[0]! : cohorts[1]!
    enrolments.push({ cohortId: cohort._id, userId: manager._id, side: 'manager' })
    profiles.push({
      userId: manager._id,
      ...common(pick(cohort.sites)),
      jobTitle: pick(MANAGER_TITLES),
      band: pick(MANAGER_BANDS),
      directorate: pick(DIRECTORATES),
      specialtiesCovered: some(SPECIALTIES, 1, 4).map(s => s.name),
      capacity: 1 + Math.floor(random() * 3),
      shadowableMeetings: some(MEETINGS, 1, 3),
    })
  })
  await Enrolment.insertMany(enrolments)
  await Profile.insertMany(profiles)
  await Exclusion.insertMany(
    [0, 1, 2, 3].map(i => ({ cohortId: cohorts[0]!._id, doctorId: doctors[i * 7]!._id, managerId: managers[i * 5]!._id, reason: pick(['Line-management relationship', 'Family relationship', 'Ongoing HR process']), createdBy: lead!._id })),
  )
  await Priority.insertMany(
    [
      ['Reduce length of stay', 'Fewer days in hospital for people who are medically fit to leave'],
      ['Elective recovery', 'Bring waiting times for planned care back within standards'],
      ['Patient safety: deteriorating patient', 'Recognise and respond to deterioration sooner'],
      ['Urgent and emergency care flow', 'Four-hour standard and ambulance handovers'],
      ['Staff wellbeing and retention', 'Keep and support the people who deliver care'],
    ].map(([title, description]) => ({ title, description: `${description} (demo)` })),
  )
  // The last ten doctors and managers of the draft cohort also took part in last autumn's running one.
  const running = await seedShadowing({ lead: lead!, doctors: doctors.slice(110, 120), managers: managers.slice(70, 80), sites: SITES })
  const compacts = await seedCompacts(running.cohortId)
  const workshops = await seedWorkshops({ lead: lead!, cohortId: running.cohortId, people: [...doctors.slice(110, 120), ...managers.slice(70, 80)] })
  const projects = await seedProjects(running.cohortId)
  return `${running.summary}, ${compacts}, ${workshops}, ${projects}; 1 lead, 1 sponsor, ${doctors.length} doctors, ${managers.length} managers, ${cohorts.length} cohorts, 4 exclusions, 5 priorities`
}

main().catch(error => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
