// The golden-thread board's data for one cohort: its projects under their
// priorities, each with its pair, progress score, last update and the Making
// Data Count icons of its main outcome measure (golden-thread.ts says which).
import type { Types } from 'mongoose'
import { DataPoint } from '../../models/data-point'
import { Measure } from '../../models/measure'
import { Priority } from '../../models/priority'
import { QiProject } from '../../models/qi-project'
import { groupBy } from '../group-by'
import { measureIcons } from '../projects/chart-data'
import { peopleById } from '../shadowing/session-access'
import { groupBoard, mainOutcomeMeasure, type Board } from './golden-thread'

export async function goldenThreadBoard(cohortId: Types.ObjectId | string): Promise<Board> {
  const projects = await QiProject.find({ cohortId }, { title: 1, priorityId: 1, doctorId: 1, managerId: 1, progressScore: 1, lastActivityAt: 1, shared: 1 }).lean()
  const projectIds = projects.map(p => p._id)
  const [priorities, names, outcomeMeasures] = await Promise.all([
    // Current priorities, and archived ones only while a project of this cohort still serves them.
    Priority.find({ $or: [{ archived: false }, { _id: { $in: projects.map(p => p.priorityId) } }] }, { title: 1, archived: 1 }).lean(),
    peopleById(projects.flatMap(p => [p.doctorId, p.managerId])),
    Measure.find({ projectId: { $in: projectIds }, type: 'outcome' }).lean(),
  ])
  const measuresOf = groupBy(outcomeMeasures, m => String(m.projectId))
  const mains = new Map(projects.flatMap(p => {
    const main = mainOutcomeMeasure(measuresOf.get(String(p._id)) ?? [])
    return main ? [[String(p._id), main] as const] : []
  }))
  const points = await DataPoint.find({ measureId: { $in: [...mains.values()].map(m => m._id) } }, { measureId: 1, date: 1, value: 1 }).lean()
  const pointsOf = groupBy(points, p => String(p.measureId))

  return groupBoard(
    priorities.map(p => ({ id: String(p._id), title: p.title, archived: p.archived })),
    projects.map(p => {
      const main = mains.get(String(p._id))
      return {
        id: String(p._id),
        title: p.title,
        priorityId: String(p.priorityId),
        doctor: names.get(String(p.doctorId))?.name ?? '',
        manager: names.get(String(p.managerId))?.name ?? '',
        score: p.progressScore,
        lastActivityAt: p.lastActivityAt,
        shared: p.shared,
        measure: main ? { name: main.name, ...measureIcons(main, pointsOf.get(String(main._id)) ?? []) } : undefined,
      }
    }),
  )
}
