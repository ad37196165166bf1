// The network drawn as one SVG string on the server (no script in the page).
// Doctors are blue circles and managers pink squares, so colour is never the
// only difference; pairing is a thick solid line, shadowing a curved line with
// an arrowhead at the person whose work was shadowed (two directions curve to
// opposite sides, a number beside the curve when there was more than one
// session), and shared workshops a thin dashed line. The drawing is one image
// (role="img", title and desc); the page has the same links as a table.
//
// Each kind of straight line is a single <path>, and attributes shared by many
// elements sit on their group, so that 2,000 people stay a few hundred kB.
import { escapeHtml } from '../escape-html'
import type { NetworkGraph, WorkshopLink } from './network-graph'
import { LABEL_LENGTH, type NetworkLayout, type Position } from './network-layout'

export const NETWORK_COLOURS = { doctor: '#005eb8', manager: '#ae2573', pairing: '#425563', shadowing: '#212b32', workshop: '#768692' }

const num = (n: number) => String(Math.round(n * 10) / 10)

/** The workshop links drawn when there are too many to draw: those shared at the most workshops first. */
export function strongestWorkshopLinks(links: readonly WorkshopLink[], limit: number): WorkshopLink[] {
  if (links.length <= limit) return [...links]
  return [...links].sort((x, y) => y.workshops - x.workshops || x.a - y.a || x.b - y.b).slice(0, limit)
}

function straight(pairs: [Position, Position][]): string {
  return pairs.map(([p, q]) => `M${num(p.x)} ${num(p.y)}L${num(q.x)} ${num(q.y)}`).join('')
}

/** A curve bent to the left of its direction, ending just short of the target so the arrowhead shows. */
function curve(p: Position, q: Position, clearance: number): { d: string; mid: { x: number; y: number } } | undefined {
  const dx = q.x - p.x
  const dy = q.y - p.y
  const length = Math.hypot(dx, dy)
  if (length === 0) return undefined
  const c = { x: (p.x + q.x) / 2 + (dy / length) * 0.3 * length, y: (p.y + q.y) / 2 - (dx / length) * 0.3 * length }
  const towards = (from: { x: number; y: number }, to: { x: number; y: number }, by: number) => {
    const l = Math.hypot(to.x - from.x, to.y - from.y) || 1
    return { x: from.x + ((to.x - from.x) / l) * by, y: from.y + ((to.y - from.y) / l) * by }
  }
  const start = towards(p, c, clearance)
  const end = towards(q, c, clearance + 2)
  return {
    d: `M${num(start.x)} ${num(start.y)}Q${num(c.x)} ${num(c.y)} ${num(end.x)} ${num(end.y)}`,
    mid: { x: 0.25 * p.x + 0.5 * c.x + 0.25 * q.x, y: 0.25 * p.y + 0.5 * c.y + 0.25 * q.y },
  }
}

function label(position: Position, text: string, r: number): string {
  const outwards = r + 6
  const x = position.x + Math.cos(position.angle) * outwards
  const y = position.y + Math.sin(position.angle) * outwards
  const right = Math.cos(position.angle) >= -1e-9
  const degrees = (position.angle * 180) / Math.PI + (right ? 0 : 180)
  // Cut short with an ellipsis; the full name is in the node's title and the table.
  const short = text.length > LABEL_LENGTH ? `${text.slice(0, LABEL_LENGTH - 1)}…` : text
  return `<text x="${num(x)}" y="${num(y + 4)}" transform="rotate(${num(degrees)} ${num(x)} ${num(y)})"${right ? '' : ' text-anchor="end"'}>${escapeHtml(short)}</text>`
}

export type NetworkSvgOptions = { id: string; title: string; description: string; workshopLinks: readonly WorkshopLink[] }

/** `workshopLinks` are the ones to draw (all, or the strongest when there are very many). */
export function networkSvg(graph: NetworkGraph, layout: NetworkLayout, options: NetworkSvgOptions): string {
  const { id } = options
  const at = layout.positions
  const r = layout.nodeRadius
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${num(layout.width)} ${num(layout.height)}" role="img" aria-labelledby="${id}-title ${id}-desc" class="tandem-network" focusable="false">`,
    `<title id="${id}-title">${escapeHtml(options.title)}</title>`,
    `<desc id="${id}-desc">${escapeHtml(options.description)}</desc>`,
    `<defs><marker id="${id}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" orient="auto"><path d="M0 0L10 5L0 10z" fill="${NETWORK_COLOURS.shadowing}"/></marker></defs>`,
  ]
  if (options.workshopLinks.length) {
    parts.push(`<path class="workshop-links" fill="none" stroke="${NETWORK_COLOURS.workshop}" stroke-width="1" stroke-dasharray="4 3" d="${straight(options.workshopLinks.map(w => [at[w.a]!, at[w.b]!]))}"/>`)
  }
  if (graph.pairs.length) {
    parts.push(`<path class="pair-links" fill="none" stroke="${NETWORK_COLOURS.pairing}" stroke-width="3" d="${straight(graph.pairs.map(p => [at[p.doctor]!, at[p.manager]!]))}"/>`)
  }
  const curves = graph.shadowing.flatMap(s => {
    const c = curve(at[s.from]!, at[s.to]!, r)
    return c ? [{ ...c, sessions: s.sessions }] : []
  })
  if (curves.length) {
    parts.push(`<g class="shadowing-links" fill="none" stroke="${NETWORK_COLOURS.shadowing}" stroke-width="1.5" marker-end="url(#${id}-arrow)">`, ...curves.map(c => `<path d="${c.d}"/>`), '</g>')
    const counted = curves.filter(c => c.sessions > 1)
    if (counted.length) {
      parts.push(`<g class="shadowing-counts" font-size="10" font-weight="bold" fill="${NETWORK_COLOURS.shadowing}" text-anchor="middle">`, ...counted.map(c => `<text x="${num(c.mid.x)}" y="${num(c.mid.y + 3)}">${c.sessions}</text>`), '</g>')
    }
  }
  const doctors = graph.people.filter(p => p.side === 'doctor')
  const managers = graph.people.filter(p => p.side === 'manager')
  parts.push(`<g class="doctors" fill="${NETWORK_COLOURS.doctor}">`, ...doctors.map(p => `<circle cx="${num(at[p.index]!.x)}" cy="${num(at[p.index]!.y)}" r="${r}"><title>${escapeHtml(p.name)} (doctor)</title></circle>`), '</g>')
  parts.push(
    `<g class="managers" fill="${NETWORK_COLOURS.manager}">`,
    ...managers.map(p => `<rect x="${num(at[p.index]!.x - r)}" y="${num(at[p.index]!.y - r)}" width="${2 * r}" height="${2 * r}"><title>${escapeHtml(p.name)} (manager)</title></rect>`),
    '</g>',
  )
  if (layout.labelled && graph.people.length) {
    parts.push('<g class="labels" font-size="11" fill="#212b32">', ...graph.people.map(p => label(at[p.index]!, p.name, r)), '</g>')
  }
  parts.push('</svg>')
  return parts.join('')
}
