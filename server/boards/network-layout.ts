// Where each person sits in the network drawing: on concentric rings, partners
// side by side (a manager with each of their doctors), then people with no
// partner. O(n) and the same drawing for the same cohort every time.
//
// Why not a force layout: d3-force, measured on this machine, took about 2.3 s
// (300 ticks) for 2,000 people, blocking the process for every change to the
// cohort (decision 014). A small cohort fits on one
// ring, where each name can be written beside its person; a large one fills
// rings from the centre outwards, which keeps a person to a readable size.
import type { NetworkGraph } from './network-graph'

export type Position = { x: number; y: number; angle: number }
export type NetworkLayout = {
  positions: Position[]
  /** One ring, with room for each person's name outside it. */
  labelled: boolean
  width: number
  height: number
  /** Drawing size of a person. */
  nodeRadius: number
}

/** Distance between neighbours on a ring, and between rings, in drawing units. */
const STEP = 24
/** On one ring, neighbours are spread further apart where there is room, up to this. */
const ROOMY_STEP = 40
/** A little more room between one pair and the next than between partners. */
const GROUP_GAP = 0.6
const INNER_RING = 120
/** Up to this radius (at STEP apart) everyone fits on one ring with names. */
const ONE_RING_MAX_RADIUS = 340
/** Names are drawn at 11 units, about 6.2 units a letter, cut at LABEL_LENGTH letters (network-svg.ts). */
const LETTER_WIDTH = 6.2
export const LABEL_LENGTH = 24

/** Partners together: each manager followed by their doctors; the rest alone, in name order. */
export function groupsOf(graph: NetworkGraph): number[][] {
  const doctorsOf = new Map<number, number[]>()
  for (const p of graph.pairs) doctorsOf.set(p.manager, [...(doctorsOf.get(p.manager) ?? []), p.doctor])
  const placed = new Set<number>()
  const groups: number[][] = []
  for (const person of graph.people) {
    if (placed.has(person.index)) continue
    const doctors = doctorsOf.get(person.index)
    if (doctors) {
      const group = [person.index, ...doctors.filter(d => !placed.has(d)).sort((a, b) => a - b)]
      group.forEach(i => placed.add(i))
      groups.push(group)
    }
  }
  // Doctors reached above through their manager; anyone still left has no partner.
  for (const person of graph.people) if (!placed.has(person.index)) groups.push([person.index])
  return groups
}

/**
 * Ring radii and which groups each holds: as few rings as hold everyone, each
 * filled to the same share of its room (so the outermost is not a few people
 * spread thin), and a group never split across two rings.
 */
function rings(groups: number[][]): { radius: number; groups: number[][] }[] {
  const slotsOf = (g: number[]) => g.length + GROUP_GAP
  const slots = groups.reduce((sum, g) => sum + slotsOf(g), 0)
  const ringRadius = (step: number) => (slots * step) / (2 * Math.PI)
  if (ringRadius(STEP) <= ONE_RING_MAX_RADIUS) return [{ radius: Math.min(Math.max(ringRadius(ROOMY_STEP), INNER_RING), ONE_RING_MAX_RADIUS), groups }]
  const radii: number[] = []
  for (let room = 0; room < slots; room += (2 * Math.PI * radii[radii.length - 1]!) / STEP) radii.push(INNER_RING + radii.length * STEP)
  const room = radii.reduce((sum, r) => sum + (2 * Math.PI * r) / STEP, 0)
  const out = radii.map(radius => ({ radius, groups: [] as number[][] }))
  let ring = 0
  let placed = 0
  let shareSoFar = ((2 * Math.PI * radii[0]!) / STEP) * (slots / room)
  for (const group of groups) {
    if (placed >= shareSoFar && ring < radii.length - 1) {
      ring += 1
      shareSoFar += ((2 * Math.PI * radii[ring]!) / STEP) * (slots / room)
    }
    out[ring]!.groups.push(group)
    placed += slotsOf(group)
  }
  return out.filter(r => r.groups.length)
}

export function layoutNetwork(graph: NetworkGraph): NetworkLayout {
  const positions: Position[] = new Array<Position>(graph.people.length)
  const ringList = rings(groupsOf(graph))
  const labelled = ringList.length === 1
  const outer = ringList[ringList.length - 1]?.radius ?? INNER_RING
  const longest = Math.max(0, ...graph.people.map(p => Math.min(p.name.length, LABEL_LENGTH)))
  const half = Math.ceil(outer + (labelled ? 16 + LETTER_WIDTH * longest : STEP))
  for (const ring of ringList) {
    const total = ring.groups.reduce((sum, g) => sum + g.length + GROUP_GAP, 0)
    let slot = 0
    for (const group of ring.groups) {
      for (const person of group) {
        // From twelve o'clock, clockwise.
        const angle = (2 * Math.PI * slot) / total - Math.PI / 2
        positions[person] = { x: round(half + ring.radius * Math.cos(angle)), y: round(half + ring.radius * Math.sin(angle)), angle }
        slot += 1
      }
      slot += GROUP_GAP
    }
  }
  return { positions, labelled, width: 2 * half, height: 2 * half, nodeRadius: 6 }
}

const round = (n: number) => Math.round(n * 10) / 10
