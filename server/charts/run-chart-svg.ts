// A run chart as an SVG string: the data, its median, and the IHI signals
// (shifts, trends, astronomical points) marked on the points they involve.
// Signal points are drawn larger and in blue, never by colour alone.
import { escapeHtml } from '../escape-html'
import { annotationMarks, dataLine, frameFor, frameStart } from './chart-frame'
import { astronomicalPoints, median, shifts, trends, type Run } from './spc'

export type RunChartInput = {
  id: string
  title: string
  labels: string[]
  values: number[]
  annotations?: { index: number; label: string }[]
  width?: number
  height?: number
}

const inRuns = (runs: Run[], i: number) => runs.some(r => i >= r.start && i <= r.end)

export function runChartSvg(input: RunChartInput): string {
  const centre = median(input.values)
  const shiftRuns = shifts(input.values, centre)
  const trendRuns = trends(input.values)
  const astronomical = astronomicalPoints(input.values)
  const frame = frameFor(input.values.length, input.values, input.width, input.height)
  const found = [
    shiftRuns.length ? `${shiftRuns.length} ${shiftRuns.length === 1 ? 'shift' : 'shifts'}` : '',
    trendRuns.length ? `${trendRuns.length} ${trendRuns.length === 1 ? 'trend' : 'trends'}` : '',
    astronomical.length ? `${astronomical.length} astronomical ${astronomical.length === 1 ? 'point' : 'points'}` : '',
  ].filter(Boolean)
  const description = `${input.values.length} points, median ${Number(centre.toFixed(2))}. ${found.length ? `Signals: ${found.join(', ')}.` : 'No signals.'}`
  const parts = frameStart(frame, input.id, input.title, description, input.labels, input.values.length ? [Math.min(...input.values), centre, Math.max(...input.values)] : [])
  if (input.values.length) {
    parts.push(`<line class="median" x1="${frame.left}" y1="${frame.y(centre)}" x2="${frame.right}" y2="${frame.y(centre)}" stroke="#212b32"/>`)
  }
  parts.push(dataLine(frame, input.values))
  input.values.forEach((value, i) => {
    const signals = [inRuns(shiftRuns, i) ? 'shift' : '', inRuns(trendRuns, i) ? 'trend' : '', astronomical.includes(i) ? 'astronomical' : ''].filter(Boolean)
    const label = `${escapeHtml(input.labels[i] ?? String(i + 1))}: ${value}${signals.length ? `, ${signals.join(' and ')}` : ''}`
    const cls = signals.length ? `point signal ${signals.join(' ')}` : 'point'
    parts.push(`<circle class="${cls}" cx="${frame.x(i)}" cy="${frame.y(value)}" r="${signals.length ? 5.5 : 3.5}" fill="${signals.length ? '#005eb8' : '#768692'}"><title>${label}</title></circle>`)
  })
  parts.push(...annotationMarks(frame, input.annotations), '</svg>')
  return parts.join('\n')
}
