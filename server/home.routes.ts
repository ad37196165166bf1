// The start page: set-up on a new installation, sign-in for strangers, and
// for a signed-in person the things their roles let them do.
import { Router } from 'express'
import type { CurrentUser } from './http/current-user'
import { londonLabel } from './scheduling/london-time'
import type { Services } from './services'

export function homeRoutes({ accounts, cohorts, profiles, pairs, rankings, shadowing, projects, clock }: Services) {
  const router = Router()

  /** A pair's confirmed sessions to come, soonest first, and the proposals waiting for this person's answer. */
  async function upcomingShadowing(user: CurrentUser, pairId: string) {
    const view = await shadowing.pairFor(user, pairId)
    const { sessions } = await shadowing.forPair(view)
    const now = +clock.now()
    const ahead = sessions.filter(s => +s.start > now).reverse()
    const describe = (s: (typeof sessions)[number]) => ({ id: String(s._id), activity: s.activity, when: londonLabel(s.start, s.end) })
    return {
      upcoming: ahead.filter(s => s.status === 'confirmed').map(describe),
      toAnswer: ahead.filter(s => s.status === 'proposed' && String(s.respondentId) === user.id).map(describe),
    }
  }

  router.get('/', async (req, res) => {
    if (!req.user) return res.redirect(303, (await accounts.needsSetup()) ? '/setup' : '/sign-in')
    const takesPart = req.user.roles.includes('doctor') || req.user.roles.includes('manager')
    const myCohorts = takesPart ? await cohorts.forPerson(req.user.id) : []
    const profileMissing = takesPart ? await profiles.missingFor(req.user) : []
    const user = req.user
    const myPairs = takesPart ? await Promise.all((await pairs.forPerson(user.id)).map(async pair => ({ ...pair, ...(await upcomingShadowing(user, pair.pairId)), project: await projects.ofPair(pair.pairId) }))) : []
    const pastPairs = takesPart ? await pairs.endedForPerson(user.id) : []
    const myRankings = await rankings.openFor(req.user.id, myCohorts.map(c => c.cohort))
    // Sponsors read every cohort's dashboard and change nothing: this list is where they start.
    const sponsorCohorts = req.user.roles.includes('sponsor') ? await cohorts.list() : []
    res.render('pages/home', { roles: req.user.roles, myCohorts, profileMissing, myPairs, pastPairs, myRankings, sponsorCohorts })
  })
  router.get('/accessibility', (_req, res) => {
    res.render('pages/accessibility')
  })
  router.get('/privacy', (_req, res) => {
    res.render('pages/privacy')
  })
  return router
}
