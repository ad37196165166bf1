// Dense shortest augmenting path (Jonker & Volgenant 1987, in the Hungarian form of
// Kuhn–Munkres with potentials): the reference the auction is checked against, simple
// enough to trust and slow enough (about n² × m) to use only on small and mid-sized
// problems and in the benchmark.
//
// Doctors join one at a time, in id order. Each runs a Dijkstra over managers on the
// reduced costs (cost top − score, so all ≥ 0) to the cheapest way in: a manager with a
// free place, reached perhaps by moving doctors along; or leaving someone out, the
// doctor's own "unmatched" option at cost U. Managers keep their places as a capacity,
// so nothing is copied per place. U = C + top with C from cardinalityBonus makes leaving
// someone out dearer than any loss of score that keeps them in, so the most doctors are
// matched first, then the highest total.
import { cardinalityBonus, allowedRow, newRow, type Market, type MarketAssignment } from './market'

export function jvAssignment(market: Market): MarketAssignment {
  const n = market.doctors.length
  const m = market.managers.length
  const { top, places } = market
  const leaveOut = cardinalityBonus(market) + top
  // Dense costs: Infinity where a pair is not allowed.
  const cost = new Float64Array(n * m).fill(Infinity)
  const row = newRow(market)
  for (let i = 0; i < n; i++) {
    const size = allowedRow(market, i, row)
    for (let x = 0; x < size; x++) cost[i * m + row.manager[x]!] = top - row.score[x]!
  }

  const managerOf = new Int32Array(n).fill(-1)
  const members: number[][] = Array.from({ length: m }, () => [])
  // Potentials: of each doctor, each manager and the sink ("placed or left out").
  const doctorPi = new Float64Array(n)
  const managerPi = new Float64Array(m)
  let sinkPi = 0
  const dist = new Float64Array(m)
  const via = new Int32Array(m) // the doctor who reached each manager
  const done = new Uint8Array(m)
  const doctorDist = new Float64Array(n)

  for (let root = 0; root < n; root++) {
    // Start the newcomer's potential where every arc out of them has reduced cost ≥ 0.
    let pi = sinkPi - leaveOut
    for (let o = 0; o < m; o++) pi = Math.max(pi, managerPi[o]! - cost[root * m + o]!)
    doctorPi[root] = pi
    dist.fill(Infinity)
    done.fill(0)
    doctorDist.fill(Infinity)
    let sinkDist = Infinity
    let finish = -1 // a manager with a free place, or −2 − d for doctor d left out
    const scan = (d: number, at: number) => {
      doctorDist[d] = at
      const mine = managerOf[d]
      for (let o = 0; o < m; o++) {
        if (o === mine || done[o]) continue
        const through = at + cost[d * m + o]! + doctorPi[d]! - managerPi[o]!
        if (through < dist[o]!) {
          dist[o] = through
          via[o] = d
        }
      }
      const out = at + leaveOut + doctorPi[d]! - sinkPi
      if (out < sinkDist) {
        sinkDist = out
        finish = -2 - d
      }
    }
    scan(root, 0)
    for (;;) {
      let o = -1
      for (let x = 0; x < m; x++) if (!done[x] && (o === -1 || dist[x]! < dist[o]!)) o = x
      if (o === -1 || dist[o]! >= sinkDist) break
      done[o] = 1
      if (members[o]!.length < places[o]!) {
        const out = dist[o]! + managerPi[o]! - sinkPi
        if (out < sinkDist) {
          sinkDist = out
          finish = o
        }
      }
      for (const d of members[o]!) scan(d, dist[o]! - cost[d * m + o]! + managerPi[o]! - doctorPi[d]!)
    }

    // Potentials move by the distances (capped at the sink's), keeping reduced costs ≥ 0.
    for (let o = 0; o < m; o++) managerPi[o]! += Math.min(dist[o]!, sinkDist)
    for (let d = 0; d <= root; d++) doctorPi[d]! += Math.min(doctorDist[d]!, sinkDist)
    sinkPi += sinkDist

    // Walk back: each manager on the path takes the doctor who reached it, who leaves theirs.
    let free = finish
    if (finish <= -2) {
      const d = -2 - finish
      free = managerOf[d]!
      if (free !== -1) members[free]!.splice(members[free]!.indexOf(d), 1)
      managerOf[d] = -1
      if (d === root) continue
    }
    for (let o = free; ;) {
      const d = via[o]!
      const left = managerOf[d]!
      if (left !== -1) members[left]!.splice(members[left]!.indexOf(d), 1)
      managerOf[d] = o
      members[o]!.push(d)
      if (d === root) break
      o = left
    }
  }
  return managerOf
}
