// /measures/:measureId/limits — the chart settings: recalculate the limits (and
// the run chart's median) from a chosen point, take such a point away again,
// and freeze each period's baseline after its first n points.
import type { Request, Response } from 'express'
import { DateTime } from 'luxon'
import { NotFoundError, type FieldError } from '../errors'
import { formatDate } from '../format'
import { formErrors, noFormErrors, text, type FormErrors } from '../http/forms'
import { storedDateKey } from '../scheduling/london-time'
import type { Services } from '../services'
import { LIMITS_MIN_POINTS } from './chart-data'
import type { MeasureView } from './measures.service'

type LimitsValues = { from: string; baselinePoints: string }

/** "2026-03-01" → the stored calendar date, or undefined. */
function dateOfKey(key: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(key)) return undefined
  const dt = DateTime.fromISO(key, { zone: 'utc' })
  return dt.isValid ? dt.toJSDate() : undefined
}

export function measuresLimitsController({ measures }: Services) {
  async function render(res: Response, view: MeasureView, values: LimitsValues, form: FormErrors = noFormErrors, status = 200) {
    const { points, chart } = await measures.page(view)
    const rebaseKeys = new Set((view.measure.rebaseDates ?? []).map(storedDateKey))
    res.status(status).render('pages/projects/measures/limits', {
      project: view.project,
      projectId: String(view.project._id),
      measure: view.measure,
      measureId: String(view.measure._id),
      periods: chart.periods,
      // Any point but the first can start a new period.
      choices: points.slice(1).filter(p => !rebaseKeys.has(storedDateKey(p.date))).map(p => ({ value: storedDateKey(p.date), text: `${formatDate(p.date)} (${p.value})` })),
      rebases: [...(view.measure.rebaseDates ?? [])].sort((a, b) => +a - +b).map(d => ({ key: storedDateKey(d), text: formatDate(d) })),
      minimum: LIMITS_MIN_POINTS,
      values,
      ...form,
    })
  }

  const valuesOf = (view: MeasureView): LimitsValues => ({ from: '', baselinePoints: view.measure.baselinePoints ? String(view.measure.baselinePoints) : '' })
  const back = (view: MeasureView) => `/measures/${String(view.measure._id)}/limits`

  return {
    async get(req: Request, res: Response) {
      const view = await measures.editableMeasureFor(req.user!, req.params.measureId)
      await render(res, view, valuesOf(view))
    },

    async rebase(req: Request, res: Response) {
      const view = await measures.editableMeasureFor(req.user!, req.params.measureId)
      const from = text(req.body, 'from')
      const { points } = await measures.page(view)
      const date = dateOfKey(from)
      const chosen = date && points.slice(1).some(p => +p.date === +date)
      if (!date || !chosen) {
        const error: FieldError = { field: 'from', message: 'Select the point from which to recalculate the limits' }
        return render(res, view, { ...valuesOf(view), from }, formErrors([error]), 400)
      }
      await measures.addRebase(view, date)
      req.session.flash = `Limits recalculated from ${formatDate(date)}`
      res.redirect(303, back(view))
    },

    async removeRebase(req: Request, res: Response) {
      const view = await measures.editableMeasureFor(req.user!, req.params.measureId)
      const date = dateOfKey(text(req.body, 'date'))
      if (!date || !(view.measure.rebaseDates ?? []).some(d => +d === +date)) throw new NotFoundError()
      await measures.removeRebase(view, date)
      req.session.flash = `Limits no longer recalculated from ${formatDate(date)}`
      res.redirect(303, back(view))
    },

    async baseline(req: Request, res: Response) {
      const view = await measures.editableMeasureFor(req.user!, req.params.measureId)
      const typed = text(req.body, 'baselinePoints')
      const n = Number(typed)
      if (typed && (!/^\d+$/.test(typed) || n < 2 || n > 1000)) {
        const error: FieldError = { field: 'baselinePoints', message: 'The number of points must be a whole number from 2 to 1000, or leave it empty' }
        return render(res, view, { from: '', baselinePoints: typed }, formErrors([error]), 400)
      }
      await measures.setBaseline(view, typed ? n : null)
      req.session.flash = typed ? `Baseline frozen after ${n} points` : 'Baseline no longer frozen: limits come from all the points'
      res.redirect(303, back(view))
    },
  }
}
