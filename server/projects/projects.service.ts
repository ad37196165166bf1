// A pair's QI project: the charter (one per pair), and the lead's portfolio of
// every project of a cohort. The progress log and the progress score are their
// own services (log.service.ts, progress.service.ts), reached as `projects.log`
// and `projects.progress`. Measures, charts and PDSA cycles are the measures
// work's; it lends this service what the project page and the portfolio show
// of them, through the optional hooks below.
import type { Types } from 'mongoose'
import { Pair } from '../../models/pair'
import { onPrioritiesChanged, Priority } from '../../models/priority'
import { QiProject } from '../../models/qi-project'
import type { Clock } from '../clock'
import { isDuplicateKeyError } from '../db/duplicate-key'
import { keptBriefly } from '../kept-briefly'
import type { CurrentUser } from '../http/current-user'
import { peopleById, type Person } from '../shadowing/session-access'
import { createProjectLog } from './log.service'
import { editableProjectFor, ownPair, projectFor, type ProjectView } from './project-access'
import type { CharterInput } from './project.form'
import { createProgress, type MeasureEvidenceSource } from './progress.service'

export type ProjectsDeps = {
  clock: Clock
  /** The measure and PDSA part of a project's progress evidence; none until the measures work provides it. */
  measureEvidence?: MeasureEvidenceSource
  /** What the project page's "Measures" and "PDSA cycles" section shows: passed to project-evidence.ejs as `evidencePanel`. */
  evidencePanel?: (view: ProjectView) => Promise<unknown>
  /** Each project's latest signal, by project id: passed to portfolio-signal.ejs as `signal`. */
  portfolioSignals?: (projectIds: Types.ObjectId[]) => Promise<ReadonlyMap<string, unknown>>
}

/**
 * Any change to a project is activity: its "last update" on the portfolio, and what the quiet-project nudge reads.
 * It also moves the project's revision, so call it after the change is written: copies of the project's data
 * kept for the old revision are then read afresh (project-data.ts).
 */
export async function touchProject(projectId: Types.ObjectId | string, now: Date): Promise<void> {
  await QiProject.updateOne({ _id: projectId }, { $set: { lastActivityAt: now }, $inc: { revision: 1 } })
}

export type ProjectsService = ReturnType<typeof createProjectsService>

// A project page names its priority on every visit: the title is kept briefly, and
// forgotten at once when this process changes a priority (decision 015).
const keptTitles = keptBriefly<string>({ max: 1_000, forgetOn: onPrioritiesChanged })

export function createProjectsService(deps: ProjectsDeps) {
  return {
    projectFor,
    editableProjectFor,
    log: createProjectLog({ clock: deps.clock, touch: touchProject }),
    progress: createProgress(deps),

    /** The priorities a project can serve: those not archived, and its own even if archived since. */
    async priorities(current?: unknown) {
      const rows = await Priority.find({ $or: [{ archived: false }, ...(current ? [{ _id: current }] : [])] }).sort({ title: 1 }).lean()
      return rows.map(p => ({ id: String(p._id), title: p.title }))
    },

    async priorityTitle(priorityId: Types.ObjectId) {
      const title = await keptTitles.get(String(priorityId), async () => (await Priority.findById(priorityId, { title: 1 }).lean())?.title)
      return title ?? ''
    },

    /** The pair's project, if it has one. */
    async ofPair(pairId: Types.ObjectId | string) {
      return QiProject.findOne({ pairId }, { _id: 1, title: 1 }).lean()
    },

    /** For the "start" form: the partner's pair and the project it already has, if any. Leads get 403, others 404. */
    async startable(user: CurrentUser, pairId: unknown) {
      const pair = await ownPair(user, pairId)
      const existing = await QiProject.findOne({ pairId: pair._id }, { _id: 1 }).lean()
      return { pair, existingId: existing ? String(existing._id) : undefined }
    },

    /** A partner starts the pair's project; a second start (double click, both partners at once) finds the first. */
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

    /** Partners and leads. Both partners saving at once: the last save wins whole, never a mix of the two. */
    async updateCharter(user: CurrentUser, projectId: unknown, input: CharterInput) {
      const { project } = await editableProjectFor(user, projectId)
      await QiProject.updateOne({ _id: project._id }, { $set: { ...input, lastActivityAt: deps.clock.now() } })
    },

    /** The two partners, looked up once for a page that names them more than once (the project page). */
    partners: (project: { doctorId: Types.ObjectId; managerId: Types.ObjectId }) => peopleById([project.doctorId, project.managerId]),

    /** The two partners' names. `known`: people already looked up. */
    async pairNames(project: { doctorId: Types.ObjectId; managerId: Types.ObjectId }, known?: ReadonlyMap<string, Person>) {
      const people = await peopleById([project.doctorId, project.managerId], known)
      return { doctor: people.get(String(project.doctorId))?.name ?? '', manager: people.get(String(project.managerId))?.name ?? '' }
    },

    /** What the measures work shows on the project page; undefined until it provides it. */
    async evidencePanel(view: ProjectView) {
      return deps.evidencePanel ? deps.evidencePanel(view) : undefined
    },

    /**
     * Every project of the cohort — those of pairs the lead has since ended too — and
     * every pair with no project yet. With a priority, only the projects serving it.
     * An id in the query that is not one of the listed priorities is no filter.
     */
    async portfolio(cohortId: Types.ObjectId, priorityQuery: string) {
      const [pairs, projects] = await Promise.all([Pair.find({ cohortId }).lean(), QiProject.find({ cohortId }).lean()])
      const used = projects.map(p => p.priorityId)
      const priorityRows = await Priority.find({ $or: [{ archived: false }, { _id: { $in: used } }] }).sort({ title: 1 }).lean()
      const priorities = priorityRows.map(p => ({ id: String(p._id), title: p.archived ? `${p.title} (archived)` : p.title }))
      const priorityId = priorities.some(p => p.id === priorityQuery) ? priorityQuery : ''
      const shown = priorityId ? projects.filter(p => String(p.priorityId) === priorityId) : projects
      const withProject = new Set(projects.map(p => String(p.pairId)))
      const waiting = priorityId ? [] : pairs.filter(p => !withProject.has(String(p._id)))
      const [names, signals] = await Promise.all([
        peopleById([...shown, ...waiting].flatMap(p => [p.doctorId, p.managerId])),
        deps.portfolioSignals ? deps.portfolioSignals(shown.map(p => p._id)) : new Map<string, unknown>(),
      ])
      const pairName = (p: { doctorId: Types.ObjectId; managerId: Types.ObjectId }) => `${names.get(String(p.doctorId))?.name ?? ''} and ${names.get(String(p.managerId))?.name ?? ''}`
      const priorityTitle = new Map(priorityRows.map(p => [String(p._id), p.title]))
      const rows = [
        ...shown.map(p => ({
          pair: pairName(p),
          project: {
            id: String(p._id),
            title: p.title,
            priority: priorityTitle.get(String(p.priorityId)) ?? '',
            score: p.progressScore,
            status: p.status,
            lastActivityAt: p.lastActivityAt,
            signal: signals.get(String(p._id)),
          },
        })),
        ...waiting.map(p => ({ pair: pairName(p), project: undefined })),
      ]
      return { rows: rows.sort((a, b) => a.pair.localeCompare(b.pair)), priorities, priorityId, projectCount: shown.length }
    },
  }
}
