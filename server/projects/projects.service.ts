// A pair's QI project: the charter (one per pair), the progress log, and the
// progress score Tandem suggests from the evidence and the pair confirms or
// overrides with a reason. The lead's portfolio lists every project of a cohort.
import type { Types } from 'mongoose'
import { Pair } from '../../models/pair'
import { Priority } from '../../models/priority'
import { ProjectLogEntry } from '../../models/project-log-entry'
import { QiProject } from '../../models/qi-project'
import type { Clock } from '../clock'
import { isDuplicateKeyError } from '../db/duplicate-key'
import { ConflictError, ForbiddenError } from '../errors'
import type { CurrentUser } from '../http/current-user'
import { peopleById } from '../shadowing/session-access'
import { editableProjectFor, ownPair, projectFor, type ProjectView } from './project-access'
import type { CharterInput } from './project.form'
import { isCharterComplete } from './project.form'
import { suggestProgress, type ProgressEvidence } from './progress-score'

/** The measure and PDSA part of the evidence (server/projects/measures.service.ts). */
export type MeasureEvidenceSource = (projectId: Types.ObjectId) => Promise<Omit<ProgressEvidence, 'charterComplete'>>

export type ProjectsService = ReturnType<typeof createProjectsService>

export function createProjectsService(deps: { clock: Clock; measureEvidence: MeasureEvidenceSource }) {
  const touch = (projectId: Types.ObjectId) => QiProject.updateOne({ _id: projectId }, { $set: { lastActivityAt: deps.clock.now() } })

  /** What Tandem suggests now, and why. */
  async function suggestion(view: ProjectView) {
    const evidence: ProgressEvidence = { charterComplete: isCharterComplete(view.project), ...(await deps.measureEvidence(view.project._id)) }
    return suggestProgress(evidence)
  }

  return {
    projectFor,

    /** The priorities a project can serve: those not archived (plus its own, if archived since). */
    async priorities(current?: unknown) {
      const rows = await Priority.find({ $or: [{ archived: false }, ...(current ? [{ _id: current }] : [])] }).sort({ title: 1 }).lean()
      return rows.map(p => ({ id: String(p._id), title: p.title }))
    },

    /** The pair's project, if it has one. */
    async ofPair(pairId: Types.ObjectId) {
      return QiProject.findOne({ pairId }, { _id: 1, title: 1 }).lean()
    },

    /** A partner starts the pair's project; a second start (double click, both partners) finds the first. */
    async create(user: CurrentUser, pairId: unknown, input: CharterInput): Promise<{ projectId: string; created: boolean }> {
      const pair = await ownPair(user, pairId)
      const now = deps.clock.now()
      try {
        const project = await QiProject.create({ ...input, cohortId: pair.cohortId, pairId: pair._id, doctorId: pair.doctorId, managerId: pair.managerId, createdBy: user.id, lastActivityAt: now })
        return { projectId: String(project._id), created: true }
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error
        const existing = await QiProject.findOne({ pairId: pair._id }, { _id: 1 }).lean()
        return { projectId: String(existing!._id), created: false }
      }
    },

    async updateCharter(user: CurrentUser, projectId: unknown, input: CharterInput) {
      const { project } = await editableProjectFor(user, projectId)
      await QiProject.updateOne({ _id: project._id }, { $set: { ...input, lastActivityAt: deps.clock.now() } })
    },

    async addLogEntry(user: CurrentUser, projectId: unknown, entry: { date: Date; did: string; learned: string; next: string; blockers: string }) {
      const { project, role } = await editableProjectFor(user, projectId)
      if (role !== 'partner') throw new ForbiddenError('The progress log is written by the pair')
      await ProjectLogEntry.create({ ...entry, projectId: project._id, by: user.id })
      await touch(project._id)
    },

    /** Newest first, with the writer's name. */
    async log(view: ProjectView) {
      const entries = await ProjectLogEntry.find({ projectId: view.project._id }).sort({ date: -1, createdAt: -1 }).lean()
      const names = await peopleById(entries.map(e => e.by))
      return entries.map(e => ({ ...e, byName: names.get(String(e.by))?.name ?? '' }))
    },

    suggestion,

    /** The pair confirms Tandem's suggestion or chooses another score, with a reason when it differs. */
    async setProgress(user: CurrentUser, projectId: unknown, score: number, reason: string) {
      const view = await editableProjectFor(user, projectId)
      if (view.role !== 'partner') throw new ForbiddenError('The pair sets its own progress score')
      const suggested = (await suggestion(view)).score
      if (score !== suggested && !reason) throw new ConflictError('Give a reason for a score other than the one Tandem suggests')
      const now = deps.clock.now()
      await QiProject.updateOne(
        { _id: view.project._id },
        { $set: { progressScore: score, lastActivityAt: now }, $push: { progressHistory: { score, suggested, reason: score === suggested ? '' : reason, by: user.id, at: now } } },
      )
    },

    /** Every pair of the cohort with its project, or none yet; optionally one priority's only. */
    async portfolio(cohortId: Types.ObjectId, priorityId?: string) {
      const [pairs, projects, priorities] = await Promise.all([
        Pair.find({ cohortId }).lean(),
        QiProject.find({ cohortId, ...(priorityId ? { priorityId } : {}) }).lean(),
        Priority.find().lean(),
      ])
      const names = await peopleById(pairs.flatMap(p => [p.doctorId, p.managerId]))
      const priorityName = new Map(priorities.map(p => [String(p._id), p.title]))
      const rows = pairs.map(pair => {
        const project = projects.find(p => String(p.pairId) === String(pair._id))
        return {
          pair: `${names.get(String(pair.doctorId))?.name ?? ''} and ${names.get(String(pair.managerId))?.name ?? ''}`,
          project: project ? { id: String(project._id), title: project.title, priority: priorityName.get(String(project.priorityId)) ?? '', score: project.progressScore, status: project.status, lastActivityAt: project.lastActivityAt } : undefined,
        }
      })
      return {
        rows: (priorityId ? rows.filter(r => r.project) : rows).sort((a, b) => a.pair.localeCompare(b.pair)),
        priorities: priorities.map(p => ({ id: String(p._id), title: p.title })),
      }
    },
  }
}
