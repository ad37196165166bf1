// /pairs/:pairId/project/new, /projects/:projectId and its edit, log and progress
// forms. Partners change everything; leads change the charter; other members of
// the cohort read the charter and charts once the pair shares the project.
import type { Request, Response } from 'express'
import { ConflictError } from '../errors'
import { formErrors, noFormErrors, text, type FormErrors } from '../http/forms'
import { dateToParts } from '../http/date-input'
import type { Services } from '../services'
import { charterValuesOf, readCharterForm, readLogForm, readScore, validateCharter, validateLog, type CharterValues, type LogValues } from './project.form'
import { peopleById } from '../shadowing/session-access'
import { PROJECT_STATUS_NAMES } from './project-display'

export function projectPagesController({ projects, shadowing, clock }: Services) {
  async function charterPage(res: Response, page: { heading: string; backLink: string; values: CharterValues; current?: unknown }, form: FormErrors = noFormErrors, status = 200) {
    const priorities = await projects.priorities(page.current)
    res.status(status).render('pages/projects/charter-form', { ...page, priorities, statuses: PROJECT_STATUS_NAMES, ...form })
  }

  const today = () => new Date(new Date(clock.now()).setUTCHours(0, 0, 0, 0) + 86_400_000 - 1)
  const emptyLog = (): LogValues => ({ date: dateToParts(clock.now()), did: '', learned: '', next: '', blockers: '' })

  async function projectPage(req: Request, res: Response, extra: { log?: LogValues; reason?: string } = {}, form: FormErrors = noFormErrors, status = 200) {
    const view = await projects.projectFor(req.user!, req.params.projectId)
    const people = await peopleById([view.project.doctorId, view.project.managerId])
    const pair = { doctor: people.get(String(view.project.doctorId))?.name ?? '', manager: people.get(String(view.project.managerId))?.name ?? '' }
    const priority = (await projects.priorities(view.project.priorityId)).find(p => p.id === String(view.project.priorityId))
    const readOnly = view.role === 'reader'
    res.status(status).render('pages/projects/project', {
      ...view,
      projectId: String(view.project._id),
      pair,
      priority: priority?.title ?? '',
      statusName: PROJECT_STATUS_NAMES[view.project.status],
      isPartner: view.role === 'partner',
      log: readOnly ? [] : await projects.log(view),
      suggestion: readOnly ? undefined : await projects.suggestion(view),
      logValues: extra.log ?? emptyLog(),
      reason: extra.reason ?? '',
      ...form,
    })
  }

  return {
    async newForm(req: Request, res: Response) {
      const pair = await shadowing.pairFor(req.user!, req.params.pairId)
      const existing = await projects.ofPair(pair.pair._id)
      if (existing) return res.redirect(303, `/projects/${String(existing._id)}`)
      await charterPage(res, { heading: 'Start your QI project', backLink: `/pairs/${String(pair.pair._id)}`, values: charterValuesOf() })
    },

    async create(req: Request, res: Response) {
      const values = readCharterForm(req.body)
      const checked = validateCharter(values, (await projects.priorities()).map(p => p.id))
      if (!checked.ok) return charterPage(res, { heading: 'Start your QI project', backLink: `/pairs/${String(req.params.pairId)}`, values }, formErrors(checked.errors), 400)
      const { projectId, created } = await projects.create(req.user!, req.params.pairId, checked.input)
      req.session.flash = created ? 'Project started' : 'Your pair already has a project: here it is'
      res.redirect(303, `/projects/${projectId}`)
    },

    get: (req: Request, res: Response) => projectPage(req, res),

    async editForm(req: Request, res: Response) {
      const { project, canEdit } = await projects.projectFor(req.user!, req.params.projectId)
      if (!canEdit) throw new ConflictError('Only the pair and programme leads can change this project')
      await charterPage(res, { heading: 'Edit the project charter', backLink: `/projects/${String(project._id)}`, values: charterValuesOf(project), current: project.priorityId })
    },

    async update(req: Request, res: Response) {
      const { project } = await projects.projectFor(req.user!, req.params.projectId)
      const values = readCharterForm(req.body)
      const checked = validateCharter(values, (await projects.priorities(project.priorityId)).map(p => p.id))
      if (!checked.ok) return charterPage(res, { heading: 'Edit the project charter', backLink: `/projects/${String(project._id)}`, values, current: project.priorityId }, formErrors(checked.errors), 400)
      await projects.updateCharter(req.user!, req.params.projectId, checked.input)
      req.session.flash = 'Charter saved'
      res.redirect(303, `/projects/${String(project._id)}`)
    },

    async addLog(req: Request, res: Response) {
      const values = readLogForm(req.body)
      const checked = validateLog(values, today())
      if (!checked.ok) return projectPage(req, res, { log: values }, formErrors(checked.errors), 400)
      await projects.addLogEntry(req.user!, req.params.projectId, checked.entry)
      req.session.flash = 'Added to the progress log'
      res.redirect(303, `/projects/${String(req.params.projectId)}#log`)
    },

    async setProgress(req: Request, res: Response) {
      const score = readScore(text(req.body, 'score'))
      const reason = text(req.body, 'reason')
      const view = await projects.projectFor(req.user!, req.params.projectId)
      const suggested = (await projects.suggestion(view)).score
      const errors = [
        ...(score === undefined ? [{ field: 'score', message: 'Select a progress score' }] : []),
        ...(score !== undefined && score !== suggested && !reason ? [{ field: 'reason', message: `Give a reason for choosing ${score} rather than Tandem’s suggestion of ${suggested}` }] : []),
        ...(reason.length > 500 ? [{ field: 'reason', message: 'The reason must be 500 characters or fewer' }] : []),
      ]
      if (errors.length || score === undefined) return projectPage(req, res, { reason }, formErrors(errors), 400)
      await projects.setProgress(req.user!, req.params.projectId, score, reason)
      req.session.flash = `Progress score set to ${score}`
      res.redirect(303, `/projects/${String(view.project._id)}#progress`)
    },
  }
}
