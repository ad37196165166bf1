// Shadowing against the cohort's targets, each way: how many pairs have
// completed the target number of sessions, and how many sessions the current
// pairs have completed and have booked. Pure.
import { SHADOWING_DIRECTIONS, type ShadowingDirection } from '../../models/shadowing-session'
import type { CohortFacts } from './cohort-facts'
import type { PairState } from './pair-index'

export const DIRECTION_NAMES: Record<ShadowingDirection, string> = {
  'doctor-shadows-manager': 'Doctor shadows manager',
  'manager-shadows-doctor': 'Manager shadows doctor',
}

export type DirectionSummary = {
  direction: ShadowingDirection
  name: string
  /** Completed sessions each pair should have in this direction. */
  target: number
  pairs: number
  pairsMetTarget: number
  completed: number
  booked: number
}

export function shadowingSummary(facts: Pick<CohortFacts, 'cohort'>, pairs: Iterable<PairState>): DirectionSummary[] {
  const rows = SHADOWING_DIRECTIONS.map(direction => ({ direction, name: DIRECTION_NAMES[direction], target: facts.cohort.targets[direction], pairs: 0, pairsMetTarget: 0, completed: 0, booked: 0 }))
  for (const state of pairs) {
    for (const row of rows) {
      row.pairs += 1
      row.completed += state.completed[row.direction]
      row.booked += state.booked[row.direction]
      if (state.completed[row.direction] >= row.target) row.pairsMetTarget += 1
    }
  }
  return rows
}
