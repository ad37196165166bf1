// Fixtures for the measure and PDSA route tests: a pair's project, a measure
// and weekly data points, built with overrides.
import type { Types } from 'mongoose'
import { DataPoint } from '../../../models/data-point'
import { Measure } from '../../../models/measure'
import { Priority } from '../../../models/priority'
import { QiProject } from '../../../models/qi-project'
import { insertPublishedPair } from '../../support/shadowing'
import type { TestApp } from '../../support/test-app'
import { signInAs } from '../../support/users'

export const PROJECT_STARTED = new Date('2026-09-01T09:00:00Z')

/** Dara and Mina's project "Discharge before noon on Ward 7", last active on 1 September 2026. */
export async function insertProject(overrides: { shared?: boolean } = {}) {
  const fixture = await insertPublishedPair()
  const priority = await Priority.create({ title: 'Reduce length of stay' })
  const project = await QiProject.create({
    title: 'Discharge before noon on Ward 7',
    priorityId: priority._id,
    cohortId: fixture.cohortId,
    pairId: fixture.pair._id,
    doctorId: fixture.doctor._id,
    managerId: fixture.manager._id,
    createdBy: fixture.doctor._id,
    lastActivityAt: PROJECT_STARTED,
    shared: overrides.shared ?? false,
  })
  return { ...fixture, project, projectPath: `/projects/${String(project._id)}` }
}

export async function insertMeasure(projectId: Types.ObjectId, createdBy: Types.ObjectId, overrides: Partial<{ name: string; type: 'outcome' | 'process' | 'balancing'; direction: 'up' | 'down' | 'neither'; target: number | null; unit: string }> = {}) {
  const measure = await Measure.create({
    projectId,
    createdBy,
    name: 'Length of stay',
    type: 'outcome',
    definition: 'Mean length of stay of discharges from Ward 7 each week, in days',
    unit: 'days',
    direction: 'down',
    ...overrides,
  })
  return { measure, measurePath: `/measures/${String(measure._id)}` }
}

/** One value a week, Mondays from 7 September 2026. */
export function weekly(index: number): Date {
  return new Date(Date.UTC(2026, 8, 7 + 7 * index))
}

export async function insertWeeklyPoints(measure: { _id: Types.ObjectId; projectId: Types.ObjectId; createdBy: Types.ObjectId }, values: number[]) {
  await DataPoint.insertMany(values.map((value, i) => ({ measureId: measure._id, projectId: measure.projectId, createdBy: measure.createdBy, date: weekly(i), value })))
}

/** The fields of a PDSA plan form (cycle planned for 28 September 2026) linked to one measure. */
/** A project with one measure holding these weekly values, and its doctor signed in. */
export async function projectWithValues(t: TestApp, values: number[]) {
  const f = await insertProject()
  const measure = await insertMeasure(f.project._id, f.doctor._id)
  await insertWeeklyPoints(measure.measure, values)
  return { f, measure, dara: await signInAs(t, f.doctor) }
}

export const pdsaPlan = (measureId: string) => ({
  objective: 'Fewer discharges after noon',
  changeIdea: 'Open a discharge lounge at 10am',
  who: 'Ward sister and the pair',
  where: 'Ward 7',
  'plannedFor-day': '28',
  'plannedFor-month': '9',
  'plannedFor-year': '2026',
  prediction: 'Half of discharges before noon within 4 weeks',
  measureIds: measureId,
})
