// Min-cost max-flow on the matching network, by successive shortest paths with
// Dijkstra and node potentials (Ahuja, Magnanti & Orlin, Network Flows, §9.7).
//
//   source ─1─▶ doctor ─1, cost 100 − score─▶ manager ─places─▶ sink
//
// Each augmentation adds one doctor along a cheapest path, and the flow of every size
// stays the cheapest of that size; so when no path is left the flow matches as many
// doctors as possible and, among those flows, has the highest total score. Costing a
// pair 100 − score rather than −score adds 100 per matched doctor, which cannot change
// which flow of a given size is cheapest, and keeps every cost ≥ 0 so the first
// Dijkstra needs no Bellman–Ford. "Unmatched" needs no padding: a doctor simply gets no flow.
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
  const parent = new Int32Array(count)
  const parentArc = new Int32Array(count)
  const done = new Uint8Array(count)
  const heap = new NodeHeap(count, dist)

  const relax = (v: number, d: number, from: number, arc: number) => {
    if (done[v] || d >= dist[v]!) return
    dist[v] = d
    parent[v] = from
    parentArc[v] = arc
    heap.push(v)
  }

  for (;;) {
    dist.fill(Infinity)
    done.fill(0)
    dist[source] = 0
    heap.push(source)
    while (!heap.empty) {
      const u = heap.pop()
      done[u] = 1
      // Stopping at the sink is safe because every node's potential is capped at the sink's distance below.
      if (u === sink) break
      const du = dist[u]! + pi[u]!
      if (u === source) {
        for (let d = 0; d < n; d++)
          if (flow.arcOf[d] === -1 && start[d + 1]! > start[d]!) relax(d, du - pi[d]!, u, -1)
      } else if (u < n) {
        const mine = flow.arcOf[u]
        for (let k = start[u]!; k < start[u + 1]!; k++)
          if (k !== mine) relax(n + to[k]!, du + cost[k]! - pi[n + to[k]!]!, u, k)
      } else {
        const j = u - n
        for (const d of flow.members[j]!) relax(d, du - cost[flow.arcOf[d]!]! - pi[d]!, u, -1)
        if (flow.load[j]! < places[j]!) relax(sink, du - pi[sink]!, u, -1)
      }
    }
    while (!heap.empty) heap.pop()
    if (!done[sink]) return flow

    const reach = dist[sink]!
    for (let v = 0; v < count; v++) pi[v]! += Math.min(dist[v]!, reach)

    // Walk back from the sink: a doctor entered through a forward arc is (re)assigned, a
    // doctor entered from a manager leaves that manager first.
    let v = parent[sink]!
    while (v !== source) {
      const u = parent[v]!
      if (v >= n) {
        const d = u
        if (flow.arcOf[d] !== -1) unassign(flow, d)
        assign(flow, d, parentArc[v]!, v - n)
      }
      v = u
    }
  }
}
