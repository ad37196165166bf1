// How far a PDSA cycle has got, from what has been filled in: every cycle
// starts with its plan; Do, Study and Act follow in order. A stage can be
// changed later, but not filled in before the one it follows.
import type { PdsaDecision } from '../../models/pdsa-cycle'

export type PdsaStage = 'do' | 'study' | 'act' | 'complete'

type StagedCycle = { doneOn?: Date | null; results?: string | null; decision?: PdsaDecision | null }

/** The next stage to fill in, or 'complete'. */
export function stageOf(cycle: StagedCycle): PdsaStage {
  if (!cycle.doneOn) return 'do'
  if (!cycle.results) return 'study'
  if (!cycle.decision) return 'act'
  return 'complete'
}

const ORDER: PdsaStage[] = ['do', 'study', 'act', 'complete']

/** Whether a stage's form may be opened: it is the next one, or already filled in. */
export function canOpen(cycle: StagedCycle, stage: Exclude<PdsaStage, 'complete'>): boolean {
  return ORDER.indexOf(stage) <= ORDER.indexOf(stageOf(cycle))
}

/** A tag for lists: what the cycle is waiting for, or what was decided. */
export function stageTag(cycle: StagedCycle): { tagText: string; colour: string } {
  const decided = { adopt: 'Adopted', adapt: 'Adapted', abandon: 'Abandoned' } as const
  switch (stageOf(cycle)) {
    case 'do':
      return { tagText: 'Planned', colour: 'blue' }
    case 'study':
      return { tagText: 'Done: to study', colour: 'yellow' }
    case 'act':
      return { tagText: 'Studied: to decide', colour: 'orange' }
    default:
      return { tagText: decided[cycle.decision!], colour: cycle.decision === 'abandon' ? 'grey' : 'green' }
  }
}
