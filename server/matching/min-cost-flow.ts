// Min-cost max-flow on the matching network, by successive shortest paths with
// Dijkstra and node potentials (Ahuja, Magnanti & Orlin, Network Flows, §9.7).
//
//   source ─1─▶ doctor ─1, cost top − score─▶ manager ─places─▶ sink
//
// Each augmentation adds one doctor along a cheapest path, and the flow of every size
// stays the cheapest of that size; so when no path is left the flow matches as many
// doctors as possible and, among those flows, has the highest total score. Costing a
// pair top − score (top: the highest score, usually 100) rather than −score adds `top`
// per matched doctor, which cannot change which flow of a given size is cheapest, and
// keeps every cost ≥ 0 so the first Dijkstra needs no Bellman–Ford. "Unmatched" needs
// no padding: a doctor simply gets no flow. One Dijkstra feeds every augmentation of
// the same length (primal–dual), so a 500 × 300 cohort needs a few dozen, not 500.
//
// The network is kept implicit in a few typed arrays rather than as a general graph:
// doctor arcs in compressed rows, each manager's doctors in a short list (capacity ≤ 3).

/** Doctor i may be paired with managers `to[start[i]..start[i+1])` at costs `cost[…]`. */
export type Network = {
  doctorCount: number
  managerCount: number
  places: Int32Array
  start: Int32Array
  to: Int32Array
  cost: Int32Array
}

/** A flow: each doctor's arc (−1 if unmatched) and optimal node potentials, which the tie-break needs. */
export type Flow = {
  arcOf: Int32Array
  managerOf: Int32Array
  load: Int32Array
  members: number[][]
  /** Potentials indexed like nodes: doctors, then managers, then sink, then source. */
  potential: Float64Array
}

export const nodes = (net: Network) => ({
  sink: net.doctorCount + net.managerCount,
  source: net.doctorCount + net.managerCount + 1,
  count: net.doctorCount + net.managerCount + 2,
})

export function assign(flow: Flow, doctor: number, arc: number, manager: number) {
  flow.arcOf[doctor] = arc
  flow.managerOf[doctor] = manager
  flow.members[manager]!.push(doctor)
  flow.load[manager]!++
}

export function unassign(flow: Flow, doctor: number) {
  const manager = flow.managerOf[doctor]!
  const list = flow.members[manager]!
  list.splice(list.indexOf(doctor), 1)
  flow.load[manager]!--
  flow.arcOf[doctor] = -1
  flow.managerOf[doctor] = -1
}

/** A binary heap of node ids keyed by distance, with decrease-key; ties go to the lower id. */
class NodeHeap {
  private heap: Int32Array
  private pos: Int32Array
  private size = 0
  constructor(
    count: number,
    private key: Float64Array,
  ) {
    this.heap = new Int32Array(count)
    this.pos = new Int32Array(count).fill(-1)
  }
  get empty() {
    return this.size === 0
  }
  private less(a: number, b: number) {
    return this.key[a]! < this.key[b]! || (this.key[a] === this.key[b] && a < b)
  }
  private up(i: number) {
    const { heap, pos } = this
    const v = heap[i]!
    while (i > 0) {
      const p = (i - 1) >> 1
      if (!this.less(v, heap[p]!)) break
      heap[i] = heap[p]!
      pos[heap[i]!] = i
      i = p
    }
    heap[i] = v
    pos[v] = i
  }
  private down(i: number) {
    const { heap, pos } = this
    const v = heap[i]!
    for (;;) {
      let c = 2 * i + 1
      if (c >= this.size) break
      if (c + 1 < this.size && this.less(heap[c + 1]!, heap[c]!)) c++
      if (!this.less(heap[c]!, v)) break
      heap[i] = heap[c]!
      pos[heap[i]!] = i
      i = c
    }
    heap[i] = v
    pos[v] = i
  }
  /** Insert the node, or move it up after its key fell. */
  push(v: number) {
    if (this.pos[v]! >= 0) return this.up(this.pos[v]!)
    this.heap[this.size] = v
    this.up(this.size++)
  }
  pop() {
    const top = this.heap[0]!
    this.pos[top] = -1
    if (--this.size > 0) {
      this.heap[0] = this.heap[this.size]!
      this.down(0)
    }
    return top
  }
}

export function minCostMaxFlow(net: Network): Flow {
  const { doctorCount: n, managerCount: m, places, start, to, cost } = net
  const { sink, source, count } = nodes(net)
  const flow: Flow = {
    arcOf: new Int32Array(n).fill(-1),
    managerOf: new Int32Array(n).fill(-1),
    load: new Int32Array(m),
    members: Array.from({ length: m }, () => []),
    potential: new Float64Array(count),
  }
  const pi = flow.potential
  const dist = new Float64Array(count)
  const done = new Uint8Array(count)
  const heap = new NodeHeap(count, dist)
  const relax = (v: number, d: number) => {
    if (done[v] || d >= dist[v]!) return
    dist[v] = d
    heap.push(v)
  }

  /** Shortest reduced distances from the source; false when the sink cannot be reached. */
  function dijkstra() {
    dist.fill(Infinity)
    done.fill(0)
    dist[source] = 0
    heap.push(source)
    while (!heap.empty) {
      const u = heap.pop()
      done[u] = 1
      // Stopping at the sink is safe because every potential is capped at the sink's distance below.
      if (u === sink) break
      const du = dist[u]! + pi[u]!
      if (u === source) {
        for (let d = 0; d < n; d++)
          if (flow.arcOf[d] === -1 && start[d + 1]! > start[d]!) relax(d, du - pi[d]!)
      } else if (u < n) {
        const mine = flow.arcOf[u]
        for (let k = start[u]!; k < start[u + 1]!; k++)
          if (k !== mine) relax(n + to[k]!, du + cost[k]! - pi[n + to[k]!]!)
      } else {
        const j = u - n
        for (const d of flow.members[j]!) relax(d, du - cost[flow.arcOf[d]!]! - pi[d]!)
        if (flow.load[j]! < places[j]!) relax(sink, du - pi[sink]!)
      }
    }
    while (!heap.empty) heap.pop()
    return done[sink] === 1
  }

  // After the potentials move by the distances, every shortest path is made of arcs with
  // reduced cost 0. Augmenting along any such path is a successive-shortest-path step, so
  // one Dijkstra can feed many augmentations (primal–dual): a depth-first search over the
  // zero arcs, Dinic style, where a node that once fails to reach the sink stays dead for
  // the phase (augmenting only adds arcs between nodes that could reach it).
  const mark = new Uint8Array(count)
  const parent = new Int32Array(count)
  const parentArc = new Int32Array(count)
  const cursor = new Int32Array(n)
  const stack = new Int32Array(count)
  let sourceCursor = 0

  /** The next unmarked node along a zero-reduced-cost residual arc out of u, or −1. */
  function nextZeroArc(u: number): number {
    if (u === source) {
      while (sourceCursor < n) {
        const d = sourceCursor++
        if (!mark[d] && flow.arcOf[d] === -1 && pi[source] === pi[d]) return d
      }
    } else if (u < n) {
      while (cursor[u]! < start[u + 1]!) {
        const k = cursor[u]!++
        const v = n + to[k]!
        if (!mark[v] && k !== flow.arcOf[u] && cost[k]! + pi[u]! === pi[v]) {
          parentArc[v] = k
          return v
        }
      }
    } else {
      const j = u - n
      if (flow.load[j]! < places[j]! && pi[u] === pi[sink]) return sink
      for (const d of flow.members[j]!) if (!mark[d] && pi[u]! - cost[flow.arcOf[d]!]! === pi[d]) return d
    }
    return -1
  }

  function augmentAlongZeroArcs() {
    mark.fill(0)
    cursor.set(start.subarray(0, n))
    sourceCursor = 0
    for (;;) {
      let depth = 0
      stack[depth++] = source
      mark[source] = 1
      let found = false
      while (depth > 0) {
        const u = stack[depth - 1]!
        const v = nextZeroArc(u)
        if (v === -1) {
          depth-- // u cannot reach the sink this phase; it stays marked
          continue
        }
        parent[v] = u
        if (v === sink) {
          found = true
          break
        }
        mark[v] = 1
        stack[depth++] = v
      }
      if (!found) return
      // Walk back from the sink: a manager entered from a doctor takes that doctor, who
      // first leaves any manager they had. Nodes on the path may carry another path.
      for (let v = parent[sink]!; v !== source; v = parent[v]!) {
        if (v >= n) {
          const d = parent[v]!
          if (flow.arcOf[d] !== -1) unassign(flow, d)
          assign(flow, d, parentArc[v]!, v - n)
        }
      }
      for (let i = 0; i < depth; i++) mark[stack[i]!] = 0
    }
  }

  while (dijkstra()) {
    const reach = dist[sink]!
    for (let v = 0; v < count; v++) pi[v]! += Math.min(dist[v]!, reach)
    augmentAlongZeroArcs()
  }
  return flow
}
