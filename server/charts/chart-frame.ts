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
  const low = Math.min(...extents)
  const high = Math.max(...extents)
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

export function annotationMarks(frame: Frame, annotations: { index: number; label: string }[] = []): string[] {
  return annotations.map(
    note =>
      `<g class="annotation"><line x1="${frame.x(note.index)}" y1="${frame.top}" x2="${frame.x(note.index)}" y2="${frame.bottom}" stroke="#aeb7bd"/><text x="${frame.x(note.index) + 3}" y="${frame.top + 10}" font-size="11" fill="#212b32">${escapeHtml(note.label)}</text></g>`,
  )
}
