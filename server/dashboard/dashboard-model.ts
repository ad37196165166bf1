// The whole dashboard of one cohort from its facts, and what each kind of
// reader may see of it. Pure: every figure here has a hand-checked unit test.
// Leads see everything but reflection comments (never loaded); sponsors see
// counts, names and sides, the kind of each issue, and no links into pairs or
// projects (which they may not open) and no concern text.
import type { Side } from '../../models/enrolment'
import type { CohortFacts } from './cohort-facts'
import { FUNNEL_STAGES, funnelOf, reachByPerson, type StageId } from './funnel'
import { needsAttention, type AttentionRow } from './needs-attention'
import { indexPairs, pairsByPerson } from './pair-index'
import { reflectionSummary } from './reflection-summary'
import { shadowingSummary } from './shadowing-summary'
import { attendanceByModule } from './workshop-attendance'

export type Audience = 'lead' | 'sponsor'

export type StagePerson = { userId: string; name: string; email: string; side: Side; furthest: string; pairs: { pairId: string; partner: string }[] }

export function dashboardOf(facts: CohortFacts) {
  const pairs = indexPairs(facts)
  const pairsOf = pairsByPerson(pairs)
  const reachOf = reachByPerson(facts, pairsOf)
  const nameOf = new Map(facts.people.map(p => [p.userId, p.name || p.email]))
  const people: (StagePerson & { reach: number })[] = facts.people
    .map(p => {
      const reach = reachOf.get(p.userId) ?? 0
      return { userId: p.userId, name: p.name || p.email, email: p.email, side: p.side, reach, furthest: FUNNEL_STAGES[reach]!.name, pairs: (pairsOf.get(p.userId) ?? []).map(({ pair }) => ({ pairId: pair.pairId, partner: nameOf.get(pair.doctorId === p.userId ? pair.managerId : pair.doctorId) ?? '' })) }
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.email.localeCompare(b.email))
  return {
    cohort: facts.cohort,
    asOf: facts.now,
    funnel: funnelOf(facts.people, reachOf),
    people,
    shadowing: shadowingSummary(facts, pairs.values()),
    workshops: attendanceByModule(facts),
    reflections: reflectionSummary(facts),
    concernsEver: facts.concernsEver,
    attention: needsAttention(facts, pairs.values()),
  }
}

export type Dashboard = ReturnType<typeof dashboardOf>

/** The people who have reached a step (and every step before it), by name. */
export function peopleAt(dashboard: Dashboard, stage: StageId): StagePerson[] {
  const k = FUNNEL_STAGES.findIndex(s => s.id === stage)
  return dashboard.people.filter(p => p.reach >= k).map(({ reach: _reach, ...person }) => person)
}

/** What a sponsor may read of a person: their name and side. */
export const sponsorPerson = ({ name, side }: StagePerson) => ({ name, side })

/** What a sponsor may read of an issue: the pair, the kind of issue and its note; no concern text, no names of who, no links. */
export const sponsorAttention = (row: AttentionRow): AttentionRow => ({ ...row, leadNote: '', href: '' })

export function forAudience(dashboard: Dashboard, audience: Audience): Dashboard {
  if (audience === 'lead') return dashboard
  return { ...dashboard, people: [], attention: dashboard.attention.map(sponsorAttention) }
}
