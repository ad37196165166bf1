// What a project's measures and PDSA cycles say about its progress, for the
// progress score that Tandem suggests (IHI scale): has the project a baseline,
// has it tested changes, does a measure show special-cause improvement, and
// is that improvement sustained. Pure: the loading is in measures.service.ts.
import { meaning, segmentsOf, xmr } from '../charts/spc'
import { LIMITS_MIN_POINTS, type Series } from './chart-data'

/** A measure has baseline data from this many points (the IHI's usual minimum for a baseline median). */
export const BASELINE_MIN_POINTS = 10
/** The latest this-many points all special-cause improvement is improvement still holding (the shift rule's length). */
export const SUSTAINED_RUN = 7

export type MeasureSignals = { hasBaseline: boolean; improvement: boolean; sustained: boolean }

/**
 * One measure's evidence, from its XmR chart as the pair rebased and froze it.
 * - improvement: any point is special-cause improvement (direction up or down; never for 'neither').
 * - sustained: either the latest 7 points are all special-cause improvement, or the chart
 *   was rebased and the latest period has 12 points or more, a mean better than the
 *   period before and no special-cause concern (the change held after it was adopted).
 */
export function measureSignals(series: Series): MeasureSignals {
  const points = xmr(series.values, { rebaseAt: series.rebaseAt, baselineLength: series.baselineLength })
  const kinds = points.map(p => meaning(p, series.direction))
  const hasBaseline = series.values.length >= BASELINE_MIN_POINTS
  const improvement = kinds.includes('improvement')
  const periods = segmentsOf(series.values.length, series.rebaseAt)
  const latest = periods[periods.length - 1]
  const stillImproving = kinds.length >= SUSTAINED_RUN && kinds.slice(-SUSTAINED_RUN).every(k => k === 'improvement') && (latest?.end ?? 0) - (latest?.start ?? 0) >= SUSTAINED_RUN
  let heldAfterRebase = false
  if (periods.length >= 2 && latest && latest.end - latest.start >= LIMITS_MIN_POINTS && series.direction !== 'neither') {
    const before = points[periods[periods.length - 2]!.start]!.limits
    const now = points[latest.start]!.limits
    const better = before && now && (series.direction === 'up' ? now.mean > before.mean : now.mean < before.mean)
    heldAfterRebase = Boolean(better) && !kinds.slice(latest.start).includes('concern')
  }
  return { hasBaseline, improvement, sustained: stillImproving || heldAfterRebase }
}

/** The measure and PDSA part of a project's evidence; counts, so 0 means none. */
export type MeasureEvidence = {
  /** PDSA cycles planned (every cycle starts with its plan). */
  pdsaPlanned: number
  /** PDSA cycles carried out and studied: the results are written against the prediction. */
  pdsaCompleted: number
  /** Measures with at least BASELINE_MIN_POINTS data points. */
  measuresWithBaseline: number
  /** Measures whose XmR chart shows special-cause improvement somewhere. */
  improvementSignals: number
  /** Measures whose improvement is sustained (see measureSignals). */
  sustainedImprovement: number
}

export function evidenceOf(series: readonly Series[], cycles: readonly { doneOn?: Date | null; results?: string | null }[]): MeasureEvidence {
  const signals = series.map(measureSignals)
  return {
    pdsaPlanned: cycles.length,
    pdsaCompleted: cycles.filter(c => Boolean(c.doneOn && c.results)).length,
    measuresWithBaseline: signals.filter(s => s.hasBaseline).length,
    improvementSignals: signals.filter(s => s.improvement).length,
    sustainedImprovement: signals.filter(s => s.sustained).length,
  }
}
