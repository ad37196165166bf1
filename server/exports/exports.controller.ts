// /cohorts/:cohortId/exports — the lead's downloads: a page saying what each
// file holds, and each file streamed as it is read from the database.
import type { Request, Response } from 'express'
import { NotFoundError } from '../errors'
import { sendCsv } from '../http/csv-stream'
import type { Services } from '../services'
import { COHORT_EXPORTS, exportFileName, exportNamed } from './export-list'

export function exportsController({ cohorts, clock }: Services) {
  return {
    async page(req: Request, res: Response) {
      const cohort = await cohorts.get(req.params.cohortId)
      res.render('pages/exports/exports', {
        cohort,
        downloads: COHORT_EXPORTS.map(e => ({ title: e.title, holds: e.holds, columns: e.columns, href: `/cohorts/${String(cohort._id)}/exports/${e.key}.csv` })),
      })
    },

    async download(req: Request, res: Response) {
      const cohort = await cohorts.get(req.params.cohortId)
      const chosen = exportNamed(String(req.params.name))
      if (!chosen) throw new NotFoundError()
      const now = clock.now()
      await sendCsv(res, exportFileName(cohort.name, chosen.key, now), async csv => {
        await csv.header(chosen.columns)
        await chosen.write(cohort.toObject(), csv, now)
      })
    },
  }
}
