// Compact reflections for the dashboard, counts only: for the open month and
// the two before, how many of the reflections due came in, and how many
// concerns were raised. A pair is due to reflect on a month when its compact
// was agreed before that month's reflection closed (the next month's opened),
// and each partner reflects once. Comments are never loaded. Pure.
import { DateTime } from 'luxon'
import { PROGRAMME_ZONE } from '../format'
import { monthName, openMonth, opensAt } from '../compact/reflection-months'
import type { CohortFacts } from './cohort-facts'

export const RECENT_MONTHS = 3

/** The open month and the ones before it, newest first: ["2026-11", "2026-10", "2026-09"]. */
export function recentMonths(now: Date, reflectionDay: number, count = RECENT_MONTHS): string[] {
  const open = DateTime.fromFormat(openMonth(now, reflectionDay), 'yyyy-MM', { zone: PROGRAMME_ZONE })
  return Array.from({ length: count }, (_, k) => open.minus({ months: k }).toFormat('yyyy-MM'))
}

const nextMonth = (month: string) => DateTime.fromFormat(month, 'yyyy-MM', { zone: PROGRAMME_ZONE }).plus({ months: 1 }).toFormat('yyyy-MM')

export type MonthReflections = { month: string; name: string; pairs: number; due: number; received: number; percent: number; concerns: number }

export function reflectionSummary(facts: Pick<CohortFacts, 'now' | 'cohort' | 'pairs' | 'reflections' | 'compactAgreedAt'>): MonthReflections[] {
  const day = facts.cohort.reflectionDay
  const months = recentMonths(facts.now, day).map(month => ({ month, name: monthName(month), closes: +opensAt(nextMonth(month), day), pairs: new Set<string>(), received: 0, concerns: 0 }))
  const byMonth = new Map(months.map(m => [m.month, m]))
  for (const pair of facts.pairs) {
    const agreed = facts.compactAgreedAt.get(pair.pairId)
    if (!agreed) continue
    for (const m of months) if (+agreed < m.closes) m.pairs.add(pair.pairId)
  }
  for (const r of facts.reflections) {
    const m = byMonth.get(r.month)
    if (!m) continue
    if (r.concern) m.concerns += 1
    if (m.pairs.has(r.pairId)) m.received += 1
  }
  return months.map(({ month, name, pairs, received, concerns }) => {
    const due = pairs.size * 2
    return { month, name, pairs: pairs.size, due, received, percent: due ? Math.round((received * 100) / due) : 0, concerns }
  })
}
