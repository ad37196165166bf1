// A project's PDSA cycles: who may see and change one (the project's access
// rules), planning one (perhaps following an earlier cycle), then recording
// Do, Study and Act, and deleting. Cycles are numbered within the project by a
// unique index: "next number, on a clash the one after" (few cycles, rare
// clashes; decision 003). Every change touches the project's last activity.
import type { Types } from 'mongoose'
import { Measure } from '../../models/measure'
import { PdsaCycle } from '../../models/pdsa-cycle'
import type { Clock } from '../clock'
import { isDuplicateKeyError } from '../db/duplicate-key'
import { ConflictError, ForbiddenError, NotFoundError } from '../errors'
import type { CurrentUser } from '../http/current-user'
import { idParam } from '../http/id-param'
import { touchProject } from './projects.service'
import { canOpen } from './pdsa-stages'
import type { ActInput, DoInput, PlanInput, StudyValues } from './pdsa.form'
import { projectFor, type ProjectView } from './project-access'

export type CycleView = ProjectView & { cycle: Awaited<ReturnType<typeof loadCycle>> }

async function loadCycle(cycleId: unknown) {
  const cycle = await PdsaCycle.findById(idParam(cycleId)).lean()
  if (!cycle) throw new NotFoundError()
  return cycle
}

/** A cycle and its project, for anyone who may see the project; NotFoundError for everyone else. */
export async function cycleFor(user: CurrentUser, cycleId: unknown): Promise<CycleView> {
  const cycle = await loadCycle(cycleId)
  return { ...(await projectFor(user, String(cycle.projectId))), cycle }
}

/** The same, for a change: readers are refused. */
export async function editableCycleFor(user: CurrentUser, cycleId: unknown): Promise<CycleView> {
  const view = await cycleFor(user, cycleId)
  if (!view.canEdit) throw new ForbiddenError('Only the pair and programme leads can change this project')
  return view
}

const ids = (values: string[]) => values.map(id => idParam(id))

export type PdsaService = ReturnType<typeof createPdsaService>

export function createPdsaService({ clock }: { clock: Clock }) {
  const touch = (projectId: Types.ObjectId) => touchProject(projectId, clock.now())

  async function update(view: CycleView, fields: Record<string, unknown>) {
    await PdsaCycle.updateOne({ _id: view.cycle._id }, { $set: fields })
    await touch(view.project._id)
  }

  function mustBeOpen(view: CycleView, stage: 'do' | 'study' | 'act') {
    if (!canOpen(view.cycle, stage)) {
      const first = stage === 'study' ? 'what happened when the test was done' : 'the study of the results'
      throw new ConflictError(`Record ${first} before this stage.`)
    }
  }

  return {
    cycleFor,
    editableCycleFor,
    mustBeOpen,

    list: (projectId: Types.ObjectId) => PdsaCycle.find({ projectId }).sort({ number: 1 }).lean(),

    /** The project's measures as checkbox items. */
    measureChoices: async (projectId: Types.ObjectId) => (await Measure.find({ projectId }, { name: 1 }).sort({ createdAt: 1, _id: 1 }).lean()).map(m => ({ value: String(m._id), text: m.name })),

    /** A cycle of this project that a new cycle may follow, or NotFoundError. */
    async previousFor(view: ProjectView, cycleId: unknown) {
      const previous = await PdsaCycle.findOne({ _id: idParam(cycleId), projectId: view.project._id }).lean()
      if (!previous) throw new NotFoundError()
      return previous
    },

    /** The cycles that follow this one. */
    followersOf: (cycle: { _id: Types.ObjectId }) => PdsaCycle.find({ previousId: cycle._id }, { number: 1 }).sort({ number: 1 }).lean(),

    async create(view: ProjectView, user: CurrentUser, plan: PlanInput, previousId?: string): Promise<string> {
      const last = await PdsaCycle.findOne({ projectId: view.project._id }, { number: 1 }).sort({ number: -1 }).lean()
      let number = (last?.number ?? 0) + 1
      for (let attempt = 0; attempt < 20; attempt += 1, number += 1) {
        try {
          const cycle = await PdsaCycle.create({ ...plan, measureIds: ids(plan.measureIds), projectId: view.project._id, number, previousId: previousId ?? null, createdBy: user.id })
          await touch(view.project._id)
          return String(cycle._id)
        } catch (error) {
          if (!isDuplicateKeyError(error)) throw error
        }
      }
      throw new ConflictError('Too many cycles were started at once. Try again.')
    },

    savePlan: (view: CycleView, plan: PlanInput) => update(view, { ...plan, measureIds: ids(plan.measureIds) }),

    async saveDo(view: CycleView, input: DoInput) {
      mustBeOpen(view, 'do')
      await update(view, input)
    },

    async saveStudy(view: CycleView, input: StudyValues) {
      mustBeOpen(view, 'study')
      await update(view, { results: input.results, measureIds: ids(input.measureIds) })
    },

    async saveAct(view: CycleView, input: ActInput) {
      mustBeOpen(view, 'act')
      await update(view, input)
    },

    /** Cycles that followed this one keep their place, marked as following nothing. Touched even after a failure part-way. */
    async remove(view: CycleView) {
      try {
        await PdsaCycle.deleteOne({ _id: view.cycle._id })
        await PdsaCycle.updateMany({ projectId: view.project._id, previousId: view.cycle._id }, { $set: { previousId: null } })
      } finally {
        await touch(view.project._id)
      }
    },
  }
}
