// The network view's data for one cohort: the graph, its figures, the drawing
// and the table's rows, built from the database at most once a minute
// (server/refreshing-cache.ts) and kept whole, so that a visit costs no more than
// rendering one page of the table around the kept drawing.
import type { Types } from 'mongoose'
import { Enrolment } from '../../models/enrolment'
import { Pair } from '../../models/pair'
import { ShadowingSession } from '../../models/shadowing-session'
import { WorkshopRegistration } from '../../models/workshop-registration'
import { peopleById } from '../shadowing/session-access'
import { buildNetwork, networkFigures, type NetworkGraph } from './network-graph'
import { layoutNetwork } from './network-layout'
import { networkSvg, strongestWorkshopLinks } from './network-svg'
import { linkRows } from './network-table'

/** More dashed lines than this would hide everything else (and weigh megabytes): the strongest are drawn, the table has all. */
export const MAX_DRAWN_WORKSHOP_LINKS = 3000

async function loadNetwork(cohortId: Types.ObjectId | string): Promise<NetworkGraph> {
  const [enrolments, pairs, sessions, attendance] = await Promise.all([
    Enrolment.find({ cohortId }, { userId: 1, side: 1 }).lean(),
    Pair.find({ cohortId }, { doctorId: 1, managerId: 1 }).lean(),
    ShadowingSession.find({ cohortId, status: 'completed' }, { guestId: 1, hostId: 1 }).lean(),
    WorkshopRegistration.find({ cohortId, attendance: 'attended' }, { workshopId: 1, userId: 1 }).lean(),
  ])
  const names = await peopleById(enrolments.map(e => e.userId))
  return buildNetwork({
    people: enrolments.map(e => ({ id: String(e.userId), name: names.get(String(e.userId))?.name ?? '', side: e.side })),
    pairs: pairs.map(p => ({ doctorId: String(p.doctorId), managerId: String(p.managerId) })),
    sessions: sessions.map(s => ({ guestId: String(s.guestId), hostId: String(s.hostId) })),
    attendance: attendance.map(a => ({ workshopId: String(a.workshopId), userId: String(a.userId) })),
  })
}

const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`

/** What the drawing's description says: the same counts a sighted reader takes from the picture. */
export function describeNetwork(graph: NetworkGraph, drawnWorkshopLinks: number): string {
  const doctors = graph.people.filter(p => p.side === 'doctor').length
  const sessions = graph.shadowing.reduce((sum, s) => sum + s.sessions, 0)
  const workshopPart =
    drawnWorkshopLinks < graph.workshops.length
      ? `${plural(graph.workshops.length, 'link')} between people at the same workshop, of which the ${drawnWorkshopLinks.toLocaleString('en-GB')} shared at the most workshops are drawn as dashed lines`
      : `${plural(graph.workshops.length, 'link')} between people at the same workshop, drawn as dashed lines`
  return [
    `${plural(graph.people.length, 'person', 'people')}: ${plural(doctors, 'doctor')} drawn as blue circles and ${plural(graph.people.length - doctors, 'manager')} as pink squares, partners side by side.`,
    `${plural(graph.pairs.length, 'pair')} joined by thick lines;`,
    `${plural(graph.shadowing.length, 'shadowing link')} (${plural(sessions, 'completed session')}) drawn as curved lines with an arrow towards the person whose work was shadowed;`,
    `${workshopPart}.`,
    'The table after the drawing lists every link.',
  ].join(' ')
}

export function buildNetworkView(graph: NetworkGraph, title: string) {
  const drawn = strongestWorkshopLinks(graph.workshops, MAX_DRAWN_WORKSHOP_LINKS)
  return {
    people: graph.people,
    figures: networkFigures(graph),
    svg: networkSvg(graph, layoutNetwork(graph), { id: 'network', title, description: describeNetwork(graph, drawn.length), workshopLinks: drawn }),
    rows: linkRows(graph),
    workshopLinks: { drawn: drawn.length, total: graph.workshops.length },
  }
}

export type NetworkView = ReturnType<typeof buildNetworkView>

export async function networkView(cohort: { _id: Types.ObjectId | string; name: string }): Promise<NetworkView> {
  return buildNetworkView(await loadNetwork(cohort._id), `Network of ${cohort.name}`)
}
