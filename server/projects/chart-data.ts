// From a measure, its data points and the project's PDSA cycles to what the
// measure page shows: both charts (SVG), the data beside each as a table, the
// signals in words, the Making Data Count icons, the periods the pair rebased
// into and where each PDSA cycle sits. Dates become chart positions here; the
// SPC maths in server/charts/spc.ts sees only numbers.
import { DateTime } from 'luxon'
import type { Types } from 'mongoose'
import { mdcIcons, type MdcIcons } from '../charts/mdc-icons'
import { runChartSvg } from '../charts/run-chart-svg'
import { runChart, segmentsOf, xmr, type Direction, type Rule, type XmrPoint } from '../charts/spc'
import { xmrChartSvg } from '../charts/xmr-svg'
import { formatDate } from '../format'

/** Run-chart rules are seldom worth reading with fewer points than this (IHI). */
export const RUN_CHART_MIN_POINTS = 10
/** Limits from fewer points than this are shown as provisional. */
export const LIMITS_MIN_POINTS = 12

export type ChartMeasure = {
  _id: Types.ObjectId
  name: string
  unit?: string | null
  direction: Direction
  target?: number | null
  rebaseDates?: Date[] | null
  baselinePoints?: number | null
}
export type ChartPoint = { date: Date; value: number }
export type ChartCycle = { _id: Types.ObjectId; number: number; plannedFor: Date; doneOn?: Date | null }

export type Series = { values: number[]; rebaseAt: number[]; baselineLength: number | undefined; direction: Direction; target: number | undefined }

/** The numbers the SPC maths needs: values in date order, and each rebase date as the index of the first point on or after it. */
export function seriesOf(measure: ChartMeasure, points: readonly ChartPoint[]): Series {
  const sorted = [...points].sort((a, b) => +a.date - +b.date)
  const rebaseAt = (measure.rebaseDates ?? []).map(d => sorted.findIndex(p => +p.date >= +d)).filter(i => i > 0)
  return {
    values: sorted.map(p => p.value),
    rebaseAt: [...new Set(rebaseAt)].sort((a, b) => a - b),
    baselineLength: measure.baselinePoints ?? undefined,
    direction: measure.direction,
    target: measure.target ?? undefined,
  }
}

/** A measure's Making Data Count icons from its data points (as its XmR chart draws them): for the summaries beside a project. */
export function measureIcons(measure: ChartMeasure, points: readonly ChartPoint[]): MdcIcons {
  const series = seriesOf(measure, points)
  const chart = xmr(series.values, { rebaseAt: series.rebaseAt, baselineLength: series.baselineLength })
  return mdcIcons(chart, series.direction, series.target)
}

/** A cycle is marked at the date it was done, or until then the date it is planned for. */
export const cycleDate = (cycle: Pick<ChartCycle, 'plannedFor' | 'doneOn'>): Date => cycle.doneOn ?? cycle.plannedFor

/**
 * Where a date falls on a chart whose x axis is its points in order: an index,
 * between two points when the date is between theirs. Undefined before the first
 * point or after the last (nothing to draw it against yet).
 */
export function positionOf(dates: readonly Date[], date: Date): number | undefined {
  const t = +date
  if (!dates.length || t < +dates[0]! || t > +dates[dates.length - 1]!) return undefined
  for (let i = 0; i < dates.length; i += 1) {
    const here = +dates[i]!
    if (t === here) return i
    const next = dates[i + 1]
    if (next && t < +next) return i + (t - here) / (+next - here)
  }
  return undefined
}

const round = (n: number) => Number(n.toFixed(2))
const span = (dates: Date[], start: number, end: number) => (start === end ? formatDate(dates[start]) : `${formatDate(dates[start])} to ${formatDate(dates[end])}`)

function meaningOf(side: 'high' | 'low', direction: Direction): 'improvement' | 'concern' | 'neither' {
  if (direction === 'neither') return 'neither'
  return (side === 'high') === (direction === 'up') ? 'improvement' : 'concern'
}
const MEANING_TEXT = { improvement: ' (improvement)', concern: ' (concern)', neither: '' }

type Group = { start: number; end: number; side: 'high' | 'low'; members: number[] }

/** Runs of flagged indices no more than `gap` apart that share a side, never across a rebase point. */
function groups(indices: number[], sideOf: (i: number) => 'high' | 'low', periodStarts: number[], gap = 1): Group[] {
  const out: Group[] = []
  for (const i of indices) {
    const last = out[out.length - 1]
    const crosses = last ? periodStarts.some(s => s > last.end && s <= i) : false
    if (last && !crosses && i - last.end <= gap && sideOf(i) === last.side) {
      last.end = i
      last.members.push(i)
    } else out.push({ start: i, end: i, side: sideOf(i), members: [i] })
  }
  return out
}

/** Trend runs among flagged points: a turning point ends one run and starts the next, as the rule counts it. */
function trendGroups(indices: number[], v: (i: number) => number, periodStarts: number[]): Group[] {
  const runs: { start: number; end: number; direction: number }[] = []
  for (const i of indices) {
    const last = runs[runs.length - 1]
    const joined = last && last.end === i - 1 && !periodStarts.includes(i)
    const d = joined ? Math.sign(v(i) - v(i - 1)) : 0
    if (last && joined && d !== 0 && (last.direction === 0 || last.direction === d)) {
      last.end = i
      last.direction = d
    } else if (last && joined && d !== 0) runs.push({ start: i - 1, end: i, direction: d })
    else runs.push({ start: i, end: i, direction: 0 })
  }
  return runs.map(r => ({ start: r.start, end: r.end, side: r.direction < 0 ? 'low' : 'high', members: Array.from({ length: r.end - r.start + 1 }, (_, k) => r.start + k) }))
}

/** The XmR signals in words, one line for each run of points a rule flags. */
export function xmrSignalText(points: readonly XmrPoint[], dates: Date[], direction: Direction, periodStarts: number[] = []): string[] {
  const flagged = (rule: Rule) => points.flatMap((p, i) => (p.rules.includes(rule) ? [i] : []))
  const v = (i: number) => points[i]!.value
  const aboveMean = (i: number): 'high' | 'low' => (v(i) > points[i]!.limits!.mean ? 'high' : 'low')
  const lines: string[] = []
  for (const i of flagged('outside-limits')) {
    const side = v(i) > points[i]!.limits!.upper ? 'high' : 'low'
    lines.push(`Beyond the ${side === 'high' ? 'upper' : 'lower'} limit: ${v(i)} on ${formatDate(dates[i])}${MEANING_TEXT[meaningOf(side, direction)]}`)
  }
  for (const g of groups(flagged('shift'), aboveMean, periodStarts)) {
    lines.push(`${g.members.length} points in a row ${g.side === 'high' ? 'above' : 'below'} the mean, ${span(dates, g.start, g.end)}${MEANING_TEXT[meaningOf(g.side, direction)]}`)
  }
  for (const g of trendGroups(flagged('trend'), v, periodStarts)) {
    lines.push(`${g.members.length} points in a row ${g.side === 'high' ? 'rising' : 'falling'}, ${span(dates, g.start, g.end)}${MEANING_TEXT[meaningOf(g.side, direction)]}`)
  }
  for (const g of groups(flagged('two-of-three'), aboveMean, periodStarts, 2)) {
    lines.push(`${g.members.length} of ${g.end - g.start + 1} points close to the ${g.side === 'high' ? 'upper' : 'lower'} limit, ${span(dates, g.start, g.end)}${MEANING_TEXT[meaningOf(g.side, direction)]}`)
  }
  return lines
}

export type MeasureChart = ReturnType<typeof measureChart>

export function measureChart(measure: ChartMeasure, points: readonly ChartPoint[], cycles: readonly ChartCycle[]) {
  const sorted = [...points].sort((a, b) => +a.date - +b.date)
  const dates = sorted.map(p => p.date)
  const labels = dates.map(d => formatDate(d))
  // The tables beside the charts are narrow: "16 Sept 2026".
  const shortLabels = dates.map(d => DateTime.fromJSDate(d, { zone: 'utc' }).setLocale('en-GB').toFormat('d LLL yyyy'))
  const series = seriesOf(measure, sorted)
  const { values, rebaseAt, baselineLength, direction, target } = series
  const id = String(measure._id)
  const unit = measure.unit ? ` (${measure.unit})` : ''

  const marks = [...cycles]
    .sort((a, b) => a.number - b.number)
    .map(c => ({ cycleId: String(c._id), label: `PDSA ${c.number}`, date: formatDate(cycleDate(c)), index: positionOf(dates, cycleDate(c)) }))
  const annotations = marks.flatMap(m => (m.index === undefined ? [] : [{ index: m.index, label: m.label }]))

  const run = runChart(values, { rebaseAt, baselineLength })
  const inRun = (runs: { start: number; end: number }[], i: number) => runs.some(r => i >= r.start && i <= r.end)
  const runRows = sorted.map((p, i) => ({
    date: shortLabels[i]!,
    value: p.value,
    signal: [inRun(run.shifts, i) ? 'Shift' : '', inRun(run.trends, i) ? 'Trend' : '', run.astronomical.includes(i) ? 'Astronomical' : ''].filter(Boolean).join(', '),
  }))
  const runSignals = [
    ...run.shifts.map(r => {
      const member = values.slice(r.start, r.end + 1).findIndex((v, k) => v !== run.medians[r.start + k])
      const above = values[r.start + member]! > run.medians[r.start + member]!
      const count = values.slice(r.start, r.end + 1).filter((v, k) => v !== run.medians[r.start + k]).length
      return `Shift: ${count} points ${above ? 'above' : 'below'} the median, ${span(dates, r.start, r.end)}`
    }),
    ...run.trends.map(r => `Trend: points ${values[r.end]! > values[r.start]! ? 'rising' : 'falling'}, ${span(dates, r.start, r.end)}`),
    ...run.astronomical.map(i => `Astronomical point: ${values[i]} on ${labels[i]}`),
  ]

  const xmrPoints = xmr(values, { rebaseAt, baselineLength })
  const xmrRows = xmrPoints.map((p, i) => {
    const kind = p.side ? meaningOf(p.side, direction) : undefined
    const signal = kind === 'improvement' ? 'Improvement' : kind === 'concern' ? 'Concern' : kind ? 'Special cause' : p.limits ? 'Common cause' : 'No limits yet'
    return { date: shortLabels[i]!, value: p.value, signal }
  })

  const periods = segmentsOf(values.length, rebaseAt).map(({ start, end }) => {
    const limits = xmrPoints[start]!.limits
    const fromCount = baselineLength ? Math.min(baselineLength, end - start) : end - start
    return {
      from: labels[start]!,
      to: labels[end - 1]!,
      points: end - start,
      fromCount,
      frozen: Boolean(baselineLength && baselineLength < end - start),
      median: round(run.medians[start]!),
      mean: limits ? round(limits.mean) : undefined,
      lower: limits ? round(limits.lower) : undefined,
      upper: limits ? round(limits.upper) : undefined,
    }
  })
  const latest = periods[periods.length - 1]
  const cautions = [
    values.length && values.length < RUN_CHART_MIN_POINTS ? `There are ${values.length} points. Run-chart rules are usually read from ${RUN_CHART_MIN_POINTS} points or more, so a real change may not show yet.` : '',
    latest && latest.mean === undefined ? 'Process limits need at least 2 points in a period, so there are no limits or icons for the latest period yet.' : '',
    latest && latest.mean !== undefined && latest.fromCount < LIMITS_MIN_POINTS ? `The latest limits come from ${latest.fromCount} points; treat them as provisional until there are ${LIMITS_MIN_POINTS}.` : '',
  ].filter(Boolean)

  return {
    count: values.length,
    unit,
    run: {
      svg: values.length ? runChartSvg({ id: `run-${id}`, title: `${measure.name}${unit}: run chart`, labels, values, rebaseAt, baselineLength, annotations }) : '',
      rows: runRows,
      signals: runSignals,
    },
    xmr: {
      svg: values.length ? xmrChartSvg({ id: `xmr-${id}`, title: `${measure.name}${unit}: XmR chart`, labels, points: xmrPoints, direction, target, annotations }) : '',
      rows: xmrRows,
      signals: xmrSignalText(xmrPoints, dates, direction, rebaseAt),
    },
    ...mdcIcons(xmrPoints, direction, target),
    periods,
    cautions,
    marks,
  }
}
