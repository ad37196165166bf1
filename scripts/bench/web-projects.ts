// The benchmark cohort's QI projects: most pairs have one, linked to a trust
// priority, with one to three measures of weekly data (some showing a real
// shift after a change), PDSA cycles at every stage and a progress log. The
// first pair's project is the busiest (three measures, half a year of data,
// four cycles): its page is the one driven.
import { Types } from 'mongoose'
import { DataPoint } from '../../models/data-point'
import { Measure } from '../../models/measure'
import { PdsaCycle, type PdsaDecision } from '../../models/pdsa-cycle'
import { ProjectLogEntry } from '../../models/project-log-entry'
import { PROGRESS_SCORES, PROJECT_STATUSES, QiProject } from '../../models/qi-project'
import type { BenchPeople } from './web-people'
import { calendarDay, DAY, insertAll, type Pick } from './web-random'

const TITLES = ['Discharge before noon', 'Faster sepsis antibiotics', 'Fewer cancelled operations', 'Safer insulin prescribing', 'Earlier weekend discharges', 'Shorter clinic waits']
const MEASURES = [
  { name: 'Discharges before noon', type: 'outcome', unit: '%', direction: 'up', level: 22, spread: 6 },
  { name: 'Time to antibiotics', type: 'process', unit: 'minutes', direction: 'down', level: 70, spread: 15 },
  { name: 'Readmissions within 30 days', type: 'balancing', unit: '%', direction: 'down', level: 8, spread: 2 },
] as const
const DECISIONS: PdsaDecision[] = ['adopt', 'adapt', 'abandon']
const WEEK = 7 * DAY

export async function generateProjects(pick: Pick, people: BenchPeople, now: number): Promise<{ projects: number; points: number; cycles: number; busiest: Types.ObjectId }> {
  const projects: object[] = []
  const measures: object[] = []
  const points: object[] = []
  const cycles: object[] = []
  const log: object[] = []
  let busiest: Types.ObjectId | undefined
  const thisMonday = calendarDay(now - ((new Date(now).getUTCDay() + 6) % 7) * DAY)
  for (const [p, pair] of people.pairs.entries()) {
    if (p > 0 && !pick.chance(0.88)) continue
    const projectId = new Types.ObjectId()
    const weeks = pick.int(0, 26)
    const own = p === 0 ? 3 : pick.int(weeks ? 1 : 0, 3)
    for (let m = 0; m < own; m += 1) {
      const shape = MEASURES[m]!
      const measureId = new Types.ObjectId()
      const improves = pick.chance(0.3)
      measures.push({ _id: measureId, projectId, name: shape.name, type: shape.type, unit: shape.unit, direction: shape.direction, target: pick.chance(0.5) ? shape.level * (shape.direction === 'up' ? 1.5 : 0.6) : null, createdBy: pair.doctorId })
      const length = p === 0 ? 26 : weeks
      for (let w = 0; w < length; w += 1) {
        const better = improves && w > length / 2 ? shape.spread * 2 * (shape.direction === 'up' ? 1 : -1) : 0
        const value = Math.round((shape.level + better + (pick.random() - 0.5) * 2 * shape.spread) * 10) / 10
        points.push({ measureId, projectId, date: new Date(+thisMonday - (length - w) * WEEK), value, createdBy: pair.doctorId })
      }
    }
    const cycleCount = p === 0 ? 4 : pick.int(0, 3)
    let previousId: Types.ObjectId | null = null
    for (let c = 0; c < cycleCount; c += 1) {
      const _id = new Types.ObjectId()
      const plannedFor = calendarDay(now - (cycleCount - c) * 4 * WEEK)
      const stage = c < cycleCount - 1 ? 4 : pick.int(1, 4)
      cycles.push({
        _id,
        projectId,
        number: c + 1,
        previousId,
        objective: 'See whether a morning huddle moves discharges earlier',
        changeIdea: 'Board round at 08:30 with the site team',
        plannedFor,
        prediction: 'A third more discharges before noon',
        doneOn: stage >= 2 ? new Date(+plannedFor + WEEK) : null,
        whatHappened: stage >= 2 ? 'Ran for a fortnight on one ward.' : '',
        results: stage >= 3 ? 'Some improvement, less than predicted.' : '',
        decision: stage >= 4 ? pick.one(DECISIONS) : null,
        createdBy: pair.doctorId,
      })
      previousId = _id
    }
    for (let e = 0; e < pick.int(0, 4); e += 1) log.push({ projectId, by: pair.managerId, date: calendarDay(now - e * 2 * WEEK), did: 'Met the ward team.', learned: 'Handover is the bottleneck.', next: 'Test a new handover sheet.' })
    const score = pick.one(PROGRESS_SCORES.slice(0, 7))
    const lastActivityAt = new Date(now - pick.int(0, 60) * DAY)
    projects.push({
      _id: projectId,
      cohortId: people.cohortId,
      pairId: pair._id,
      doctorId: pair.doctorId,
      managerId: pair.managerId,
      title: `${pick.one(TITLES)} (${p + 1})`,
      problem: 'Patients wait on the ward for hours after they are ready to go home.',
      aim: { what: 'Discharges before noon', baseline: '20%', target: '35%', by: calendarDay(now + 90 * DAY) },
      priorityId: pick.one(people.priorityIds),
      status: pick.one(PROJECT_STATUSES),
      shared: pick.chance(0.5),
      progressScore: score,
      progressHistory: [{ score, suggested: score, reason: '', by: pair.doctorId, at: lastActivityAt }],
      createdBy: pair.doctorId,
      lastActivityAt,
    })
    if (p === 0) busiest = projectId
  }
  await insertAll(QiProject, projects)
  await insertAll(Measure, measures)
  await insertAll(DataPoint, points)
  await insertAll(PdsaCycle, cycles)
  await insertAll(ProjectLogEntry, log)
  return { projects: projects.length, points: points.length, cycles: cycles.length, busiest: busiest! }
}
