// "Needs attention": the pairs a lead should look at now, one row per issue.
// Each rule is the one the nudges and the digest already use, so the dashboard
// and the emails agree:
// - no shadowing: the pair is quiet (server/shadowing/quiet-pairs.ts): paired
//   over 4 weeks ago and nothing done or booked ending in the last 4 weeks;
// - reflection overdue: the open month's reflection has been open for 7 days
//   (when the nudges call it overdue) and a partner of a pair with an agreed
//   compact has not answered; one row per pair, naming who for the lead;
// - concern raised: a partner raised a concern in a reflection in the last 4
//   weeks; its text is for the lead only;
// - project stale: server/projects/project-staleness.ts.
// Pure: the facts in, rows out; sorting is in attention-sort.ts.
import { monthName, openMonth, showsBothAt } from '../compact/reflection-months'
import { formatDate } from '../format'
import { groupBy } from '../group-by'
import { isProjectStale } from '../projects/project-staleness'
import { isPairQuiet, lastSessionEnds } from '../shadowing/quiet-pairs'
import type { CohortFacts } from './cohort-facts'
import type { PairState } from './pair-index'

export const ATTENTION_KINDS = ['no-shadowing', 'reflection-overdue', 'concern', 'project-stale'] as const
export type AttentionKind = (typeof ATTENTION_KINDS)[number]

export const ATTENTION_NAMES: Record<AttentionKind, string> = {
  'no-shadowing': 'No shadowing for 4 weeks',
  'reflection-overdue': 'Reflection overdue',
  concern: 'Concern raised',
  'project-stale': 'Project not updated for 4 weeks',
}

/** Concerns raised within this many days are listed. */
export const CONCERN_DAYS = 28

const DAY = 86_400_000

export type AttentionRow = {
  kind: AttentionKind
  issue: string
  pairId: string
  /** "Dara Okafor and Mina Shah" */
  pair: string
  /** When the issue began: the last session (or the pairing), the overdue date, the concern, the last project update. */
  since: Date
  /** What anyone who may see the dashboard may read. */
  note: string
  /** For leads only: who has not reflected, or the concern in the partner's words. */
  leadNote: string
  /** For leads only: where to act on it. */
  href: string
}

export function needsAttention(facts: Pick<CohortFacts, 'now' | 'cohort' | 'people' | 'sessions' | 'reflections' | 'compactAgreedAt'>, pairs: Iterable<PairState>): AttentionRow[] {
  const { now } = facts
  const nameOf = new Map(facts.people.map(p => [p.userId, p.name || p.email]))
  const lastEnds = lastSessionEnds(facts.sessions)
  const day = facts.cohort.reflectionDay
  const month = openMonth(now, day)
  const overdueFrom = showsBothAt(month, day)
  const answered = new Set(facts.reflections.filter(r => r.month === month).map(r => `${r.pairId}:${r.userId}`))
  const concernsOf = groupBy(
    facts.reflections.filter(r => r.concern && +r.at > +now - CONCERN_DAYS * DAY),
    r => r.pairId,
  )

  const rows: AttentionRow[] = []
  for (const { pair, project } of pairs) {
    const doctor = nameOf.get(pair.doctorId) ?? ''
    const manager = nameOf.get(pair.managerId) ?? ''
    const base = { pairId: pair.pairId, pair: `${doctor} and ${manager}` }
    const row = (kind: AttentionKind, since: Date, note: string, href: string, leadNote = '') => rows.push({ kind, issue: ATTENTION_NAMES[kind], ...base, since, note, leadNote, href })

    const lastEnd = lastEnds.get(pair.pairId)
    if (isPairQuiet(pair, lastEnd, now)) {
      row('no-shadowing', lastEnd ?? pair.publishedAt, lastEnd ? `Last session ended ${formatDate(lastEnd)}` : `No session since they were paired on ${formatDate(pair.publishedAt)}`, `/pairs/${pair.pairId}`)
    }
    const agreed = facts.compactAgreedAt.get(pair.pairId)
    if (agreed && +agreed <= +now && +now >= +overdueFrom) {
      const missing = [[pair.doctorId, doctor], [pair.managerId, manager]].filter(([id]) => !answered.has(`${pair.pairId}:${id}`)).map(([, name]) => name)
      if (missing.length) row('reflection-overdue', overdueFrom, `${monthName(month)} reflection`, `/pairs/${pair.pairId}/compact`, `Not yet reflected: ${missing.join(' and ')}`)
    }
    for (const concern of concernsOf.get(pair.pairId) ?? []) {
      row('concern', concern.at, `Raised in the ${monthName(concern.month)} reflection`, `/pairs/${pair.pairId}/compact`, `${nameOf.get(concern.userId) ?? ''}: “${concern.concern}”`)
    }
    if (project && isProjectStale(project, now)) {
      row('project-stale', project.lastActivityAt, `“${project.title}”: last update ${formatDate(project.lastActivityAt)}`, `/projects/${project.projectId}`)
    }
  }
  return rows
}
