// /workshops/offer/:token — the link in a late offer's email: take or let go
// the place without signing in, before the time limit. Looking never changes
// anything (mail scanners follow links); only the form's POST answers, once.
import type { Request, Response } from 'express'
import { Workshop } from '../../models/workshop'
import { WorkshopSeries } from '../../models/workshop-series'
import { NotFoundError } from '../errors'
import { text } from '../http/forms'
import type { Services } from '../services'
import { atText, fullTitle, whenText, whereText } from './workshop-display'

declare module 'express-session' {
  interface SessionData {
    /** What the last answer by link was, for the page after it (the link itself no longer works). */
    offerAnswer?: { answer: 'accept' | 'decline'; title: string; when: string }
  }
}

export function offerLinkController({ workshopRegistrations: registrations }: Services) {
  async function shown(token: unknown) {
    const registration = await registrations.offerFor(token)
    const workshop = await Workshop.findById(registration.workshopId).lean()
    const series = workshop && (await WorkshopSeries.findById(workshop.seriesId, { title: 1 }).lean())
    if (!workshop || !series || workshop.status !== 'scheduled') throw new NotFoundError()
    return { registration, workshop, title: fullTitle(workshop, series.title) }
  }

  /** Runs `action`; a link that does not work (answered, passed on, unknown) becomes the explanation page. */
  async function withLink(res: Response, action: () => Promise<void>) {
    try {
      await action()
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error
      res.status(404).render('pages/workshops/offer-problem')
    }
  }

  return {
    async get(req: Request, res: Response) {
      await withLink(res, async () => {
        const { registration, workshop, title } = await shown(req.params.token)
        res.render('pages/workshops/offer-link', { title, rows: [{ key: 'When', value: whenText(workshop) }, { key: 'Where', value: whereText(workshop) }], expires: atText(registration.offerExpiresAt) })
      })
    },

    async post(req: Request, res: Response) {
      await withLink(res, async () => {
        const { workshop, title } = await shown(req.params.token)
        const answer = text(req.body, 'answer') === 'decline' ? 'decline' : 'accept'
        await registrations.answerOfferByLink(req.params.token, answer)
        req.session.offerAnswer = { answer, title, when: whenText(workshop) }
        res.redirect(303, '/workshops/offer/done')
      })
    },

    done(req: Request, res: Response) {
      const answered = req.session.offerAnswer
      if (!answered) return res.redirect(303, '/')
      res.render('pages/workshops/offer-done', { answered })
    },
  }
}
