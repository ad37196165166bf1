// The first exact solver, min-cost max-flow (min-cost-flow.ts), on a Market: kept as a
// second, independent reference for the auction in tests.
import { allowedRow, newRow, type Market, type MarketAssignment } from './market'
import { minCostMaxFlow } from './min-cost-flow'

export function flowAssignment(market: Market): MarketAssignment {
  const n = market.doctors.length
  const to: number[] = []
  const cost: number[] = []
  const start = new Int32Array(n + 1)
  const row = newRow(market)
  for (let i = 0; i < n; i++) {
    const size = allowedRow(market, i, row)
    for (let x = 0; x < size; x++) {
      to.push(row.manager[x]!)
      cost.push(market.top - row.score[x]!)
    }
    start[i + 1] = to.length
  }
  const flow = minCostMaxFlow({
    doctorCount: n,
    managerCount: market.managers.length,
    places: market.places,
    start,
    to: Int32Array.from(to),
    cost: Int32Array.from(cost),
  })
  return flow.managerOf
}
