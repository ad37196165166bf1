// The private calendar feed. `calendarFeedRoutes` serves the feed itself to
// calendar apps: public (the secret address is the key), mounted before the
// session middleware so that no cookie is set, cached privately for a few
// minutes, with an ETag so that a poll with nothing new costs a 304.
// `calendarFeedPageRoutes` is the signed-in page that makes the address.
import { createHash } from 'node:crypto'
import { Router } from 'express'
import { requireSignIn } from '../http/guards'
import { feedIcsFor, calendarFeedPage, type CalendarFeedDeps } from './calendar-feed.controller'

export function calendarFeedRoutes(deps: CalendarFeedDeps) {
  const router = Router()
  // Express 5 (path-to-regexp 8): the literal ".ics" ends the token parameter.
  router.get('/calendar/:token.ics', async (req, res) => {
    const body = await feedIcsFor(deps, req.params.token)
    res.set({
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="tandem.ics"',
      'Cache-Control': 'private, max-age=300',
      ETag: `"${createHash('sha256').update(body).digest('base64url')}"`,
      'X-Robots-Tag': 'noindex',
    })
    if (req.fresh) return res.status(304).end()
    res.send(body)
  })
  return router
}

export function calendarFeedPageRoutes(deps: CalendarFeedDeps) {
  const router = Router()
  const page = calendarFeedPage(deps)
  router.get('/profile/calendar-feed', requireSignIn, page.get)
  router.post('/profile/calendar-feed', requireSignIn, page.post)
  return router
}
