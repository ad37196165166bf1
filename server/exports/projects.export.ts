// Projects with latest measures: one row per measure of each QI project (one
// row with the measure columns empty for a project with none yet), with the
// project's charter essentials and, for the measure, its latest value and date
// and its Making Data Count variation and assurance in words.
import { DataPoint } from '../../models/data-point'
import { Measure } from '../../models/measure'
import { Priority } from '../../models/priority'
import { QiProject } from '../../models/qi-project'
import { groupBy } from '../group-by'
import { calendarDate, inBatches, isoLondon, londonDate, type CsvValue } from '../http/csv-stream'
import { measureIcons } from '../projects/chart-data'
import { DIRECTION_NAMES, TYPE_NAMES } from '../projects/measures.form'
import { PROJECT_STATUS_NAMES } from '../projects/project-display'
import { peopleById } from '../shadowing/session-access'
import type { CohortExport } from './cohort-export'

/** Projects whose measures and data are read together: a project has a few measures of tens of points. */
const PROJECT_BATCH = 50

export const projectsExport: CohortExport = {
  key: 'projects',
  title: 'Projects with latest measures',
  holds:
    'One row for each measure of each QI project (a project with no measures yet has one row): the project, its pair, the organisational priority it serves, its status, progress score, aim and when it was last updated; then the measure, its type, unit, which way is better and target, how many values it has, its latest value and date, and the Making Data Count variation and assurance icons in words.',
  columns: [
    'Project',
    'Doctor',
    'Manager',
    'Organisational priority',
    'Status',
    'Progress score',
    'Aim',
    'Aim by',
    'Last updated (UK date)',
    'Last updated (ISO 8601)',
    'Measure',
    'Measure type',
    'Unit',
    'Which way is better',
    'Target',
    'Values',
    'Latest value',
    'Latest value’s date',
    'Variation',
    'Variation in words',
    'Assurance',
    'Assurance in words',
  ],

  async write(cohort, csv) {
    const priorities = new Map((await Priority.find({}, { title: 1 }).lean()).map(p => [String(p._id), p.title]))
    const cursor = QiProject.find({ cohortId: cohort._id }, { progressHistory: 0, team: 0 }).sort({ title: 1, _id: 1 }).lean().cursor()
    for await (const projects of inBatches(cursor, PROJECT_BATCH)) {
      const projectIds = projects.map(p => p._id)
      const [people, measures, points] = await Promise.all([
        peopleById(projects.flatMap(p => [p.doctorId, p.managerId])),
        Measure.find({ projectId: { $in: projectIds } }).sort({ createdAt: 1, _id: 1 }).lean(),
        DataPoint.find({ projectId: { $in: projectIds } }, { measureId: 1, date: 1, value: 1 }).sort({ date: 1 }).lean(),
      ])
      const pointsOf = groupBy(points, p => String(p.measureId))
      const measuresOf = groupBy(measures, m => String(m.projectId))
      await csv.rows(
        projects.flatMap(project => {
          const charter: CsvValue[] = [
            project.title,
            people.get(String(project.doctorId))?.name,
            people.get(String(project.managerId))?.name,
            priorities.get(String(project.priorityId)),
            PROJECT_STATUS_NAMES[project.status],
            project.progressScore.toFixed(1),
            project.aim?.what,
            calendarDate(project.aim?.by),
            londonDate(project.lastActivityAt),
            isoLondon(project.lastActivityAt),
          ]
          const own = measuresOf.get(String(project._id)) ?? []
          if (!own.length) return [charter]
          return own.map(measure => {
            const data = pointsOf.get(String(measure._id)) ?? []
            const latest = data.at(-1)
            const { variation, assurance } = measureIcons(measure, data)
            return [
              ...charter,
              measure.name,
              TYPE_NAMES[measure.type],
              measure.unit,
              DIRECTION_NAMES[measure.direction],
              measure.target,
              data.length,
              latest?.value,
              calendarDate(latest?.date),
              variation?.heading,
              variation?.text,
              assurance?.heading,
              assurance?.text,
            ]
          })
        }),
      )
    }
  },
}
