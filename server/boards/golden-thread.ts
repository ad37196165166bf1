// The golden-thread board's shape: one column for each current organisational
// priority with the projects serving it, and, called out apart, projects
// serving a priority that has since been archived and projects whose priority
// no longer exists. Pure; golden-thread.service.ts loads the rows.
import type { Types } from 'mongoose'
import type { MdcIcons } from '../charts/mdc-icons'
import { groupBy } from '../group-by'

export type BoardPriority = { id: string; title: string; archived: boolean }

export type BoardProject = {
  id: string
  title: string
  priorityId: string
  doctor: string
  manager: string
  score: number
  lastActivityAt: Date
  /** Readers outside the pair may open it (the cohort, sponsors). */
  shared: boolean
  /** The main outcome measure and its icons; undefined with no outcome measure. */
  measure: ({ name: string } & MdcIcons) | undefined
}

export type BoardColumn = { priority: BoardPriority; projects: BoardProject[]; improving: number; concern: number }

export type Board = {
  columns: BoardColumn[]
  archived: BoardColumn[]
  /** Projects whose priority no longer exists; undefined when there are none. */
  unlinked: BoardColumn | undefined
  projectCount: number
}

/** Furthest along first, then by title. */
const byProgress = (a: BoardProject, b: BoardProject) => b.score - a.score || a.title.localeCompare(b.title, 'en-GB') || (a.id < b.id ? -1 : 1)
const byTitle = (a: BoardPriority, b: BoardPriority) => a.title.localeCompare(b.title, 'en-GB') || (a.id < b.id ? -1 : 1)

function columnOf(priority: BoardPriority, projects: BoardProject[]): BoardColumn {
  const variation = (p: BoardProject) => p.measure?.variation?.key ?? ''
  return {
    priority,
    projects: [...projects].sort(byProgress),
    improving: projects.filter(p => variation(p).startsWith('improvement')).length,
    concern: projects.filter(p => variation(p).startsWith('concern')).length,
  }
}

export const NO_PRIORITY: BoardPriority = { id: 'none', title: 'No priority', archived: false }

/** Every current priority gets a column, with or without projects: an empty column is a gap in the thread worth seeing. */
export function groupBoard(priorities: readonly BoardPriority[], projects: readonly BoardProject[]): Board {
  const byPriority = groupBy(projects, p => p.priorityId)
  const known = new Set(priorities.map(p => p.id))
  const sorted = [...priorities].sort(byTitle)
  const unlinked = projects.filter(p => !known.has(p.priorityId))
  return {
    columns: sorted.filter(p => !p.archived).map(p => columnOf(p, byPriority.get(p.id) ?? [])),
    archived: sorted.filter(p => p.archived && byPriority.has(p.id)).map(p => columnOf(p, byPriority.get(p.id)!)),
    unlinked: unlinked.length ? columnOf(NO_PRIORITY, unlinked) : undefined,
    projectCount: projects.length,
  }
}

type MeasureRow = { _id: Types.ObjectId; type: string; createdAt?: Date | null }

/**
 * A project's main outcome measure: Tandem has no way yet for a pair to mark one
 * measure as main, so it is the first outcome measure the pair added (by when it
 * was added, then by id for two added in the same instant). Undefined with none.
 */
export function mainOutcomeMeasure<M extends MeasureRow>(measures: readonly M[]): M | undefined {
  const time = (m: MeasureRow) => m.createdAt?.getTime() ?? 0
  return measures.filter(m => m.type === 'outcome').sort((a, b) => time(a) - time(b) || (String(a._id) < String(b._id) ? -1 : 1))[0]
}
