// A project's progress score: what Tandem suggests from the evidence, and the
// pair confirming it or choosing another score with a reason. Each change is
// kept, with the suggestion at the time, as the score's history.
import { QiProject } from '../../models/qi-project'
import type { Clock } from '../clock'
import { ForbiddenError, ValidationError } from '../errors'
import type { CurrentUser } from '../http/current-user'
import { peopleById, type Person } from '../shadowing/session-access'
import type { ProjectVersion } from './project-data'
import { editableProjectFor, type ProjectView } from './project-access'
import { isCharterComplete } from './project.form'
import { NO_MEASURE_EVIDENCE, suggestProgress, type ProgressEvidence, type ProgressSuggestion } from './progress-score'

/** The measure and PDSA part of the evidence, counted by the measures work. */
export type MeasureEvidenceSource = (project: ProjectVersion) => Promise<Omit<ProgressEvidence, 'charterComplete'>>

export function createProgress(deps: { clock: Clock; measureEvidence?: MeasureEvidenceSource }) {
  async function evidence(view: ProjectView): Promise<ProgressEvidence> {
    const measured = deps.measureEvidence ? await deps.measureEvidence(view.project) : NO_MEASURE_EVIDENCE
    return { ...measured, charterComplete: isCharterComplete(view.project) }
  }

  return {
    evidence,

    /** What Tandem suggests now, and why. */
    async suggestion(view: ProjectView): Promise<ProgressSuggestion> {
      return suggestProgress(await evidence(view))
    },

    /** The pair confirms the suggestion or chooses another score; a reason is needed when it differs. */
    async set(user: CurrentUser, projectId: unknown, score: number, reason: string) {
      const view = await editableProjectFor(user, projectId)
      if (view.role !== 'partner') throw new ForbiddenError('The pair sets its own progress score')
      const suggested = suggestProgress(await evidence(view)).score
      if (score !== suggested && !reason) throw new ValidationError([{ field: 'reason', message: 'Give a reason for a score other than the one Tandem suggests' }])
      const now = deps.clock.now()
      // $push keeps both partners' changes when they set the score at the same moment; the later one is the score.
      await QiProject.updateOne(
        { _id: view.project._id },
        { $set: { progressScore: score, lastActivityAt: now }, $push: { progressHistory: { score, suggested, reason, by: user.id, at: now } } },
      )
    },

    /** Newest first, with who set each score. `known`: people already looked up. */
    async history(view: ProjectView, known?: ReadonlyMap<string, Person>) {
      const changes = [...(view.project.progressHistory ?? [])].reverse()
      const names = await peopleById(changes.map(c => c.by), known)
      return changes.map(c => ({ ...c, byName: names.get(String(c.by))?.name ?? '' }))
    },
  }
}
