// The private calendar feed. `calendarFeedRoutes` serves the feed itself to
// calendar apps: public (the secret address is the key), mounted before the
// session middleware so that no cookie is set, cached privately for a few
// minutes, with an ETag so that a poll with nothing new costs a 304. The text
// and its ETag are built at most once a minute per feed (the service keeps them).
// `calendarFeedPageRoutes` is the signed-in page that makes the address.
import { Router } from 'express'
import { requireSignIn } from '../http/guards'
import { feedFileFor, calendarFeedPage, type CalendarFeedDeps } from './calendar-feed.controller'

export function calendarFeedRoutes(deps: CalendarFeedDeps) {
  const router = Router()
  // Express 5 (path-to-regexp 8): the literal ".ics" ends the token parameter.
  router.get('/calendar/:token.ics', async (req, res) => {
    const { ics, etag } = await feedFileFor(deps, req.params.token)
    res.set({
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="tandem.ics"',
      'Cache-Control': 'private, max-age=300',
      ETag: etag,
      'X-Robots-Tag': 'noindex',
    })
    if (req.fresh) return res.status(304).end()
    res.send(ics)
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
