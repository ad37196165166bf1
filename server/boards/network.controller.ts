// /cohorts/:cohortId/network — for leads and sponsors: the cohort's people and
// the links between them, drawn, counted and listed (?page=N of the table).
import type { Request, Response } from 'express'
import { createFragmentCache, sendWithKept } from '../http/fragment-cache'
import type { Services } from '../services'
import { NETWORK_COLOURS } from './network-svg'
import { pageOf, rowText } from './network-table'

/** A share as a percentage people can read: whole numbers from 10 %, two significant figures below. */
export function percentText(share: number): string {
  const percent = share * 100
  if (percent === 0 || percent >= 10) return `${Math.round(percent)}%`
  return `${Number(percent.toPrecision(2))}%`
}

export function networkController({ cohorts, boards }: Services) {
  const fragments = createFragmentCache({ maxEntries: 200 })
  return {
    async get(req: Request, res: Response) {
      const cohort = await cohorts.kept(req.params.cohortId)
      const { value: network, at } = await boards.network(String(cohort._id))
      const paging = pageOf(network.rows.length, req.query.page)
      const lead = req.user!.roles.includes('lead')
      // Leads and sponsors are sent back to different pages; a renamed cohort is drawn anew.
      const key = [String(cohort._id), +cohort.updatedAt, lead ? 'lead' : 'sponsor', paging.page].join(':')
      const main = await fragments.render(req.app, 'pages/boards/network-main', key, at, () => ({
        cohort,
        network,
        at,
        rows: network.rows.slice(paging.from, paging.to).map(row => rowText(row, network.people)),
        paging,
        density: percentText(network.figures.density),
        reciprocal: percentText(network.figures.reciprocalShare),
        colours: NETWORK_COLOURS,
        lead,
      }))
      await sendWithKept(res, 'pages/boards/network', { cohort, paging, lead }, main)
    },
  }
}
