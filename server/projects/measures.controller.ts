// A project's measures: adding one, its page (charts, icons, signals, data),
// changing it and deleting it after a confirmation page.
import type { Request, Response } from 'express'
import { formErrors, noFormErrors, type FormErrors } from '../http/forms'
import type { Services } from '../services'
import { formatDate } from '../format'
import { DIRECTION_ITEMS, DIRECTION_NAMES, TYPE_ITEMS, TYPE_NAMES, checkMeasure, measureValuesOf, readMeasure, type MeasureValues } from './measures.form'
import type { MeasureView } from './measures.service'
import { editableProjectFor, type ProjectView } from './project-access'

export function measuresController({ measures }: Services) {
  function renderForm(res: Response, view: ProjectView, values: MeasureValues, measureId?: string, form: FormErrors = noFormErrors, status = 200) {
    res.status(status).render('pages/projects/measures/measure-form', {
      project: view.project,
      projectId: String(view.project._id),
      measureId,
      values,
      typeItems: TYPE_ITEMS,
      directionItems: DIRECTION_ITEMS,
      ...form,
    })
  }

  const blank: MeasureValues = { name: '', type: '', definition: '', unit: '', direction: '', target: '' }
  const measurePath = (view: MeasureView) => `/measures/${String(view.measure._id)}`

  return {
    async newForm(req: Request, res: Response) {
      renderForm(res, await editableProjectFor(req.user!, req.params.projectId), blank)
    },

    async create(req: Request, res: Response) {
      const view = await editableProjectFor(req.user!, req.params.projectId)
      const values = readMeasure(req.body)
      const checked = checkMeasure(values)
      if (!checked.ok) return renderForm(res, view, values, undefined, formErrors(checked.errors), 400)
      const id = await measures.create(view, req.user!, checked.input)
      req.session.flash = `Measure “${checked.input.name}” added: now add its data`
      res.redirect(303, `/measures/${id}`)
    },

    async show(req: Request, res: Response) {
      const view = await measures.measureFor(req.user!, req.params.measureId)
      const { points, chart } = await measures.page(view)
      const { measure } = view
      const id = String(measure._id)
      const rows = [
        { key: 'Type', value: TYPE_NAMES[measure.type] },
        { key: 'Definition', value: measure.definition },
        { key: 'Unit', value: measure.unit || 'None given' },
        { key: 'Improvement', value: DIRECTION_NAMES[measure.direction] },
        { key: 'Target', value: measure.target === null || measure.target === undefined ? 'None' : `${measure.target}${measure.unit ? ` ${measure.unit}` : ''}` },
      ]
      res.render('pages/projects/measures/measure', {
        project: view.project,
        projectId: String(view.project._id),
        measure,
        measureId: id,
        canEdit: view.canEdit,
        rows,
        chart,
        points: points.map(p => ({ id: String(p._id), date: formatDate(p.date), value: p.value, note: p.note })),
      })
    },

    async editForm(req: Request, res: Response) {
      const view = await measures.editableMeasureFor(req.user!, req.params.measureId)
      renderForm(res, view, measureValuesOf(view.measure), String(view.measure._id))
    },

    async update(req: Request, res: Response) {
      const view = await measures.editableMeasureFor(req.user!, req.params.measureId)
      const values = readMeasure(req.body)
      const checked = checkMeasure(values)
      if (!checked.ok) return renderForm(res, view, values, String(view.measure._id), formErrors(checked.errors), 400)
      await measures.update(view, checked.input)
      req.session.flash = 'Measure saved'
      res.redirect(303, measurePath(view))
    },

    async deleteForm(req: Request, res: Response) {
      const view = await measures.editableMeasureFor(req.user!, req.params.measureId)
      const { points } = await measures.page(view)
      res.render('pages/projects/measures/delete', { project: view.project, projectId: String(view.project._id), measure: view.measure, measureId: String(view.measure._id), count: points.length })
    },

    async remove(req: Request, res: Response) {
      const view = await measures.editableMeasureFor(req.user!, req.params.measureId)
      await measures.remove(view)
      req.session.flash = `Measure “${view.measure.name}” and its data deleted`
      res.redirect(303, `/projects/${String(view.project._id)}`)
    },
  }
}
