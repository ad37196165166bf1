// The demo's QI projects: eight of the running cohort's ten pairs have started
// one, in varied states — from a charter written weeks ago and left alone, to a
// project whose outcome measure shows a shift after its first PDSA cycle and
// has been rebased once the change was adopted. Two pairs have not started.
// Values are weekly, ending last week, so the charts are current whenever the
// demo is seeded; the numbers are chosen so that each chart shows the signal
// its story says (checked by hand against the rules in server/charts/spc.ts).
import { DateTime } from 'luxon'
import type { Types } from 'mongoose'
import { DataPoint } from '../../models/data-point'
import { Measure } from '../../models/measure'
import { Pair } from '../../models/pair'
import { PdsaCycle } from '../../models/pdsa-cycle'
import { Priority } from '../../models/priority'
import { ProjectLogEntry } from '../../models/project-log-entry'
import { QiProject, type ProjectStatus } from '../../models/qi-project'
import { PROGRAMME_ZONE } from '../../server/format'

type MeasureSeed = {
  name: string
  type: 'outcome' | 'process' | 'balancing'
  definition: string
  unit: string
  direction: 'up' | 'down' | 'neither'
  target?: number
  values: number[]
  // Limits recalculated from this point (an index into values), after a change was adopted.
  rebaseAt?: number
}
type CycleSeed = { objective: string; changeIdea: string; prediction: string; atWeek: number; done?: string; results?: string; decision?: 'adopt' | 'adapt' | 'abandon'; next?: string }
type ProjectSeed = {
  title: string
  problem: string
  aim: { what: string; baseline: string; target: string; months: number }
  priority: number
  status: ProjectStatus
  shared: boolean
  score: number
  scoreReason: string
  quietWeeks: number
  team: { name: string; role: string }[]
  measures: MeasureSeed[]
  cycles: CycleSeed[]
  log: { weeksAgo: number; did: string; learned: string; next: string; blockers?: string }[]
}

const WEEKS = 24

const PROJECTS: ProjectSeed[] = [
  {
    title: 'Discharge before noon on Ward 7',
    problem: 'Patients who are fit to leave go home in the late afternoon, so morning admissions wait in the emergency department for a bed.',
    aim: { what: 'Share of Ward 7 discharges before 12 noon', baseline: '13%', target: '30%', months: 4 },
    priority: 0,
    status: 'testing-changes',
    shared: true,
    score: 3.5,
    scoreReason: 'The shift after the 09:00 board round has held for three months.',
    quietWeeks: 0,
    team: [{ name: 'Sam Patel', role: 'Discharge coordinator' }, { name: 'Jo Reid', role: 'Ward 7 sister' }],
    measures: [
      { name: 'Discharges before noon', type: 'outcome', definition: 'Share of discharges from Ward 7 each week that leave before 12 noon', unit: '%', direction: 'up', target: 30, values: [12, 15, 11, 14, 13, 16, 12, 14, 15, 13, 12, 14, 22, 25, 24, 27, 23, 26, 28, 25, 27, 29, 26, 28] },
      { name: 'Board round by 10:00', type: 'process', definition: 'Share of weekdays on which the board round finished by 10:00', unit: '%', direction: 'up', values: [20, 0, 20, 40, 20, 20, 0, 20, 40, 20, 20, 20, 80, 100, 80, 80, 100, 100, 80, 100, 100, 80, 100, 100] },
      { name: 'Readmissions within 7 days', type: 'balancing', definition: 'Ward 7 patients readmitted within 7 days of discharge, each week', unit: 'patients', direction: 'down', values: [2, 3, 1, 2, 2, 3, 2, 1, 2, 3, 2, 2, 1, 2, 3, 2, 2, 1, 3, 2, 2, 1, 2, 3] },
    ],
    cycles: [
      { objective: 'See whether a board round before 10:00 gets patients home before noon', changeIdea: 'Consultant-led board round at 09:00 with the discharge coordinator', prediction: 'A quarter of discharges before noon within a month', atWeek: 12, done: 'Ran every weekday for four weeks; two rounds were late because of a cardiac arrest call.', results: 'Discharges before noon rose from about 13% to about 25%, as predicted.', decision: 'adapt', next: 'Add pharmacy to the round so that take-home medicines are ready.' },
      { objective: 'See whether pharmacy at the board round removes the wait for take-home medicines', changeIdea: 'Ward pharmacist joins the 09:00 board round', prediction: 'Medicines ready by 11:00 for most planned discharges', atWeek: 17, done: 'Pharmacist attended four days a week.', results: 'Before-noon discharges held at 25–29%; medicines were ready earlier.', decision: 'adopt', next: 'Write it into the ward’s standard work and keep measuring.' },
    ],
    log: [
      { weeksAgo: 22, did: 'Audited 40 discharges: most waited for medicines or transport.', learned: 'The decision to discharge is made late in the morning.', next: 'Design a board round test.' },
      { weeksAgo: 12, did: 'Started the 09:00 board round.', learned: 'It needs a consultant there to work.', next: 'Measure weekly.' },
      { weeksAgo: 1, did: 'Presented the run chart at the directorate board.', learned: 'Other wards want to try it.', next: 'Agree how Ward 8 can test it.' },
    ],
  },
  {
    title: 'Antibiotics within the hour for sepsis',
    problem: 'Patients with suspected sepsis on the medical wards wait too long for their first dose of antibiotics.',
    aim: { what: 'Median minutes from sepsis flag to first antibiotic', baseline: '95 minutes', target: '60 minutes', months: 5 },
    priority: 2,
    status: 'testing-changes',
    shared: true,
    score: 3,
    scoreReason: 'Special-cause improvement on the outcome measure since the sepsis grab bags.',
    quietWeeks: 1,
    team: [{ name: 'Dr Ola Ade', role: 'Acute medicine consultant' }],
    measures: [
      { name: 'Minutes to first antibiotic', type: 'outcome', definition: 'Median minutes from the sepsis flag to the first antibiotic dose, each week', unit: 'minutes', direction: 'down', target: 60, values: [96, 92, 99, 94, 97, 91, 98, 95, 93, 96, 94, 97, 90, 92, 88, 86, 82, 80, 76, 74, 71, 68, 66, 63] },
    ],
    cycles: [
      { objective: 'See whether a ready-made bag saves time finding antibiotics and fluids', changeIdea: 'Sepsis grab bags on two wards', prediction: 'Ten minutes faster within a fortnight', atWeek: 12, done: 'Bags stocked daily by the night team.', results: 'Times fell week on week.', decision: 'adopt', next: 'Extend to all medical wards.' },
    ],
    log: [{ weeksAgo: 13, did: 'Mapped the steps from flag to dose with the nurses.', learned: 'Most time goes on finding the drugs.', next: 'Test grab bags.' }],
  },
  {
    title: 'Fewer operations cancelled on the day',
    problem: 'Elective operations are cancelled on the day because the patient is not ready or no bed is free.',
    aim: { what: 'Operations cancelled on the day each week', baseline: '9', target: '5', months: 6 },
    priority: 1,
    status: 'testing-changes',
    shared: false,
    score: 2.5,
    scoreReason: 'Two changes tested; no signal yet.',
    quietWeeks: 2,
    team: [],
    measures: [
      { name: 'Cancelled on the day', type: 'outcome', definition: 'Elective operations cancelled on the day of surgery, each week', unit: 'operations', direction: 'down', target: 7, values: [9, 7, 10, 8, 6, 9, 11, 8, 7, 9, 8, 10, 7, 9, 8, 6, 9, 10, 7, 8, 9, 7, 8, 9] },
    ],
    cycles: [
      { objective: 'See whether a phone call two days before catches patients who are not ready', changeIdea: 'Pre-operative phone call 48 hours before', prediction: 'Two fewer cancellations a week', atWeek: 10, done: 'Called 60 patients; 12 could not be reached.', results: 'No change in cancellations.', decision: 'abandon', next: 'Look at bed availability instead.' },
      { objective: 'See whether protecting two surgical beds stops bed cancellations', changeIdea: 'Ring-fence two beds for the morning list', prediction: 'No cancellations for want of a bed', atWeek: 18 },
    ],
    log: [{ weeksAgo: 2, did: 'Agreed the ring-fenced beds with the site team.', learned: 'The bed meeting decides this every morning.', next: 'Run the test for four weeks.', blockers: 'Winter pressures may take the beds back.' }],
  },
  {
    title: 'Discharge summaries sent at weekends',
    problem: 'Discharge summaries for weekend discharges reach GPs days late.',
    aim: { what: 'Weekend discharge summaries sent within 24 hours', baseline: '70%', target: '95%', months: 4 },
    priority: 0,
    status: 'testing-changes',
    shared: false,
    score: 2,
    scoreReason: 'Baseline data collected; the latest weeks are worse.',
    quietWeeks: 1,
    team: [],
    measures: [
      { name: 'Summaries within 24 hours', type: 'outcome', definition: 'Share of weekend discharge summaries sent to the GP within 24 hours', unit: '%', direction: 'up', target: 95, values: [72, 70, 74, 69, 71, 73, 70, 72, 68, 71, 73, 70, 72, 69, 71, 70, 73, 71, 72, 70, 71, 58, 55, 52] },
    ],
    cycles: [],
    log: [{ weeksAgo: 1, did: 'Noticed the fall since the new rota started.', learned: 'The weekend team lost its ward clerk.', next: 'Raise it with the rota coordinator.' }],
  },
  {
    title: 'Quicker ambulance handovers',
    problem: 'Ambulance crews wait outside the emergency department to hand over patients.',
    aim: { what: 'Handovers within 30 minutes', baseline: '60%', target: '90%', months: 6 },
    priority: 3,
    status: 'planning',
    shared: false,
    score: 1.5,
    scoreReason: 'First PDSA cycle planned.',
    quietWeeks: 2,
    team: [{ name: 'Kim Lowe', role: 'Emergency department matron' }],
    measures: [],
    cycles: [{ objective: 'See whether a fit-to-sit area frees handover space', changeIdea: 'Fit-to-sit chairs in the ambulance corridor', prediction: 'A third fewer waits over 30 minutes', atWeek: 25 }],
    log: [],
  },
  {
    title: 'A calmer handover for resident doctors',
    problem: 'The evening handover overruns and residents leave late.',
    aim: { what: 'Handovers finishing by 21:30', baseline: 'unknown', target: '90%', months: 5 },
    priority: 4,
    status: 'planning',
    shared: false,
    score: 1,
    scoreReason: 'Charter written.',
    quietWeeks: 6,
    team: [],
    measures: [],
    cycles: [],
    log: [],
  },
  {
    title: 'Falls on the frailty unit',
    problem: 'Older patients fall at night on the frailty unit, often on the way to the toilet.',
    aim: { what: 'Falls per 1,000 bed days', baseline: '8', target: '5', months: 6 },
    priority: 2,
    status: 'planning',
    shared: true,
    score: 2,
    scoreReason: 'Eight weeks of baseline data.',
    quietWeeks: 1,
    team: [],
    measures: [{ name: 'Falls per 1,000 bed days', type: 'outcome', definition: 'Inpatient falls on the frailty unit per 1,000 occupied bed days, each week', unit: 'falls', direction: 'down', target: 5, values: [8.1, 7.4, 9.0, 7.9, 8.6, 7.2, 8.3, 8.8] }],
    cycles: [],
    log: [{ weeksAgo: 1, did: 'Collected baseline data from Datix.', learned: 'Most falls are between 02:00 and 05:00.', next: 'Plan intentional rounding at night.' }],
  },
  {
    title: 'Outpatient letters typed within a week',
    problem: 'Clinic letters took three weeks to reach patients and GPs.',
    aim: { what: 'Letters typed within 7 days', baseline: '40%', target: '85%', months: 4 },
    priority: 1,
    status: 'sustaining',
    shared: true,
    score: 4,
    scoreReason: 'The gain has held for twelve weeks after the change was adopted.',
    quietWeeks: 0,
    team: [{ name: 'Ali Khan', role: 'Medical secretaries’ manager' }],
    measures: [
      { name: 'Letters within 7 days', type: 'outcome', definition: 'Share of outpatient letters typed within 7 days of the clinic', unit: '%', direction: 'up', target: 80, values: [41, 38, 44, 40, 37, 42, 39, 43, 62, 78, 84, 86, 88, 85, 87, 89, 86, 88, 90, 87, 88, 86, 89, 88], rebaseAt: 10 },
    ],
    cycles: [{ objective: 'See whether dictating straight into the record saves typing time', changeIdea: 'Speech recognition in two clinics', prediction: 'Most letters typed within a week', atWeek: 8, done: 'Ran in diabetes and respiratory clinics.', results: 'Letters within a week rose to over 80%.', decision: 'adopt', next: 'Roll out to every clinic and rebase the chart.' }],
    log: [{ weeksAgo: 0, did: 'Handed the measure to the outpatient manager to keep.', learned: 'Sustaining needs an owner.', next: 'Close the project at the next board.' }],
  },
]

/** A Monday `weeksAgo` weeks before last week's, as a UTC date like the app stores (a London calendar day). */
function weekStart(weeksAgo: number): Date {
  const monday = DateTime.now().setZone(PROGRAMME_ZONE).startOf('week').minus({ weeks: 1 + weeksAgo })
  return new Date(Date.UTC(monday.year, monday.month - 1, monday.day))
}
/** The date of value `index` of a series of `length` ending last week. */
const pointDate = (index: number, length: number) => weekStart(length - 1 - index)

export async function seedProjects(cohortId: Types.ObjectId): Promise<string> {
  const pairs = await Pair.find({ cohortId }).sort({ _id: 1 }).lean()
  const priorities = await Priority.find({ description: /\(demo\)$/ }).sort({ _id: 1 }).lean()
  let points = 0
  let cycles = 0
  for (const [i, seed] of PROJECTS.entries()) {
    const pair = pairs[i]
    if (!pair) break
    const lastActivityAt = weekStart(seed.quietWeeks)
    const by = (k: number) => (k % 2 ? pair.managerId : pair.doctorId)
    const project = await QiProject.create({
      cohortId,
      pairId: pair._id,
      doctorId: pair.doctorId,
      managerId: pair.managerId,
      title: seed.title,
      problem: seed.problem,
      aim: { what: seed.aim.what, baseline: seed.aim.baseline, target: seed.aim.target, by: DateTime.now().plus({ months: seed.aim.months }).startOf('month').toJSDate() },
      priorityId: priorities[seed.priority]!._id,
      team: seed.team,
      status: seed.status,
      shared: seed.shared,
      progressScore: seed.score,
      progressHistory: [{ score: seed.score, suggested: seed.score, reason: seed.scoreReason, by: pair.doctorId, at: lastActivityAt }],
      createdBy: pair.doctorId,
      lastActivityAt,
    })
    const measures = await Measure.insertMany(
      seed.measures.map((m, k) => ({
        projectId: project._id,
        name: m.name,
        type: m.type,
        definition: m.definition,
        unit: m.unit,
        direction: m.direction,
        target: m.target ?? null,
        rebaseDates: m.rebaseAt === undefined ? [] : [pointDate(m.rebaseAt, m.values.length)],
        createdBy: by(k),
      })),
    )
    const rows = seed.measures.flatMap((m, k) => m.values.map((value, v) => ({ measureId: measures[k]!._id, projectId: project._id, date: pointDate(v, m.values.length), value, createdBy: by(k) })))
    await DataPoint.insertMany(rows)
    points += rows.length
    let previousId: Types.ObjectId | null = null
    for (const [c, cycle] of seed.cycles.entries()) {
      const plannedFor = pointDate(cycle.atWeek, WEEKS)
      const created: { _id: Types.ObjectId } = await PdsaCycle.create({
        projectId: project._id,
        number: c + 1,
        previousId,
        objective: cycle.objective,
        changeIdea: cycle.changeIdea,
        who: 'The pair and the ward team',
        where: 'On the ward',
        plannedFor,
        prediction: cycle.prediction,
        doneOn: cycle.done ? plannedFor : null,
        whatHappened: cycle.done ?? '',
        results: cycle.results ?? '',
        measureIds: cycle.results || !cycle.done ? measures.filter(m => m.type !== 'balancing').map(m => m._id) : [],
        decision: cycle.decision ?? null,
        nextSteps: cycle.next ?? '',
        createdBy: by(c),
      })
      previousId = created._id
      cycles += 1
    }
    await ProjectLogEntry.insertMany(seed.log.map((entry, k) => ({ projectId: project._id, by: by(k), date: weekStart(entry.weeksAgo), did: entry.did, learned: entry.learned, next: entry.next, blockers: entry.blockers ?? '' })))
  }
  const started = Math.min(PROJECTS.length, pairs.length)
  return `${started} QI projects (${points} data points, ${cycles} PDSA cycles), ${pairs.length - started} pairs yet to start one`
}

/** Everything seedProjects made for these cohorts. */
export async function removeProjects(cohortIds: Types.ObjectId[]) {
  const projectIds = (await QiProject.find({ cohortId: { $in: cohortIds } }, { _id: 1 }).lean()).map(p => p._id)
  await Promise.all([DataPoint.deleteMany({ projectId: { $in: projectIds } }), Measure.deleteMany({ projectId: { $in: projectIds } }), PdsaCycle.deleteMany({ projectId: { $in: projectIds } }), ProjectLogEntry.deleteMany({ projectId: { $in: projectIds } })])
  await QiProject.deleteMany({ _id: { $in: projectIds } })
}
