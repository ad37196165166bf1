// An XmR chart as an SVG string, drawn on the server so that it needs no
// JavaScript. Accessible: a title and a description name what it shows and its
// signals; the data itself goes in a table beside it (the page's job). Colour is
// never the only cue: special-cause points are also drawn larger, improvement as
// circles and concern as squares, as in Making Data Count.
import { escapeHtml } from '../escape-html'
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

const fixed = (n: number) => Number(n.toFixed(2))

export function xmrChartSvg(input: XmrChartInput): string {
  const width = input.width ?? 640
  const height = input.height ?? 320
  const margin = { top: 20, right: 20, bottom: 40, left: 50 }
  const values = input.points.map(p => p.value)
  const extents = [...values, ...input.points.flatMap(p => (p.limits ? [p.limits.upper, p.limits.lower] : [])), ...(input.target === undefined ? [] : [input.target])]
  const low = Math.min(...extents)
  const high = Math.max(...extents)
  const pad = (high - low || 1) * 0.05
  const y = (v: number) => fixed(margin.top + (1 - (v - (low - pad)) / (high - low + 2 * pad)) * (height - margin.top - margin.bottom))
  const step = input.points.length > 1 ? (width - margin.left - margin.right) / (input.points.length - 1) : 0
  const x = (i: number) => fixed(margin.left + i * step)

  const signals = input.points.filter(p => p.side).length
  const description = `${input.points.length} points. ${signals ? `${signals} show special-cause variation.` : 'Only common-cause variation.'}`
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${input.id}-title ${input.id}-desc" class="tandem-chart">`,
    `<title id="${input.id}-title">${escapeHtml(input.title)}</title>`,
    `<desc id="${input.id}-desc">${escapeHtml(description)}</desc>`,
    `<line x1="${margin.left}" y1="${height - margin.bottom}" x2="${width - margin.right}" y2="${height - margin.bottom}" stroke="#425563"/>`,
  ]
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
    parts.push(`<line class="target" x1="${margin.left}" y1="${y(input.target)}" x2="${width - margin.right}" y2="${y(input.target)}" stroke="#da291c" stroke-dasharray="2 3"/>`)
  }
  parts.push(`<polyline fill="none" stroke="#425563" stroke-width="1.5" points="${input.points.map((p, i) => `${x(i)},${y(p.value)}`).join(' ')}"/>`)
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
  for (const note of input.annotations ?? []) {
    parts.push(`<g class="annotation"><line x1="${x(note.index)}" y1="${margin.top}" x2="${x(note.index)}" y2="${height - margin.bottom}" stroke="#aeb7bd"/><text x="${x(note.index) + 3}" y="${margin.top + 10}" font-size="11" fill="#212b32">${escapeHtml(note.label)}</text></g>`)
  }
  const first = input.labels[0] ?? ''
  const last = input.labels[input.labels.length - 1] ?? ''
  parts.push(`<text x="${margin.left}" y="${height - 12}" font-size="12" fill="#212b32">${escapeHtml(first)}</text>`)
  parts.push(`<text x="${width - margin.right}" y="${height - 12}" font-size="12" fill="#212b32" text-anchor="end">${escapeHtml(last)}</text>`)
  parts.push('</svg>')
  return parts.join('\n')
}
