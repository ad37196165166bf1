// Each pair with what the dashboard asks of it — sessions done and booked each
// way, and its project — built in one pass over the sessions and the
// projects, so that no count has to search the whole cohort once per pair.
import { SHADOWING_DIRECTIONS, type ShadowingDirection } from '../../models/shadowing-session'
import type { CohortFacts, PairFact, ProjectFact } from './cohort-facts'

export type PairState = {
  pair: PairFact
  /** Completed sessions each way. */
  completed: Record<ShadowingDirection, number>
  /** Confirmed sessions still to come each way. */
  booked: Record<ShadowingDirection, number>
  project: ProjectFact | undefined
}

const zero = () => Object.fromEntries(SHADOWING_DIRECTIONS.map(d => [d, 0])) as Record<ShadowingDirection, number>

export function indexPairs(facts: Pick<CohortFacts, 'pairs' | 'sessions' | 'projects' | 'now'>): Map<string, PairState> {
  const index = new Map<string, PairState>(facts.pairs.map(pair => [pair.pairId, { pair, completed: zero(), booked: zero(), project: undefined }]))
  for (const s of facts.sessions) {
    const state = index.get(s.pairId)
    // A session of a pair that has since ended belongs to no current pair.
    if (!state) continue
    if (s.status === 'completed') state.completed[s.direction] += 1
    else if (+s.end > +facts.now) state.booked[s.direction] += 1
  }
  for (const project of facts.projects) {
    const state = index.get(project.pairId)
    if (state) state.project = project
  }
  return index
}

/** Person id → the pairs they are in (a manager may be in up to three). */
export function pairsByPerson(index: Map<string, PairState>): Map<string, PairState[]> {
  const byPerson = new Map<string, PairState[]>()
  for (const state of index.values()) {
    for (const id of [state.pair.doctorId, state.pair.managerId]) byPerson.set(id, [...(byPerson.get(id) ?? []), state])
  }
  return byPerson
}
