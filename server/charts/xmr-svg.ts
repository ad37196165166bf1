// An XmR chart as an SVG string, drawn on the server so that it needs no
// JavaScript. Accessible: a title and a description name what it shows and its
// signals; the data itself goes in a table beside it (the page's job). Colour is
// never the only cue: special-cause points are also drawn larger, improvement as
// circles and concern as squares, as in Making Data Count.
import { escapeHtml } from '../escape-html'
import { annotationMarks, annotationsSentence, dataLine, frameFor, frameStart, type Annotation } from './chart-frame'
import { meaning, type Direction, type Rule, type XmrPoint } from './spc'

export type XmrChartInput = {
  id: string
  title: string
  labels: string[]
  points: XmrPoint[]
  direction: Direction
  target?: number
  /** e.g. PDSA cycles: an index on the x axis and a short label. */
  annotations?: Annotation[]
  width?: number
  height?: number
}

const COLOURS = { improvement: '#005eb8', concern: '#ed8b00', neither: '#330072', 'common-cause': '#768692' } as const

const RULE_TEXT: Record<Rule, string> = {
  'outside-limits': 'beyond a limit',
  shift: 'in a run of 7 or more on one side of the mean',
  trend: 'in 7 or more rising or falling',
  'two-of-three': 'in 2 of 3 close to a limit',
}

const round = (n: number) => Number(n.toFixed(2))

/** What a screen reader hears instead of the drawing: the limits and the signals, rule by rule. */
function describe(input: XmrChartInput): string {
  const { points } = input
  if (!points.length) return 'No data yet.'
  const last = points[points.length - 1]!.limits
  const periods = new Set(points.map(p => p.limits).filter(Boolean)).size > 1
  const limits = last
    ? ` ${periods ? 'Latest period: mean' : 'Mean'} ${round(last.mean)}, process limits ${round(last.lower)} to ${round(last.upper)}.`
    : ' Too few points for process limits.'
  const target = input.target === undefined ? '' : ` Target ${input.target}.`
  const flagged = points.filter(p => p.side).length
  const byRule = (Object.keys(RULE_TEXT) as Rule[]).flatMap(rule => {
    const n = points.filter(p => p.rules.includes(rule)).length
    return n ? [`${n} ${RULE_TEXT[rule]}`] : []
  })
  const signals = flagged ? ` ${flagged} show special-cause variation (${byRule.join('; ')}).` : last ? ' Only common-cause variation.' : ''
  return `${points.length} ${points.length === 1 ? 'point' : 'points'}.${limits}${target}${signals}${annotationsSentence(input.annotations)}`
}

export function xmrChartSvg(input: XmrChartInput): string {
  const values = input.points.map(p => p.value)
  const extents = [...values, ...input.points.flatMap(p => (p.limits ? [p.limits.upper, p.limits.lower] : [])), ...(input.target === undefined ? [] : [input.target])]
  const frame = frameFor(input.points.length, extents, input.width, input.height)
  const { x, y } = frame
  const description = describe(input)
  const lastLimits = input.points[input.points.length - 1]?.limits
  const ticks = lastLimits ? [lastLimits.lower, lastLimits.mean, lastLimits.upper] : values.length ? [Math.min(...values), Math.max(...values)] : []
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
