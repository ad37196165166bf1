// The network's links as rows of a table, for people who do not read the
// drawing: one row a link, in the order of the first person's name, a page at a time.
import type { NetworkGraph, Person } from './network-graph'

export type LinkKind = 'pairing' | 'shadowing' | 'workshop'
export type LinkRow = { kind: LinkKind; person: number; other: number; count: number }

const KIND_ORDER: Record<LinkKind, number> = { pairing: 0, shadowing: 1, workshop: 2 }

/** Every link once: a pair from the doctor, shadowing from the person who shadowed, a workshop link from the first of the two by name. */
export function linkRows(graph: NetworkGraph): LinkRow[] {
  const rows: LinkRow[] = [
    ...graph.pairs.map(p => ({ kind: 'pairing' as const, person: p.doctor, other: p.manager, count: 1 })),
    ...graph.shadowing.map(s => ({ kind: 'shadowing' as const, person: s.from, other: s.to, count: s.sessions })),
    ...graph.workshops.map(w => ({ kind: 'workshop' as const, person: w.a, other: w.b, count: w.workshops })),
  ]
  return rows.sort((x, y) => x.person - y.person || KIND_ORDER[x.kind] - KIND_ORDER[y.kind] || x.other - y.other)
}

const plural = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`

/** A row in words, as the table shows it. */
export function rowText(row: LinkRow, people: readonly Person[]) {
  const person = people[row.person]!
  const other = people[row.other]!
  const connection = row.kind === 'pairing' ? 'Paired with' : row.kind === 'shadowing' ? 'Shadowed' : 'At workshops with'
  const count = row.kind === 'pairing' ? '' : row.kind === 'shadowing' ? plural(row.count, 'session') : plural(row.count, 'workshop')
  return { person: `${person.name} (${person.side})`, connection, other: `${other.name} (${other.side})`, count }
}

export const ROWS_PER_PAGE = 50

/** The page asked for, kept within the pages there are: anything that is not a page number is page 1. */
export function pageOf(total: number, asked: unknown): { page: number; pages: number; from: number; to: number } {
  const pages = Math.max(1, Math.ceil(total / ROWS_PER_PAGE))
  const wanted = typeof asked === 'string' && /^\d{1,6}$/.test(asked) ? Number(asked) : 1
  const page = Math.min(Math.max(wanted, 1), pages)
  return { page, pages, from: (page - 1) * ROWS_PER_PAGE, to: Math.min(page * ROWS_PER_PAGE, total) }
}
