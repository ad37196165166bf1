// The programme funnel: how far each invited person has come, from invitation
// to a QI project that shows improvement. Pure: cohort-facts.ts in, counts out.
//
// A person counts at a step when they have reached it AND every step before it
// (docs/decisions/013-dashboard-funnel.md), so the counts only fall from left
// to right and the gap between two steps is the people stuck between them.
// The steps from "Paired" on belong to a pair; a manager with several doctors
// counts at the furthest step any one of their pairs has reached.
import type { CohortFacts, PersonFact } from './cohort-facts'
import type { PairState } from './pair-index'

export const FUNNEL_STAGES = [
  {
    id: 'invited',
    name: 'Invited',
    // Every Enrolment of the cohort: added by the lead or an import, whether or not they have accepted the invitation.
    definition: 'Added to the cohort as a doctor or manager, whether or not they have accepted the invitation yet.',
  },
  {
    id: 'profile-complete',
    name: 'Profile complete',
    // isProfileComplete (server/people/profile-completeness.ts): what matching needs, as the directory and the cohort page decide it.
    definition: 'Their profile has everything matching needs for their side (grade and specialty, or job, band, service and specialties; site, QI interests and availability).',
  },
  {
    id: 'paired',
    name: 'Paired',
    // In a published Pair of this cohort. Ending a pair deletes it (pairs.service unpublish), so every Pair is one that has not ended.
    definition: 'In a published pair of this cohort that has not been ended.',
  },
  {
    id: 'first-shadowing',
    name: 'First shadowing',
    // A ShadowingSession of the pair with status 'completed' (the host marked that it happened), either way.
    definition: 'Their pair has completed at least one shadowing session, in either direction.',
  },
  {
    id: 'both-directions',
    name: 'Both directions done',
    // At least one completed session doctor-shadows-manager and one manager-shadows-doctor.
    definition: 'Their pair has completed at least one session each way: the doctor shadowing the manager, and the manager shadowing the doctor.',
  },
  {
    id: 'charter',
    name: 'Charter written',
    // The pair's QiProject exists: starting one means writing its charter (problem, aim, priority).
    definition: 'Their pair has started its QI project by writing the charter.',
  },
  {
    id: 'pdsa',
    name: 'PDSA started',
    // At least one PdsaCycle of the project; every cycle starts with its plan.
    definition: 'Their project has at least one PDSA cycle, planned or further on.',
  },
  {
    id: 'improvement',
    name: 'Improvement shown',
    // A measure of the project whose XmR chart (as rebased and frozen) has a point of special-cause improvement
    // for the measure's direction: measureSignals().improvement, the same test as the progress score's.
    definition: 'A measure of their project shows special-cause improvement on its XmR chart (Making Data Count rules).',
  },
] as const

export type StageId = (typeof FUNNEL_STAGES)[number]['id']
export const STAGE_IDS: readonly StageId[] = FUNNEL_STAGES.map(s => s.id)

const PAIRED = STAGE_IDS.indexOf('paired')

/** The furthest step a pair has reached, every step before it included, as an index into FUNNEL_STAGES. */
export function pairReach(state: Pick<PairState, 'completed' | 'project'>): number {
  const steps = [
    state.completed['doctor-shadows-manager'] + state.completed['manager-shadows-doctor'] > 0,
    state.completed['doctor-shadows-manager'] > 0 && state.completed['manager-shadows-doctor'] > 0,
    Boolean(state.project),
    Boolean(state.project?.hasPdsa),
    Boolean(state.project?.improving),
  ]
  const stuck = steps.indexOf(false)
  return PAIRED + (stuck === -1 ? steps.length : stuck)
}

/** The furthest step a person has reached, every step before it included. */
export function personReach(person: Pick<PersonFact, 'profileComplete'>, pairs: readonly Pick<PairState, 'completed' | 'project'>[]): number {
  if (!person.profileComplete) return 0
  if (!pairs.length) return PAIRED - 1
  return Math.max(...pairs.map(pairReach))
}

export type FunnelStage = (typeof FUNNEL_STAGES)[number] & { count: number; percent: number }

/** Each step with how many people have reached it and what share of the invited that is (whole per cent). */
export function funnelOf(people: readonly PersonFact[], reachOf: ReadonlyMap<string, number>): FunnelStage[] {
  const atLeast = FUNNEL_STAGES.map(() => 0)
  for (const person of people) {
    const reach = reachOf.get(person.userId) ?? 0
    for (let k = 0; k <= reach; k += 1) atLeast[k]! += 1
  }
  const invited = people.length
  return FUNNEL_STAGES.map((stage, k) => ({ ...stage, count: atLeast[k]!, percent: invited ? Math.round((atLeast[k]! * 100) / invited) : 0 }))
}

/** Person id → furthest step, for everyone invited. */
export function reachByPerson(facts: Pick<CohortFacts, 'people'>, pairsOf: ReadonlyMap<string, PairState[]>): Map<string, number> {
  return new Map(facts.people.map(p => [p.userId, personReach(p, pairsOf.get(p.userId) ?? [])]))
}
