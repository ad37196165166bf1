// GET /cohorts/:cohortId/people — the lead's filterable, sortable directory.
import type { Request, Response } from 'express'
import { z } from 'zod'
import type { Services } from '../services'
import { DIRECTORY_SORTS, cohortPeople, filterAndSort, type DirectoryQuery } from './directory.service'

// Unknown or malformed query values are ignored rather than refused: a link should never break.
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined)
const querySchema = z.object({
  side: optional(z.enum(['doctor', 'manager'])),
  specialty: optional(z.string().max(100)),
  site: optional(z.string().max(100)),
  gradeOrBand: optional(z.string().max(40)),
  complete: optional(z.enum(['yes', 'no'])),
  status: optional(z.enum(['invited', 'active'])),
  search: optional(z.string().trim().max(100)),
  sort: z.enum(DIRECTORY_SORTS).catch('name'),
  order: z.enum(['asc', 'desc']).catch('asc'),
  page: z.coerce.number().int().min(1).catch(1),
})

export function directoryController({ cohorts }: Services) {
  return async function directory(req: Request, res: Response) {
    const cohort = await cohorts.get(req.params.cohortId)
    const raw = Object.fromEntries(Object.entries(req.query).map(([k, v]) => [k, typeof v === 'string' && v !== '' ? v : undefined]))
    const query = querySchema.parse(raw) as DirectoryQuery
    const all = await cohortPeople(cohort._id)
    const result = filterAndSort(all, query)
    const options = {
      specialties: [...new Set(all.flatMap(r => r.specialty.split(', ')).filter(Boolean))].sort(),
      sites: [...new Set(all.map(r => r.site).filter(Boolean))].sort(),
      gradesOrBands: [...new Set(all.map(r => r.gradeOrBand).filter(Boolean))].sort(),
    }
    // Links keep the filters and change one thing (sort, order or page).
    const link = (changes: Partial<Record<keyof DirectoryQuery, string | number>>) => {
      const params = new URLSearchParams()
      for (const [key, value] of Object.entries({ ...query, ...changes })) {
        if (value !== undefined && value !== '' && !(key === 'page' && value === 1)) params.set(key, String(value))
      }
      return `/cohorts/${String(cohort._id)}/people?${params.toString()}`
    }
    res.render('pages/people/directory', { cohort, query, result, options, link, everyone: all.length })
  }
}
