// Sorting and paging the "needs attention" table by links (?sort=…&dir=…&page=…),
// so that it works without JavaScript. Unknown values fall back to the default
// rather than failing: a link should never break. Pure.
import type { AttentionRow } from './needs-attention'

export const ATTENTION_SORTS = ['pair', 'issue', 'since'] as const
export type AttentionSort = (typeof ATTENTION_SORTS)[number]
export type SortDirection = 'asc' | 'desc'
export type AttentionQuery = { sort: AttentionSort; dir: SortDirection; page: number }

/** Oldest issue first unless the lead asks otherwise. */
export const DEFAULT_ATTENTION_QUERY: AttentionQuery = { sort: 'since', dir: 'asc', page: 1 }
export const ATTENTION_PAGE_SIZE = 50

export function readAttentionQuery(query: Record<string, unknown>): AttentionQuery {
  const sort = ATTENTION_SORTS.find(s => s === query.sort) ?? DEFAULT_ATTENTION_QUERY.sort
  const dir: SortDirection = query.dir === 'desc' ? 'desc' : query.dir === 'asc' ? 'asc' : DEFAULT_ATTENTION_QUERY.dir
  const page = typeof query.page === 'string' && /^[1-9]\d{0,5}$/.test(query.page) ? Number(query.page) : 1
  return { sort, dir, page }
}

// One collator for every comparison: localeCompare with a locale builds a new one
// each call, which was most of the dashboard's time at 2,000 people.
const collator = new Intl.Collator('en-GB')
const byPair = (a: AttentionRow, b: AttentionRow) => collator.compare(a.pair, b.pair)
const byIssue = (a: AttentionRow, b: AttentionRow) => collator.compare(a.issue, b.issue)
const bySince = (a: AttentionRow, b: AttentionRow) => +a.since - +b.since
const COMPARE = { pair: byPair, issue: byIssue, since: bySince }

/** Sorted by the chosen column in the chosen direction; ties by date, then pair, then issue, always ascending. */
export function sortAttention(rows: readonly AttentionRow[], { sort, dir }: Pick<AttentionQuery, 'sort' | 'dir'>): AttentionRow[] {
  const sign = dir === 'asc' ? 1 : -1
  return [...rows].sort((a, b) => sign * COMPARE[sort](a, b) || bySince(a, b) || byPair(a, b) || byIssue(a, b))
}

export function pageOf<T>(rows: readonly T[], page: number, size = ATTENTION_PAGE_SIZE) {
  const pages = Math.max(1, Math.ceil(rows.length / size))
  const current = Math.min(page, pages)
  return { rows: rows.slice((current - 1) * size, current * size), page: current, pages, total: rows.length }
}
