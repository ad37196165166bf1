// The start page: set-up on a new installation, sign-in for strangers, and
// for a signed-in person the things their roles let them do.
import { Router } from 'express'
import type { Services } from './services'

export function homeRoutes({ accounts, cohorts, profiles, pairs, rankings }: Services) {
  const router = Router()
  router.get('/', async (req, res) => {
    if (!req.user) return res.redirect(303, (await accounts.needsSetup()) ? '/setup' : '/sign-in')
    const takesPart = req.user.roles.includes('doctor') || req.user.roles.includes('manager')
    const myCohorts = takesPart ? await cohorts.forPerson(req.user.id) : []
    const profileMissing = takesPart ? await profiles.missingFor(req.user) : []
    const myPairs = takesPart ? await pairs.forPerson(req.user.id) : []
    const myRankings = await rankings.openFor(req.user.id, myCohorts.map(c => c.cohort))
    res.render('pages/home', { roles: req.user.roles, myCohorts, profileMissing, myPairs, myRankings })
  })
  router.get('/accessibility', (_req, res) => {
    res.render('pages/accessibility')
  })
  router.get('/privacy', (_req, res) => {
    res.render('pages/privacy')
  })
  return router
}
