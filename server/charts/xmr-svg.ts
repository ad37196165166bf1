// An XmR chart as an SVG string, drawn on the server so that it needs no
// JavaScript. Accessible: a title and a description name what it shows and its
// signals; the data itself goes in a table beside it (the page's job). Colour is
// never the only cue: special-cause points are also drawn larger, improvement as
// circles and concern as squares, as in Making Data Count.
import { escapeHtml } from '../escape-html'
import { annotationMarks, dataLine, frameFor, frameStart } from './chart-frame'
import { meaning, type Direction, type XmrPoint } from './spc'

export type XmrChartInput = {
  id: string
  title: string
  labels: string[]
  points: XmrPoint[]
  direction: Direction
  target?: number
  /** e.g. PDSA cycles: an index on the x axis and a short label. */
  annotations?: { index: number; label: string }[]
  width?: number
  height?: number
}

const COLOURS = { improvement: '#005eb8', concern: '#ed8b00', neither: '#330072', 'common-cause': '#768692' } as const


export function xmrChartSvg(input: XmrChartInput): string {
  const values = input.points.map(p => p.value)
  const extents = [...values, ...input.points.flatMap(p => (p.limits ? [p.limits.upper, p.limits.lower] : [])), ...(input.target === undefined ? [] : [input.target])]
  const frame = frameFor(input.points.length, extents, input.width, input.height)
  const { x, y } = frame
  const signals = input.points.filter(p => p.side).length
  const description = `${input.points.length} points. ${signals ? `${signals} show special-cause variation.` : 'Only common-cause variation.'}`
  const lastLimits = input.points[input.points.length - 1]?.limits
  const ticks = lastLimits ? [lastLimits.lower, lastLimits.mean, lastLimits.upper] : [Math.min(...values), Math.max(...values)]
  const parts = frameStart(frame, input.id, input.title, description, input.labels, ticks)
  // Mean and limits, segment by segment (they change where the chart was rebased).
  let from = 0
  input.points.forEach((point, i) => {
    const next = input.points[i + 1]
    if (next && next.limits === point.limits) return
    if (point.limits) {
      const l = point.limits
      const x1 = x(from) - (i === from ? 4 : 0)
      const x2 = x(i) + (i === from ? 4 : 0)
      parts.push(`<line class="mean" x1="${x1}" y1="${y(l.mean)}" x2="${x2}" y2="${y(l.mean)}" stroke="#212b32"/>`)
      for (const [cls, v] of [['upper-limit', l.upper], ['lower-limit', l.lower]] as const) {
        parts.push(`<line class="${cls}" x1="${x1}" y1="${y(v)}" x2="${x2}" y2="${y(v)}" stroke="#768692" stroke-dasharray="6 4"/>`)
      }
    }
    from = i + 1
  })
  if (input.target !== undefined) {
    parts.push(`<line class="target" x1="${frame.left}" y1="${y(input.target)}" x2="${frame.right}" y2="${y(input.target)}" stroke="#da291c" stroke-dasharray="2 3"/>`)
  }
  parts.push(dataLine(frame, values))
  input.points.forEach((point, i) => {
    const kind = meaning(point, input.direction)
    const colour = COLOURS[kind]
    const label = `${escapeHtml(input.labels[i] ?? String(i + 1))}: ${point.value}${kind === 'common-cause' ? '' : `, special cause (${kind})`}`
    if (kind === 'concern') {
      parts.push(`<rect class="point ${kind}" x="${x(i) - 5}" y="${y(point.value) - 5}" width="10" height="10" fill="${colour}"><title>${label}</title></rect>`)
    } else {
      parts.push(`<circle class="point ${kind}" cx="${x(i)}" cy="${y(point.value)}" r="${kind === 'common-cause' ? 3.5 : 5.5}" fill="${colour}"><title>${label}</title></circle>`)
    }
  })
  parts.push(...annotationMarks(frame, input.annotations), '</svg>')
  return parts.join('\n')
}
