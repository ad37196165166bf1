// What other pages show of a project's measures and PDSA cycles: the evidence
// section of the project page (views/pages/projects/project-evidence.ejs) and
// the latest signal on the lead's portfolio (portfolio-signal.ejs).
import type { Types } from 'mongoose'
import { DataPoint } from '../../models/data-point'
import { Measure } from '../../models/measure'
import type { Variation } from '../charts/spc'
import { formatDate } from '../format'
import { groupBy } from '../group-by'
import { cycleDate, measureIcons } from './chart-data'
import { TYPE_NAMES } from './measures.form'
import { stageTag } from './pdsa-stages'
import { projectDataOf, type ProjectData } from './project-data'
import type { ProjectView } from './project-access'

export type EvidencePanel = Awaited<ReturnType<typeof evidencePanel>>

/**
 * For the project page's evidence section: each measure with its latest value and
 * Making Data Count icons, and each PDSA cycle with its stage. Pass it to the partial
 * as `evidencePanel`: include('project-evidence', { evidencePanel }).
 */
export async function evidencePanel(view: ProjectView) {
  const data = await projectDataOf(view.project)
  // The data is kept per revision of the project (project-data.ts), and so is what is worked out from it.
  let panel = panels.get(data)
  if (!panel) panels.set(data, (panel = panelOf(data)))
  return { projectId: String(view.project._id), canEdit: view.canEdit, ...panel }
}

const panels = new WeakMap<ProjectData, ReturnType<typeof panelOf>>()

function panelOf({ measures, points, cycles }: ProjectData) {
  const numbers = new Map(cycles.map(c => [String(c._id), c.number]))
  const pointsOf = groupBy(points, p => String(p.measureId))
  return {
    measures: measures.map(m => {
      const own = pointsOf.get(String(m._id)) ?? []
      const last = own[own.length - 1]
      return {
        id: String(m._id),
        name: m.name,
        typeName: TYPE_NAMES[m.type],
        unit: m.unit,
        count: own.length,
        latest: last ? { value: last.value, date: formatDate(last.date) } : undefined,
        ...measureIcons(m, own),
      }
    }),
    cycles: cycles.map(c => ({
      id: String(c._id),
      number: c.number,
      changeIdea: c.changeIdea,
      date: formatDate(cycleDate(c)),
      tag: stageTag(c),
      follows: c.previousId ? numbers.get(String(c.previousId)) : undefined,
    })),
  }
}

export type PortfolioSignal = { measureName: string; variation: Variation; svg: string; heading: string; text: string; date: string }

/**
 * The latest signal of each project for the lead's portfolio: the Making Data Count
 * variation icon of the measure with the most recent data point (an outcome measure
 * when two share that date). Projects with no measure that has limits yet are left
 * out. Pass one to the partial as `signal`: include('portfolio-signal', { signal }).
 */
export async function portfolioSignals(projectIds: readonly (Types.ObjectId | string)[]): Promise<Map<string, PortfolioSignal>> {
  const [measures, points] = await Promise.all([
    Measure.find({ projectId: { $in: projectIds } }).lean(),
    DataPoint.find({ projectId: { $in: projectIds } }, { measureId: 1, date: 1, value: 1 }).sort({ date: 1 }).lean(),
  ])
  const byMeasure = groupBy(points, p => String(p.measureId))
  const signals = new Map<string, PortfolioSignal & { at: number; outcome: boolean }>()
  for (const m of measures) {
    const own = byMeasure.get(String(m._id)) ?? []
    const { variation } = measureIcons(m, own)
    if (!variation) continue
    const at = +own[own.length - 1]!.date
    const outcome = m.type === 'outcome'
    const key = String(m.projectId)
    const held = signals.get(key)
    if (held && (held.at > at || (held.at === at && (held.outcome || !outcome)))) continue
    signals.set(key, { measureName: m.name, variation: variation.key, svg: variation.svg, heading: variation.heading, text: variation.text, date: formatDate(new Date(at)), at, outcome })
  }
  return new Map([...signals].map(([k, { at: _at, outcome: _outcome, ...signal }]) => [k, signal]))
}
