// /cohorts/:cohortId/dashboard — the programme dashboard, for leads and
// sponsors; and /dashboard/stage/:stage, the people behind one funnel count.
// What a sponsor may see of either is decided in dashboard-model.ts.
import type { Request, Response } from 'express'
import { NotFoundError } from '../errors'
import type { CurrentUser } from '../http/current-user'
import { createFragmentCache, sendWithKept } from '../http/fragment-cache'
import type { Services } from '../services'
import { pageOf, readAttentionQuery, sortAttention, type AttentionQuery } from './attention-sort'
import { forAudience, peopleAt, sponsorPerson, type Audience } from './dashboard-model'
import { FUNNEL_STAGES } from './funnel'

/** A person who is both lead and sponsor sees what a lead sees. */
const audienceOf = (user: CurrentUser): Audience => (user.roles.includes('lead') ? 'lead' : 'sponsor')

export function dashboardController({ cohorts, dashboard }: Services) {
  const fragments = createFragmentCache({ maxEntries: 500 })
  return {
    async get(req: Request, res: Response) {
      const cohort = await cohorts.kept(req.params.cohortId)
      const audience = audienceOf(req.user!)
      const counted = await dashboard.forCohort(cohort)
      const query = readAttentionQuery(req.query)
      // One drawing per audience and table view of each count; a renamed cohort is drawn anew.
      const key = [String(cohort._id), +cohort.updatedAt, audience, query.sort, query.dir, query.page].join(':')
      const main = await fragments.render(req.app, 'pages/dashboard/dashboard-main', key, counted.asOf, () => {
        const model = forAudience(counted, audience)
        const attention = pageOf(sortAttention(model.attention, query), query.page)
        const base = `/cohorts/${String(cohort._id)}/dashboard`
        // Sorting and paging links keep the rest of the query and land back on the table.
        const link = (changes: Partial<AttentionQuery>) => {
          const { sort, dir, page } = { ...query, ...changes }
          return `${base}?sort=${sort}&dir=${dir}${page > 1 ? `&page=${page}` : ''}#needs-attention`
        }
        return { cohort, audience, base, dashboard: model, query: { ...query, page: attention.page }, attention, link }
      })
      await sendWithKept(res, 'pages/dashboard/dashboard', { cohort, audience }, main)
    },

    async stage(req: Request, res: Response) {
      const cohort = await cohorts.kept(req.params.cohortId)
      const stage = FUNNEL_STAGES.find(s => s.id === req.params.stage)
      if (!stage) throw new NotFoundError()
      const audience = audienceOf(req.user!)
      const people = peopleAt(await dashboard.forCohort(cohort), stage.id)
      res.render('pages/dashboard/stage', { cohort, audience, stage, people: audience === 'lead' ? people : people.map(sponsorPerson) })
    },
  }
}
