// What every Tandem chart shares: scales from values to the drawing, the frame
// with y-axis values and first and last labels, and the accessible title and
// description. Each chart adds its own lines and points.
import { escapeHtml } from '../escape-html'

export type Frame = {
  x(index: number): number
  y(value: number): number
  width: number
  height: number
  left: number
  right: number
  top: number
  bottom: number
}

export function frameFor(count: number, extents: number[], width = 640, height = 320): Frame {
  const margin = { top: 20, right: 20, bottom: 40, left: 56 }
  // No data yet: an empty frame from 0 to 1 rather than a drawing full of NaN.
  const finite = extents.filter(Number.isFinite)
  const low = finite.length ? Math.min(...finite) : 0
  const high = finite.length ? Math.max(...finite) : 1
  const pad = (high - low || 1) * 0.05
  const fixed = (n: number) => Number(n.toFixed(2))
  const step = count > 1 ? (width - margin.left - margin.right) / (count - 1) : 0
  return {
    x: i => fixed(margin.left + i * step),
    y: v => fixed(margin.top + (1 - (v - (low - pad)) / (high - low + 2 * pad)) * (height - margin.top - margin.bottom)),
    width,
    height,
    left: margin.left,
    right: width - margin.right,
    top: margin.top,
    bottom: height - margin.bottom,
  }
}

/** The opening of the SVG: title, description, axis with value ticks, first and last labels. */
export function frameStart(frame: Frame, id: string, title: string, description: string, labels: string[], ticks: number[]): string[] {
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${frame.width} ${frame.height}" role="img" aria-labelledby="${id}-title ${id}-desc" class="tandem-chart">`,
    `<title id="${id}-title">${escapeHtml(title)}</title>`,
    `<desc id="${id}-desc">${escapeHtml(description)}</desc>`,
    `<line x1="${frame.left}" y1="${frame.bottom}" x2="${frame.right}" y2="${frame.bottom}" stroke="#425563"/>`,
  ]
  for (const tick of ticks) {
    parts.push(`<text class="tick" x="${frame.left - 6}" y="${frame.y(tick) + 4}" font-size="11" fill="#212b32" text-anchor="end">${Number(tick.toFixed(2))}</text>`)
  }
  const first = labels[0] ?? ''
  const last = labels[labels.length - 1] ?? ''
  parts.push(`<text x="${frame.left}" y="${frame.height - 12}" font-size="12" fill="#212b32">${escapeHtml(first)}</text>`)
  parts.push(`<text x="${frame.right}" y="${frame.height - 12}" font-size="12" fill="#212b32" text-anchor="end">${escapeHtml(last)}</text>`)
  return parts
}

export function dataLine(frame: Frame, values: readonly number[]): string {
  return `<polyline fill="none" stroke="#425563" stroke-width="1.5" points="${values.map((v, i) => `${frame.x(i)},${frame.y(v)}`).join(' ')}"/>`
}

/** An annotation sits at an index, which may fall between two points (a date between two readings). */
export type Annotation = { index: number; label: string }

/**
 * A dashed line and a short label for each annotation (a PDSA cycle). Labels are
 * stepped down in three rows so that cycles close together stay readable, and a
 * label near the right-hand edge is drawn to the left of its line.
 */
export function annotationMarks(frame: Frame, annotations: Annotation[] = []): string[] {
  return [...annotations]
    .sort((a, b) => a.index - b.index)
    .map((note, k) => {
      const x = frame.x(note.index)
      const nearRight = x > frame.right - 60
      const y = frame.top + 10 + (k % 3) * 13
      return `<g class="annotation"><line x1="${x}" y1="${frame.top}" x2="${x}" y2="${frame.bottom}" stroke="#4c6272" stroke-dasharray="3 3"/><text x="${nearRight ? x - 3 : x + 3}" y="${y}" font-size="11" fill="#212b32"${nearRight ? ' text-anchor="end"' : ''}>${escapeHtml(note.label)}</text></g>`
    })
}

/** "PDSA 1, PDSA 2" for a description, or '' with none. */
export function annotationsSentence(annotations: Annotation[] = []): string {
  return annotations.length ? ` Marked: ${annotations.map(a => a.label).join(', ')}.` : ''
}
