// The feed as iCalendar text, and the page where a person makes its address.
// The address is made by a POST and shown once by the GET it redirects to
// (kept in the session until then, never logged); after that only "you have a
// feed, made on …" can be shown, because only the token's hash is stored.
import type { Request, Response } from 'express'
import type { CalendarFeedsService, FeedFile } from './calendar-feeds.service'

export type CalendarFeedDeps = { calendarFeeds: CalendarFeedsService }

declare module 'express-session' {
  interface SessionData {
    /** A feed address just made, for the one page that shows it. */
    newCalendarFeed?: { https: string; webcal: string }
  }
}

export function feedFileFor({ calendarFeeds }: CalendarFeedDeps, token: unknown): Promise<FeedFile> {
  return calendarFeeds.fileFor(token)
}

export function calendarFeedPage({ calendarFeeds }: CalendarFeedDeps) {
  return {
    async get(req: Request, res: Response) {
      const status = await calendarFeeds.status(req.user!.id)
      const address = req.session.newCalendarFeed
      delete req.session.newCalendarFeed
      res.render('pages/calendar/feed', { status, address })
    },

    async post(req: Request, res: Response) {
      const replacing = (await calendarFeeds.status(req.user!.id)).exists
      const { https, webcal } = await calendarFeeds.regenerate(req.user!.id)
      req.session.newCalendarFeed = { https, webcal }
      req.session.flash = replacing
        ? 'New calendar feed address made. The old address no longer works.'
        : 'Calendar feed address made'
      res.redirect(303, '/profile/calendar-feed')
    },
  }
}
