// Who may see and change a QI project. The two partners and programme leads may
// change it; anyone else in the same cohort, and the trust's sponsors (who read
// the golden-thread board), may read its charter and charts once the pair has
// shared it; everyone else gets "not found", so that a guessed id reveals nothing.
import { Enrolment } from '../../models/enrolment'
import { Pair } from '../../models/pair'
import { QiProject } from '../../models/qi-project'
import { ForbiddenError, NotFoundError } from '../errors'
import type { CurrentUser } from '../http/current-user'
import { idParam } from '../http/id-param'

export type ProjectRole = 'partner' | 'lead' | 'reader'

/** The project, and how this person may use it: NotFoundError when they may not see it at all. */
export async function projectFor(user: CurrentUser, projectId: unknown) {
  const project = await QiProject.findById(idParam(projectId)).lean()
  if (!project) throw new NotFoundError()
  const partner = String(project.doctorId) === user.id || String(project.managerId) === user.id
  const role: ProjectRole | undefined = partner
    ? 'partner'
    : user.roles.includes('lead')
      ? 'lead'
      : project.shared && (user.roles.includes('sponsor') || (await Enrolment.exists({ cohortId: project.cohortId, userId: user.id })))
        ? 'reader'
        : undefined
  if (!role) throw new NotFoundError()
  return { project, role, canEdit: role !== 'reader' }
}

export type ProjectView = Awaited<ReturnType<typeof projectFor>>

/** The same, for a change: readers are refused. */
export async function editableProjectFor(user: CurrentUser, projectId: unknown): Promise<ProjectView> {
  const view = await projectFor(user, projectId)
  if (!view.canEdit) throw new ForbiddenError('Only the pair and programme leads can change this project')
  return view
}

/** The published pair this person belongs to, for starting a project: partners only. */
export async function ownPair(user: CurrentUser, pairId: unknown) {
  const pair = await Pair.findById(idParam(pairId)).lean()
  if (!pair) throw new NotFoundError()
  if (String(pair.doctorId) !== user.id && String(pair.managerId) !== user.id) {
    if (user.roles.includes('lead')) throw new ForbiddenError('The pair starts its own project')
    throw new NotFoundError()
  }
  return pair
}
