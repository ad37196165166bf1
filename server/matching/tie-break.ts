// Many assignments often share the best total. The lead must get the same one every
// time, and one that a person could check by hand, so the rule is stated about the
// answer rather than about how the solver happened to reach it:
//
//   Take doctors in id order. Each in turn gets the best manager they can have in any
//   optimal assignment that keeps the choices already made for earlier doctors —
//   "best" meaning the highest pair score, then the manager with the lower id, and
//   any manager before none.
//
// The answer is therefore unique and independent of input order and of the solver.
//
// How: with the optimal potentials from min-cost flow, an assignment of the same size
// is optimal exactly when it differs from ours by cycles of residual arcs whose reduced
// cost is zero (complementary slackness). So for each doctor, a reverse search over
// those "tight" arcs, avoiding doctors already settled, finds every manager they could
// move to; we take the best and turn the flow round that cycle. Potentials stay valid
// throughout, because every arc a cycle creates is the reverse of a tight arc.
import { assign, nodes, unassign, type Flow, type Network } from './min-cost-flow'

export function applyTieBreak(net: Network, flow: Flow) {
  const { doctorCount: n, managerCount: m, places, start, to, cost } = net
  const { sink, source, count } = nodes(net)
  const pi = flow.potential
  // Reduced cost of each arc under the final potentials; zero means "on some optimal answer".
  const tight = (from: number, into: number, c: number) => c + pi[from]! - pi[into]! === 0

  // Tightness never changes below (potentials are fixed), so list each manager's tight doctor arcs once.
  const tightInto: number[][] = Array.from({ length: m }, () => [])
  for (let d = 0; d < n; d++)
    for (let k = start[d]!; k < start[d + 1]!; k++)
      if (tight(d, n + to[k]!, cost[k]!)) tightInto[to[k]!]!.push(k)
  const doctorOfArc = new Int32Array(to.length)
  for (let d = 0; d < n; d++) doctorOfArc.fill(d, start[d]!, start[d + 1]!)

  const next = new Int32Array(count)
  const nextArc = new Int32Array(count)
  const seen = new Uint8Array(count)
  const queue = new Int32Array(count)

  for (let i = 0; i < n; i++) {
    const current = flow.arcOf[i]!
    // Arcs that would be better for doctor i, best first: lower cost is higher score; rows are in manager order.
    const better: number[] = []
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      if (!tight(i, n + to[k]!, cost[k]!)) continue
      if (current === -1 || cost[k]! < cost[current]! || (cost[k] === cost[current] && to[k]! < to[current]!))
        better.push(k)
    }
    if (better.length === 0) continue
    if (current === -1 && !tight(source, i, 0)) continue
    better.sort((a, b) => cost[a]! - cost[b]! || to[a]! - to[b]!)

    // The cycle closes where doctor i's flow comes from now: their manager, or the source.
    const target = current === -1 ? source : n + flow.managerOf[i]!
    seen.fill(0)
    // Doctors settled so far, and i itself, must keep their assignments: cycles may not pass through them.
    for (let d = 0; d <= i; d++) seen[d] = 1
    seen[target] = 1
    queue[0] = target
    let head = 0
    let tail = 1
    const reach = (u: number, v: number, arc: number) => {
      if (seen[u]) return
      seen[u] = 1
      next[u] = v
      nextArc[u] = arc
      queue[tail++] = u
    }
    while (head < tail) {
      const v = queue[head++]!
      if (v < n) {
        // Into a doctor: from the source if unmatched, or back from their manager.
        if (flow.arcOf[v] === -1) {
          if (tight(source, v, 0)) reach(source, v, -1)
        } else if (tight(n + flow.managerOf[v]!, v, -cost[flow.arcOf[v]!]!))
          reach(n + flow.managerOf[v]!, v, -1)
      } else if (v < sink) {
        const j = v - n
        for (const k of tightInto[j]!) if (flow.arcOf[doctorOfArc[k]!] !== k) reach(doctorOfArc[k]!, v, k)
        if (flow.load[j]! > 0 && tight(sink, v, 0)) reach(sink, v, -1)
      } else if (v === sink) {
        for (let j = 0; j < m; j++)
          if (flow.load[j]! < places[j]! && tight(n + j, sink, 0)) reach(n + j, v, -1)
      } else {
        for (let d = i + 1; d < n; d++) if (flow.arcOf[d] !== -1 && tight(d, source, 0)) reach(d, v, -1)
      }
    }

    const chosen = better.find(k => seen[n + to[k]!])
    if (chosen === undefined) continue
    // Turn the flow round the cycle: i moves to the chosen manager, then each doctor on the
    // path moves along; managers and the sink or source just pass the change on.
    if (current !== -1) unassign(flow, i)
    assign(flow, i, chosen, to[chosen]!)
    for (let u = n + to[chosen]!; u !== target; u = next[u]!) {
      const v = next[u]!
      if (u >= n && u < sink && v < n) unassign(flow, v)
      else if (u < n && v >= n && v < sink) {
        if (flow.arcOf[u] !== -1) unassign(flow, u)
        assign(flow, u, nextArc[u]!, v - n)
      }
    }
  }
}
