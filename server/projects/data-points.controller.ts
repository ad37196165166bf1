// A measure's data: add one point, paste many, change or delete one (delete
// after a confirmation page). A date that already has a value is refused,
// with a link to change that value instead.
import type { Request, Response } from 'express'
import { formatDate } from '../format'
import { formErrors, noFormErrors, text, type FormErrors } from '../http/forms'
import type { Services } from '../services'
import { NOTE_LIMIT, PASTE_LINE_LIMIT, checkPoint, pointValuesOf, readPoint, type PointValues } from './data-points.form'
import type { PointSaved } from './data-points.service'
import type { MeasureView } from './measures.service'

const blank: PointValues = { date: { day: '', month: '', year: '' }, value: '', note: '' }
const PASTE_CHAR_LIMIT = 20_000

export function dataPointsController({ measures, dataPoints }: Services) {
  const measurePath = (view: MeasureView) => `/measures/${String(view.measure._id)}`
  const common = (view: MeasureView) => ({ project: view.project, projectId: String(view.project._id), measure: view.measure, measureId: String(view.measure._id) })

  function renderPoint(res: Response, view: MeasureView, values: PointValues, pointId?: string, form: FormErrors = noFormErrors, status = 200, clashId?: string) {
    res.status(status).render('pages/projects/measures/point-form', { ...common(view), pointId, values, noteLimit: NOTE_LIMIT, clashId, ...form })
  }

  function renderPaste(res: Response, view: MeasureView, pasted: string, form: FormErrors = noFormErrors, status = 200) {
    res.status(status).render('pages/projects/measures/paste', { ...common(view), pasted, lineLimit: PASTE_LINE_LIMIT, ...form })
  }

  /** A date already taken: the error says so, and the page links to the value that is there. */
  const clashErrors = (saved: Exclude<PointSaved, { ok: true }>) => formErrors([{ field: 'date-day', message: `There is already a value for ${formatDate(saved.date)}: change that one instead` }])

  async function pointView(req: Request) {
    const view = await measures.editableMeasureFor(req.user!, req.params.measureId)
    return { view, point: await dataPoints.pointFor(view, req.params.pointId) }
  }

  return {
    async newForm(req: Request, res: Response) {
      renderPoint(res, await measures.editableMeasureFor(req.user!, req.params.measureId), blank)
    },

    async create(req: Request, res: Response) {
      const view = await measures.editableMeasureFor(req.user!, req.params.measureId)
      const values = readPoint(req.body)
      const checked = checkPoint(values, dataPoints.today())
      if (!checked.ok) return renderPoint(res, view, values, undefined, formErrors(checked.errors), 400)
      const saved = await dataPoints.add(view, req.user!, checked.input)
      if (!saved.ok) return renderPoint(res, view, values, undefined, clashErrors(saved), 400, saved.existingId)
      req.session.flash = `${checked.input.value} added for ${formatDate(checked.input.date)}`
      res.redirect(303, text(req.body, 'another') === 'yes' ? `${measurePath(view)}/points/new` : measurePath(view))
    },

    async pasteForm(req: Request, res: Response) {
      renderPaste(res, await measures.editableMeasureFor(req.user!, req.params.measureId), '')
    },

    async paste(req: Request, res: Response) {
      const view = await measures.editableMeasureFor(req.user!, req.params.measureId)
      const pasted = text(req.body, 'points')
      const lines = pasted.split(/\r\n|\r|\n/).length
      if (!pasted) return renderPaste(res, view, pasted, formErrors([{ field: 'points', message: 'Paste the dates and values, one date and value a line' }]), 400)
      if (lines > PASTE_LINE_LIMIT || pasted.length > PASTE_CHAR_LIMIT) {
        return renderPaste(res, view, pasted, formErrors([{ field: 'points', message: `Paste ${PASTE_LINE_LIMIT} lines or fewer at a time` }]), 400)
      }
      const saved = await dataPoints.paste(view, req.user!, pasted)
      if (!saved.ok) {
        const errors = saved.errors.map(e => ({ field: 'points', message: e.message }))
        return renderPaste(res, view, pasted, { errors, fieldErrors: { points: `Correct ${saved.errors.length === 1 ? 'the line' : `the ${saved.errors.length} lines`} listed above: nothing has been saved yet` } }, 400)
      }
      req.session.flash = `${saved.count} ${saved.count === 1 ? 'point' : 'points'} added${saved.skippedHeader ? ' (the first line was read as column headings and left out)' : ''}`
      res.redirect(303, measurePath(view))
    },

    async editForm(req: Request, res: Response) {
      const { view, point } = await pointView(req)
      renderPoint(res, view, pointValuesOf(point), String(point._id))
    },

    async update(req: Request, res: Response) {
      const { view, point } = await pointView(req)
      const values = readPoint(req.body)
      const checked = checkPoint(values, dataPoints.today())
      if (!checked.ok) return renderPoint(res, view, values, String(point._id), formErrors(checked.errors), 400)
      const saved = await dataPoints.update(view, point._id, checked.input)
      if (!saved.ok) return renderPoint(res, view, values, String(point._id), clashErrors(saved), 400, saved.existingId)
      req.session.flash = `Value for ${formatDate(checked.input.date)} saved`
      res.redirect(303, measurePath(view))
    },

    async deleteForm(req: Request, res: Response) {
      const { view, point } = await pointView(req)
      res.render('pages/projects/measures/point-delete', { ...common(view), pointId: String(point._id), point: { date: formatDate(point.date), value: point.value, note: point.note } })
    },

    async remove(req: Request, res: Response) {
      const { view, point } = await pointView(req)
      await dataPoints.remove(view, point._id)
      req.session.flash = `Value for ${formatDate(point.date)} deleted`
      res.redirect(303, measurePath(view))
    },
  }
}
