// The cohort as a graph, and the figures the network view shows beside it.
// Pure: the service (network.service.ts) loads the rows; nothing here touches
// the database, so the figures are unit-tested on a small hand-checked graph.
//
// People are the nodes, numbered in name order. Three kinds of link:
// - pairing: a published pair, doctor and manager;
// - shadowing: completed sessions from the guest (who shadowed) to the host
//   (whose work was shadowed), one link per direction with the number of sessions;
// - workshop: two people both marked as attended at the same workshop, one
//   link per two people with the number of workshops they shared.
import type { Side } from '../../models/enrolment'

export type NetworkInput = {
  people: readonly { id: string; name: string; side: Side }[]
  pairs: readonly { doctorId: string; managerId: string }[]
  /** Completed sessions only. */
  sessions: readonly { guestId: string; hostId: string }[]
  /** Registrations marked attended only. */
  attendance: readonly { workshopId: string; userId: string }[]
}

export type Person = { index: number; id: string; name: string; side: Side }
export type PairLink = { doctor: number; manager: number }
export type ShadowingLink = { from: number; to: number; sessions: number }
/** a < b */
export type WorkshopLink = { a: number; b: number; workshops: number }

export type NetworkGraph = {
  people: Person[]
  pairs: PairLink[]
  shadowing: ShadowingLink[]
  workshops: WorkshopLink[]
}

/** One number for two people, whichever order they come in. */
const keyOf = (a: number, b: number, n: number) => (a < b ? a * n + b : b * n + a)

export function buildNetwork(input: NetworkInput): NetworkGraph {
  const people = [...input.people]
    .sort((x, y) => x.name.localeCompare(y.name, 'en-GB') || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
    .map((p, index) => ({ index, id: p.id, name: p.name, side: p.side }))
  const n = people.length
  const indexOf = new Map(people.map(p => [p.id, p.index]))

  // Links to anyone who is not (or no longer) in the cohort are left out.
  const pairKeys = new Set<number>()
  const pairs: PairLink[] = []
  for (const p of input.pairs) {
    const doctor = indexOf.get(p.doctorId)
    const manager = indexOf.get(p.managerId)
    if (doctor === undefined || manager === undefined || doctor === manager || pairKeys.has(keyOf(doctor, manager, n))) continue
    pairKeys.add(keyOf(doctor, manager, n))
    pairs.push({ doctor, manager })
  }

  const sessions = new Map<number, number>()
  for (const s of input.sessions) {
    const from = indexOf.get(s.guestId)
    const to = indexOf.get(s.hostId)
    if (from === undefined || to === undefined || from === to) continue
    // Directed: from × n + to.
    sessions.set(from * n + to, (sessions.get(from * n + to) ?? 0) + 1)
  }
  const shadowing = [...sessions].map(([k, count]) => ({ from: Math.floor(k / n), to: k % n, sessions: count }))

  const byWorkshop = new Map<string, Set<number>>()
  for (const a of input.attendance) {
    const person = indexOf.get(a.userId)
    if (person === undefined) continue
    const members = byWorkshop.get(a.workshopId) ?? new Set<number>()
    members.add(person)
    byWorkshop.set(a.workshopId, members)
  }
  const shared = new Map<number, number>()
  for (const members of byWorkshop.values()) {
    const list = [...members].sort((x, y) => x - y)
    for (let i = 0; i < list.length; i += 1) {
      for (let j = i + 1; j < list.length; j += 1) {
        const k = list[i]! * n + list[j]!
        shared.set(k, (shared.get(k) ?? 0) + 1)
      }
    }
  }
  const workshops = [...shared].map(([k, count]) => ({ a: Math.floor(k / n), b: k % n, workshops: count }))

  const byEnds = (x: { a: number; b: number }, y: { a: number; b: number }) => x.a - y.a || x.b - y.b
  return {
    people,
    pairs: pairs.sort((x, y) => x.doctor - y.doctor || x.manager - y.manager),
    shadowing: shadowing.sort((x, y) => x.from - y.from || x.to - y.to),
    workshops: workshops.sort(byEnds),
  }
}

export type NetworkFigures = {
  people: number
  /** Links on the undirected simple graph: two people are linked once, however many ways. */
  connections: number
  /** n(n − 1) / 2 */
  possibleConnections: number
  /** connections / possibleConnections; 0 with fewer than two people. */
  density: number
  pairs: number
  /** Pairs with at least one completed session in each direction. */
  reciprocalPairs: number
  /** reciprocalPairs / pairs; 0 with no pairs. */
  reciprocalShare: number
  /**
   * People linked to nobody but their partner(s): every link they have, of any
   * kind, is to someone they are paired with. People with no partner and no
   * link at all are counted too (they have no connection beyond a partner either).
   */
  isolated: Person[]
}

/**
 * Density is measured on the undirected simple graph of the cohort: one node per
 * person, and one edge between two people when they are linked in any way
 * (paired, shadowed in either direction, or at a workshop together), never more
 * than one edge between the same two people and no edge from a person to
 * themselves. Density = edges ÷ (n × (n − 1) ÷ 2), the share of all possible
 * two-person links that exist: 0 for no links, 1 when everyone is linked to everyone.
 */
export function networkFigures(graph: NetworkGraph): NetworkFigures {
  const n = graph.people.length
  const edges = new Set<number>()
  const pairKeys = new Set(graph.pairs.map(p => keyOf(p.doctor, p.manager, n)))
  for (const k of pairKeys) edges.add(k)
  for (const s of graph.shadowing) edges.add(keyOf(s.from, s.to, n))
  for (const w of graph.workshops) edges.add(keyOf(w.a, w.b, n))

  const widely = new Set<number>()
  for (const k of edges) {
    if (pairKeys.has(k)) continue
    widely.add(Math.floor(k / n))
    widely.add(k % n)
  }

  const directed = new Set(graph.shadowing.map(s => s.from * n + s.to))
  const reciprocalPairs = graph.pairs.filter(p => directed.has(p.doctor * n + p.manager) && directed.has(p.manager * n + p.doctor)).length
  const possibleConnections = n < 2 ? 0 : (n * (n - 1)) / 2
  return {
    people: n,
    connections: edges.size,
    possibleConnections,
    density: possibleConnections ? edges.size / possibleConnections : 0,
    pairs: graph.pairs.length,
    reciprocalPairs,
    reciprocalShare: graph.pairs.length ? reciprocalPairs / graph.pairs.length : 0,
    isolated: graph.people.filter(p => !widely.has(p.index)),
  }
}
