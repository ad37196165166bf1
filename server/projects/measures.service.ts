// A QI project's measures: who may see and change one (through the project's
// access rules), creating, editing and deleting them, the chart settings
// (rebase points, a frozen baseline), what the measure page shows, and the
// evidence the progress score is suggested from. Every change touches the
// project's last activity.
import type { Types } from 'mongoose'
import { DataPoint } from '../../models/data-point'
import { Measure } from '../../models/measure'
import { PdsaCycle } from '../../models/pdsa-cycle'
import type { Clock } from '../clock'
import { projectDataOf, type ProjectVersion } from './project-data'
import { ForbiddenError, NotFoundError } from '../errors'
import { groupBy } from '../group-by'
import type { CurrentUser } from '../http/current-user'
import { idParam } from '../http/id-param'
import { measureChart, seriesOf } from './chart-data'
import { createDataPointsService } from './data-points.service'
import { touchProject } from './projects.service'
import { evidenceOf, type MeasureEvidence } from './measures-evidence'
import type { MeasureInput } from './measures.form'
import { createPdsaService } from './pdsa.service'
import { projectFor, type ProjectView } from './project-access'

export type MeasureView = ProjectView & { measure: Awaited<ReturnType<typeof loadMeasure>> }

async function loadMeasure(measureId: unknown) {
  const measure = await Measure.findById(idParam(measureId)).lean()
  if (!measure) throw new NotFoundError()
  return measure
}

/** A measure and its project, for anyone who may see the project; NotFoundError for everyone else. */
export async function measureFor(user: CurrentUser, measureId: unknown): Promise<MeasureView> {
  const measure = await loadMeasure(measureId)
  return { ...(await projectFor(user, String(measure.projectId))), measure }
}

/** The same, for a change: readers are refused. */
export async function editableMeasureFor(user: CurrentUser, measureId: unknown): Promise<MeasureView> {
  const view = await measureFor(user, measureId)
  if (!view.canEdit) throw new ForbiddenError('Only the pair and programme leads can change this project')
  return view
}

/** Points of a measure in date order. */
export const pointsOf = (measureId: Types.ObjectId) => DataPoint.find({ measureId }).sort({ date: 1 }).lean()

/**
 * The measure and PDSA part of a project's evidence for the suggested progress score
 * (everything but charterComplete), as counts:
 * - pdsaPlanned: PDSA cycles planned; pdsaCompleted: cycles carried out and studied (Do and Study written);
 * - measuresWithBaseline: measures with 10 or more data points;
 * - improvementSignals: measures whose XmR chart (as rebased and frozen) shows special-cause improvement;
 * - sustainedImprovement: measures whose latest 7 points are all special-cause improvement, or whose
 *   chart was rebased into a latest period of 12 or more points with a better mean and no concern.
 * See measures-evidence.ts for the rules.
 */
export async function projectEvidence(project: ProjectVersion): Promise<MeasureEvidence> {
  const { measures, points, cycles } = await projectDataOf(project)
  const pointsOf = groupBy(points, p => String(p.measureId))
  const series = measures.map(m => seriesOf(m, pointsOf.get(String(m._id)) ?? []))
  return evidenceOf(series, cycles)
}

export type MeasuresService = ReturnType<typeof createMeasuresService>

export function createMeasuresService({ clock }: { clock: Clock }) {
  const touch = (projectId: Types.ObjectId) => touchProject(projectId, clock.now())

  return {
    measureFor,
    editableMeasureFor,

    list: (projectId: Types.ObjectId) => Measure.find({ projectId }).sort({ createdAt: 1, _id: 1 }).lean(),

    async create(view: ProjectView, user: CurrentUser, input: MeasureInput): Promise<string> {
      const measure = await Measure.create({ ...input, projectId: view.project._id, createdBy: user.id })
      await touch(view.project._id)
      return String(measure._id)
    },

    async update(view: MeasureView, input: MeasureInput) {
      await Measure.updateOne({ _id: view.measure._id }, { $set: input })
      await touch(view.project._id)
    },

    /**
     * The measure first, so that a failure part-way leaves only unseen points behind; then its points and its
     * links from cycles. The project is touched even after a failure part-way, as something was changed.
     */
    async remove(view: MeasureView) {
      const { _id } = view.measure
      try {
        await Measure.deleteOne({ _id })
        await DataPoint.deleteMany({ measureId: _id })
        await PdsaCycle.updateMany({ projectId: view.project._id, measureIds: _id }, { $pull: { measureIds: _id } })
      } finally {
        await touch(view.project._id)
      }
    },

    async addRebase(view: MeasureView, date: Date) {
      await Measure.updateOne({ _id: view.measure._id }, { $addToSet: { rebaseDates: date } })
      await touch(view.project._id)
    },

    async removeRebase(view: MeasureView, date: Date) {
      await Measure.updateOne({ _id: view.measure._id }, { $pull: { rebaseDates: date } })
      await touch(view.project._id)
    },

    async setBaseline(view: MeasureView, points: number | null) {
      await Measure.updateOne({ _id: view.measure._id }, { $set: { baselinePoints: points } })
      await touch(view.project._id)
    },

    /** Everything the measure page shows. */
    async page(view: MeasureView) {
      const [points, cycles] = await Promise.all([pointsOf(view.measure._id), PdsaCycle.find({ projectId: view.project._id, measureIds: view.measure._id }).sort({ number: 1 }).lean()])
      return { points, cycles, chart: measureChart(view.measure, points, cycles) }
    },
  }
}

/** The three services of a project's evidence, for services.ts. */
export function createMeasureServices(deps: { clock: Clock }) {
  return { measures: createMeasuresService(deps), dataPoints: createDataPointsService(deps), pdsa: createPdsaService(deps) }
}
