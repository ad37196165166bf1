// PDSA cycles: planning one (or the next after an earlier cycle, prefilled
// from it), the cycle's page, a form for each stage as the cycle goes on, and
// deleting one after a confirmation page.
import type { Request, Response } from 'express'
import type { PdsaDecision } from '../../models/pdsa-cycle'
import { formatDate } from '../format'
import { dateToParts } from '../http/date-input'
import { formErrors, noFormErrors, text, type FormErrors } from '../http/forms'
import { optionalIdParam } from '../http/id-param'
import type { Services } from '../services'
import { cycleDate } from './chart-data'
import { canOpen, stageOf, stageTag } from './pdsa-stages'
import { DECISION_ITEMS, DECISION_NAMES, LONG_LIMIT, PLAN_LIMIT, SHORT_LIMIT, checkAct, checkDo, checkPlan, checkStudy, planValuesOf, readAct, readDo, readPlan, readStudy, type ActValues, type DoValues, type PlanValues, type StudyValues } from './pdsa.form'
import type { CycleView } from './pdsa.service'
import { editableProjectFor, type ProjectView } from './project-access'

type Previous = { id: string; number: number; decision: PdsaDecision | null; nextSteps: string }

const limits = { shortLimit: SHORT_LIMIT, planLimit: PLAN_LIMIT, longLimit: LONG_LIMIT }

export function pdsaController({ pdsa, dataPoints }: Services) {
  const cyclePath = (view: CycleView) => `/pdsa/${String(view.cycle._id)}`
  const common = (view: ProjectView) => ({ project: view.project, projectId: String(view.project._id), ...limits })
  const ofCycle = (view: CycleView) => ({ ...common(view), cycle: view.cycle, cycleId: String(view.cycle._id) })
  const measureIdsOf = (choices: { value: string }[]) => choices.map(c => c.value)

  async function renderPlan(res: Response, view: ProjectView, values: PlanValues, options: { cycle?: CycleView['cycle']; previous?: Previous; form?: FormErrors; status?: number } = {}) {
    res.status(options.status ?? 200).render('pages/projects/pdsa/plan', {
      ...common(view),
      cycle: options.cycle,
      cycleId: options.cycle ? String(options.cycle._id) : undefined,
      previous: options.previous,
      decisionNames: DECISION_NAMES,
      measureChoices: await pdsa.measureChoices(view.project._id),
      values,
      ...(options.form ?? noFormErrors),
    })
  }

  async function previousOf(view: ProjectView, id: unknown): Promise<Previous | undefined> {
    if (!optionalIdParam(id)) return undefined
    const previous = await pdsa.previousFor(view, id)
    return { id: String(previous._id), number: previous.number, decision: previous.decision ?? null, nextSteps: previous.nextSteps }
  }

  function renderDo(res: Response, view: CycleView, values: DoValues, form: FormErrors = noFormErrors, status = 200) {
    res.status(status).render('pages/projects/pdsa/do', { ...ofCycle(view), values, ...form })
  }

  async function renderStudy(res: Response, view: CycleView, values: StudyValues, form: FormErrors = noFormErrors, status = 200) {
    res.status(status).render('pages/projects/pdsa/study', { ...ofCycle(view), measureChoices: await pdsa.measureChoices(view.project._id), values, ...form })
  }

  function renderAct(res: Response, view: CycleView, values: ActValues, form: FormErrors = noFormErrors, status = 200) {
    res.status(status).render('pages/projects/pdsa/act', { ...ofCycle(view), decisionItems: DECISION_ITEMS, values, ...form })
  }

  return {
    async newForm(req: Request, res: Response) {
      const view = await editableProjectFor(req.user!, req.params.projectId)
      const previous = await previousOf(view, req.query.after)
      const before = previous ? await pdsa.previousFor(view, previous.id) : undefined
      const values: PlanValues = before
        ? { ...planValuesOf(before), plannedFor: dateToParts(null), prediction: '' }
        : { objective: '', changeIdea: '', who: '', where: '', plannedFor: dateToParts(null), prediction: '', measureIds: [] }
      await renderPlan(res, view, values, { previous })
    },

    async create(req: Request, res: Response) {
      const view = await editableProjectFor(req.user!, req.params.projectId)
      const previous = await previousOf(view, text(req.body, 'previousId'))
      const values = readPlan(req.body)
      const checked = checkPlan(values, measureIdsOf(await pdsa.measureChoices(view.project._id)))
      if (!checked.ok) return renderPlan(res, view, values, { previous, form: formErrors(checked.errors), status: 400 })
      const id = await pdsa.create(view, req.user!, checked.input, previous?.id)
      req.session.flash = 'PDSA cycle planned'
      res.redirect(303, `/pdsa/${id}`)
    },

    async show(req: Request, res: Response) {
      const view = await pdsa.cycleFor(req.user!, req.params.cycleId)
      const { cycle } = view
      const [choices, followers, previous] = await Promise.all([
        pdsa.measureChoices(view.project._id),
        pdsa.followersOf(cycle),
        cycle.previousId ? pdsa.previousFor(view, String(cycle.previousId)).catch(() => undefined) : undefined,
      ])
      const linked = new Set(cycle.measureIds.map(String))
      res.render('pages/projects/pdsa/cycle', {
        ...ofCycle(view),
        canEdit: view.canEdit,
        stage: stageOf(cycle),
        can: { study: canOpen(cycle, 'study'), act: canOpen(cycle, 'act') },
        tag: stageTag(cycle),
        markedOn: formatDate(cycleDate(cycle)),
        measures: choices.filter(c => linked.has(c.value)).map(c => ({ id: c.value, name: c.text })),
        followers: followers.map(f => ({ id: String(f._id), number: f.number })),
        previous: previous ? { id: String(previous._id), number: previous.number } : undefined,
        decisionNames: DECISION_NAMES,
      })
    },

    async planForm(req: Request, res: Response) {
      const view = await pdsa.editableCycleFor(req.user!, req.params.cycleId)
      await renderPlan(res, view, planValuesOf(view.cycle), { cycle: view.cycle })
    },

    async savePlan(req: Request, res: Response) {
      const view = await pdsa.editableCycleFor(req.user!, req.params.cycleId)
      const values = readPlan(req.body)
      const checked = checkPlan(values, measureIdsOf(await pdsa.measureChoices(view.project._id)))
      if (!checked.ok) return renderPlan(res, view, values, { cycle: view.cycle, form: formErrors(checked.errors), status: 400 })
      await pdsa.savePlan(view, checked.input)
      req.session.flash = 'Plan saved'
      res.redirect(303, cyclePath(view))
    },

    async doForm(req: Request, res: Response) {
      const view = await pdsa.editableCycleFor(req.user!, req.params.cycleId)
      renderDo(res, view, { doneOn: dateToParts(view.cycle.doneOn), whatHappened: view.cycle.whatHappened })
    },

    async saveDo(req: Request, res: Response) {
      const view = await pdsa.editableCycleFor(req.user!, req.params.cycleId)
      const values = readDo(req.body)
      const checked = checkDo(values, dataPoints.today())
      if (!checked.ok) return renderDo(res, view, values, formErrors(checked.errors), 400)
      await pdsa.saveDo(view, checked.input)
      req.session.flash = 'What happened is saved: now study the results'
      res.redirect(303, cyclePath(view))
    },

    async studyForm(req: Request, res: Response) {
      const view = await pdsa.editableCycleFor(req.user!, req.params.cycleId)
      pdsa.mustBeOpen(view, 'study')
      await renderStudy(res, view, { results: view.cycle.results, measureIds: view.cycle.measureIds.map(String) })
    },

    async saveStudy(req: Request, res: Response) {
      const view = await pdsa.editableCycleFor(req.user!, req.params.cycleId)
      pdsa.mustBeOpen(view, 'study')
      const values = readStudy(req.body)
      const checked = checkStudy(values, measureIdsOf(await pdsa.measureChoices(view.project._id)))
      if (!checked.ok) return renderStudy(res, view, values, formErrors(checked.errors), 400)
      await pdsa.saveStudy(view, checked.input)
      req.session.flash = 'Study saved: now decide what to do'
      res.redirect(303, cyclePath(view))
    },

    async actForm(req: Request, res: Response) {
      const view = await pdsa.editableCycleFor(req.user!, req.params.cycleId)
      pdsa.mustBeOpen(view, 'act')
      renderAct(res, view, { decision: view.cycle.decision ?? '', nextSteps: view.cycle.nextSteps })
    },

    async saveAct(req: Request, res: Response) {
      const view = await pdsa.editableCycleFor(req.user!, req.params.cycleId)
      pdsa.mustBeOpen(view, 'act')
      const values = readAct(req.body)
      const checked = checkAct(values)
      if (!checked.ok) return renderAct(res, view, values, formErrors(checked.errors), 400)
      await pdsa.saveAct(view, checked.input)
      req.session.flash = `Decision saved: ${DECISION_NAMES[checked.input.decision]}`
      res.redirect(303, cyclePath(view))
    },

    async deleteForm(req: Request, res: Response) {
      const view = await pdsa.editableCycleFor(req.user!, req.params.cycleId)
      res.render('pages/projects/pdsa/delete', { ...ofCycle(view), followers: await pdsa.followersOf(view.cycle) })
    },

    async remove(req: Request, res: Response) {
      const view = await pdsa.editableCycleFor(req.user!, req.params.cycleId)
      await pdsa.remove(view)
      req.session.flash = `PDSA ${view.cycle.number} deleted`
      res.redirect(303, `/projects/${String(view.project._id)}`)
    },
  }
}
