// A project's progress log: dated entries by either partner, newest first.
// Each entry is its own document, so two partners writing at once both keep
// theirs (decision 003). Leads and readers never write to it.
import type { Types } from 'mongoose'
import { ProjectLogEntry } from '../../models/project-log-entry'
import type { Clock } from '../clock'
import { ForbiddenError } from '../errors'
import type { CurrentUser } from '../http/current-user'
import { peopleById, type Person } from '../shadowing/session-access'
import type { LogEntryInput } from './log.form'
import { editableProjectFor, type ProjectView } from './project-access'
import { projectDataOf } from './project-data'

/** `touch`: touchProject from projects.service.ts, passed in so the two modules do not import each other. */
export function createProjectLog(deps: { clock: Clock; touch: (projectId: Types.ObjectId, now: Date) => Promise<void> }) {
  return {
    async add(user: CurrentUser, projectId: unknown, entry: LogEntryInput) {
      const { project, role } = await editableProjectFor(user, projectId)
      if (role !== 'partner') throw new ForbiddenError('The progress log is written by the pair')
      await ProjectLogEntry.create({ ...entry, projectId: project._id, by: user.id })
      await deps.touch(project._id, deps.clock.now())
    },

    /** Newest first (by the date of the work, then by when it was written), with the writer's name. `known`: people already looked up. */
    async list(view: ProjectView, known?: ReadonlyMap<string, Person>) {
      const entries = (await projectDataOf(view.project)).logEntries
      const names = await peopleById(entries.map(e => e.by), known)
      return entries.map(e => ({ ...e, byName: names.get(String(e.by))?.name ?? '' }))
    },
  }
}
