// /pairs/:pairId/project/new and /projects/:projectId/edit — the charter. A
// partner starts the pair's project once; partners and leads edit it. Who may
// do so is checked before the form is read, so nobody else learns anything
// from the answer.
import type { Request, Response } from 'express'
import { formErrors, noFormErrors, type FormErrors } from '../http/forms'
import type { Services } from '../services'
import { PROJECT_STATUS_NAMES } from './project-display'
import { CHARTER_LIMITS, charterValuesOf, londonToday, readCharterForm, validateCharter, type CharterValues } from './project.form'

type CharterPage = { heading: string; backLink: string; values: CharterValues; pair: { doctor: string; manager: string }; currentPriority?: unknown }

export function charterController({ projects, clock }: Services) {
  async function render(res: Response, page: CharterPage, form: FormErrors = noFormErrors, status = 200) {
    const priorities = await projects.priorities(page.currentPriority)
    res.status(status).render('pages/projects/charter-form', { ...page, priorities, statuses: PROJECT_STATUS_NAMES, limits: CHARTER_LIMITS, ...form })
  }

  async function startPage(req: Request) {
    const { pair, existingId } = await projects.startable(req.user!, req.params.pairId)
    const page = { heading: 'Start your QI project', backLink: `/pairs/${String(pair._id)}`, pair: await projects.pairNames(pair) }
    return { pair, existingId, page }
  }

  async function editPage(req: Request) {
    const view = await projects.editableProjectFor(req.user!, req.params.projectId)
    const page = { heading: 'Edit the project charter', backLink: `/projects/${String(view.project._id)}`, pair: await projects.pairNames(view.project), currentPriority: view.project.priorityId }
    return { view, page }
  }

  return {
    async newForm(req: Request, res: Response) {
      const { existingId, page } = await startPage(req)
      if (existingId) return res.redirect(303, `/projects/${existingId}`)
      await render(res, { ...page, values: charterValuesOf() })
    },

    async create(req: Request, res: Response) {
      const { pair, existingId, page } = await startPage(req)
      if (existingId) {
        req.session.flash = 'Your pair has already started its project: here it is'
        return res.redirect(303, `/projects/${existingId}`)
      }
      const values = readCharterForm(req.body)
      const checked = validateCharter(values, { priorityIds: (await projects.priorities()).map(p => p.id), today: londonToday(clock.now()) })
      if (!checked.ok) return render(res, { ...page, values }, formErrors(checked.errors), 400)
      const { projectId, created } = await projects.create(req.user!, pair._id.toHexString(), checked.input)
      req.session.flash = created ? 'Project started' : 'Your pair has already started its project: here it is'
      res.redirect(303, `/projects/${projectId}`)
    },

    async editForm(req: Request, res: Response) {
      const { view, page } = await editPage(req)
      await render(res, { ...page, values: charterValuesOf(view.project) })
    },

    async update(req: Request, res: Response) {
      const { view, page } = await editPage(req)
      const values = readCharterForm(req.body)
      const priorityIds = (await projects.priorities(view.project.priorityId)).map(p => p.id)
      const checked = validateCharter(values, { priorityIds, today: londonToday(clock.now()), savedBy: view.project.aim?.by })
      if (!checked.ok) return render(res, { ...page, values }, formErrors(checked.errors), 400)
      await projects.updateCharter(req.user!, String(view.project._id), checked.input)
      req.session.flash = 'Charter saved'
      res.redirect(303, `/projects/${String(view.project._id)}`)
    },
  }
}
