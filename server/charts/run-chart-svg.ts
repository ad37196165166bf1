// A run chart as an SVG string: the data, its median, and the IHI signals
// (shifts, trends, astronomical points) marked on the points they involve.
// Signal points are drawn larger and in blue, never by colour alone. Where the
// chart was rebased each period has its own median; a frozen baseline's median
// carries on across its period.
import { escapeHtml } from '../escape-html'
import { annotationMarks, annotationsSentence, dataLine, frameFor, frameStart, type Annotation } from './chart-frame'
import { runChart, segmentsOf, type Run } from './spc'

export type RunChartInput = {
  id: string
  title: string
  labels: string[]
  values: number[]
  /** Indices where a new median starts (the chart was rebased there). */
  rebaseAt?: number[]
  /** The median of each period comes from its first n points only. */
  baselineLength?: number
  annotations?: Annotation[]
  width?: number
  height?: number
}

const inRuns = (runs: Run[], i: number) => runs.some(r => i >= r.start && i <= r.end)
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`
const round = (n: number) => Number(n.toFixed(2))

export function runChartSvg(input: RunChartInput): string {
  const chart = runChart(input.values, { rebaseAt: input.rebaseAt, baselineLength: input.baselineLength })
  const { medians } = chart
  const frame = frameFor(input.values.length, input.values, input.width, input.height)
  const found = [
    chart.shifts.length ? plural(chart.shifts.length, 'shift', 'shifts') : '',
    chart.trends.length ? plural(chart.trends.length, 'trend', 'trends') : '',
    chart.astronomical.length ? `${chart.astronomical.length} astronomical ${chart.astronomical.length === 1 ? 'point' : 'points'}` : '',
  ].filter(Boolean)
  const segments = segmentsOf(input.values.length, input.rebaseAt)
  const periods = segments.length > 1
  const latest = medians[medians.length - 1]
  const centreText = latest === undefined ? 'no median' : periods ? `latest median ${round(latest)}` : `median ${round(latest)}`
  const description = input.values.length
    ? `${plural(input.values.length, 'point', 'points')}, ${centreText}. ${found.length ? `Signals: ${found.join(', ')}.` : 'No signals.'}${annotationsSentence(input.annotations)}`
    : 'No data yet.'
  const ticks = input.values.length ? [Math.min(...input.values), ...(latest === undefined ? [] : [latest]), Math.max(...input.values)] : []
  const parts = frameStart(frame, input.id, input.title, description, input.labels, ticks)
  // One median line per period.
  for (const { start, end } of segments) {
    const centre = medians[start]!
    const pad = end - 1 === start ? 4 : 0
    parts.push(`<line class="median" x1="${frame.x(start) - pad}" y1="${frame.y(centre)}" x2="${frame.x(end - 1) + pad}" y2="${frame.y(centre)}" stroke="#212b32"/>`)
  }
  parts.push(dataLine(frame, input.values))
  input.values.forEach((value, i) => {
    const signals = [inRuns(chart.shifts, i) ? 'shift' : '', inRuns(chart.trends, i) ? 'trend' : '', chart.astronomical.includes(i) ? 'astronomical' : ''].filter(Boolean)
    const label = `${escapeHtml(input.labels[i] ?? String(i + 1))}: ${value}${signals.length ? `, ${signals.join(' and ')}` : ''}`
    const cls = signals.length ? `point signal ${signals.join(' ')}` : 'point'
    parts.push(`<circle class="${cls}" cx="${frame.x(i)}" cy="${frame.y(value)}" r="${signals.length ? 5.5 : 3.5}" fill="${signals.length ? '#005eb8' : '#768692'}"><title>${label}</title></circle>`)
  })
  parts.push(...annotationMarks(frame, input.annotations), '</svg>')
  return parts.join('\n')
}
