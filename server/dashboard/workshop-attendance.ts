// Workshop attendance per module: each series' sessions grouped by module
// number (a module may run more than once), with the places taken and how the
// lead marked them. Cancelled sessions are left out; a place not yet marked
// after its session started counts as "not marked". Pure.
import type { CohortFacts } from './cohort-facts'

export type ModuleAttendance = {
  series: string
  /** null for sessions given no module number. */
  moduleNumber: number | null
  title: string
  sessions: number
  places: number
  attended: number
  apologies: number
  absent: number
  notMarked: number
}

export function attendanceByModule(facts: Pick<CohortFacts, 'workshops' | 'places' | 'now'>): ModuleAttendance[] {
  const modules = new Map<string, ModuleAttendance & { seriesOrder: number }>()
  const moduleOf = new Map<string, { module: ModuleAttendance; started: boolean }>()
  const seriesOrder = new Map<string, number>()
  // The workshops come in series order, then by start; a module's title is that of its first session.
  for (const w of facts.workshops) {
    if (!seriesOrder.has(w.seriesId)) seriesOrder.set(w.seriesId, seriesOrder.size)
    const key = `${w.seriesId}:${w.moduleNumber ?? ''}`
    let module = modules.get(key)
    if (!module) {
      module = { series: w.seriesTitle, moduleNumber: w.moduleNumber, title: w.title, sessions: 0, places: 0, attended: 0, apologies: 0, absent: 0, notMarked: 0, seriesOrder: seriesOrder.get(w.seriesId)! }
      modules.set(key, module)
    }
    module.sessions += 1
    moduleOf.set(w.workshopId, { module, started: +w.start <= +facts.now })
  }
  for (const place of facts.places) {
    const held = moduleOf.get(place.workshopId)
    if (!held) continue
    held.module.places += 1
    if (place.attendance) held.module[place.attendance] += 1
    else if (held.started) held.module.notMarked += 1
  }
  return [...modules.values()]
    .sort((a, b) => a.seriesOrder - b.seriesOrder || (a.moduleNumber ?? Infinity) - (b.moduleNumber ?? Infinity))
    .map(({ seriesOrder: _seriesOrder, ...module }) => module)
}
