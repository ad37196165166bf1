// The participants' pages: /workshops (the cohort's sessions to come, with
// places left and where the person stands) and /workshops/:id (register, join
// the waitlist, ask a partner, give up a place, answer an offer).
import type { Request, Response } from 'express'
import { text } from '../http/forms'
import type { Services } from '../services'
import { availabilityText, atText, fullTitle, placesLeft, REGISTRATION_WORDS, sessionTitle, whenText, whereText } from './workshop-display'

const names = (people: { name: string }[]) => people.map(p => p.name).join(' and ')

export function participantController({ workshopParticipation: participation, clock }: Services) {
  return {
    async list(req: Request, res: Response) {
      const now = clock.now()
      const cohorts = await participation.listFor(req.user!, now)
      res.render('pages/workshops/my-workshops', {
        cohorts: cohorts.map(({ cohort, series }) => ({
          name: cohort.name,
          series: series.map(({ series: s, sessions }) => ({
            title: s.title,
            description: s.description,
            sessions: sessions.map(({ workshop, counts, mine, partners }) => ({
              id: String(workshop._id),
              title: sessionTitle(workshop),
              when: whenText(workshop),
              where: whereText(workshop),
              availability: workshop.status === 'cancelled' ? 'Cancelled' : availabilityText(workshop, counts),
              tag: mine && mine.status !== 'cancelled' ? REGISTRATION_WORDS[mine.status] : undefined,
              askedBy: names(partners.filter(p => p.askedYou && (!mine || mine.status === 'cancelled')).map(p => p.person)),
            })),
          })),
        })),
      })
    },

    async page(req: Request, res: Response) {
      const page = await participation.pageFor(req.user!, req.params.workshopId)
      const { workshop, series, mine, counts } = page
      const id = String(workshop._id)
      // A lead who does not take part in the cohort manages it instead.
      if (!page.side) return res.redirect(303, `/workshops/${id}/manage`)
      const now = clock.now()
      const open = workshop.status === 'scheduled' && +workshop.start > +now
      const registered = mine && mine.status !== 'cancelled' ? mine.status : undefined
      res.render('pages/workshops/workshop', {
        workshopId: id,
        title: fullTitle(workshop, series.title),
        series,
        workshop,
        status: registered,
        tag: registered ? REGISTRATION_WORDS[registered] : undefined,
        position: page.position,
        offerExpires: mine?.status === 'offered' ? atText(mine.offerExpiresAt) : '',
        rows: [
          { key: 'When', value: whenText(workshop) },
          { key: 'Where', value: whereText(workshop) },
          ...(workshop.onlineLink && registered === 'confirmed' ? [{ key: 'Link to join', value: workshop.onlineLink }] : []),
          ...(workshop.facilitators.length ? [{ key: 'Run by', value: workshop.facilitators.join(', ') }] : []),
          ...(open ? [{ key: 'Places', value: availabilityText(workshop, counts) }] : []),
          ...(workshop.description ? [{ key: 'About this session', value: workshop.description }] : []),
        ],
        open,
        cancelled: workshop.status === 'cancelled',
        cancelReason: workshop.cancelReason,
        full: placesLeft(workshop, counts) === 0,
        partnersToAsk: page.partners.filter(p => !p.status || p.status === 'cancelled').map(p => p.person),
        askedBy: registered ? '' : names(page.partners.filter(p => p.askedYou).map(p => p.person)),
        partnersComing: page.partners.filter(p => p.status && p.status !== 'cancelled').map(p => ({ name: p.person.name, status: REGISTRATION_WORDS[p.status!].tagText.toLowerCase() })),
        isLead: req.user!.roles.includes('lead'),
      })
    },

    async register(req: Request, res: Response) {
      const outcome = await participation.register(req.user!, req.params.workshopId, text(req.body, 'askPartner') === 'yes')
      const id = String(outcome.view.workshop._id)
      const asked = outcome.asked.length ? `. We have asked ${names(outcome.asked)} to register too` : ''
      req.session.flash = outcome.already
        ? 'You are already registered for this workshop'
        : outcome.status === 'confirmed'
          ? `Your place is confirmed: the calendar invitation is on its way by email${asked}`
          : outcome.status === 'offered'
            ? `A place has come up for you: confirm it below${asked}`
            : `The workshop is full, so you are on the waitlist. If a place comes up, it is yours automatically${asked}`
      res.redirect(303, `/workshops/${id}`)
    },

    async cancelForm(req: Request, res: Response) {
      const page = await participation.pageFor(req.user!, req.params.workshopId)
      const status = page.mine?.status
      if (!status || status === 'cancelled') return res.redirect(303, `/workshops/${String(page.workshop._id)}`)
      res.render('pages/workshops/cancel-place', { workshopId: String(page.workshop._id), title: fullTitle(page.workshop, page.series.title), when: whenText(page.workshop), status })
    },

    async cancel(req: Request, res: Response) {
      const before = await participation.pageFor(req.user!, req.params.workshopId)
      const view = await participation.cancelPlace(req.user!, req.params.workshopId)
      const status = before.mine?.status
      req.session.flash = status === 'waitlisted' ? 'You have left the waitlist' : status === 'offered' ? 'You have let the place go: it has been offered to the next person' : 'Your place is cancelled: the cancellation for your calendar is on its way by email'
      res.redirect(303, `/workshops/${String(view.workshop._id)}`)
    },

    async offer(req: Request, res: Response) {
      const answer = text(req.body, 'answer') === 'decline' ? 'decline' : 'accept'
      const view = await participation.answerOffer(req.user!, req.params.workshopId, answer)
      req.session.flash = answer === 'accept' ? 'The place is yours: the calendar invitation is on its way by email' : 'You have let the place go: it has been offered to the next person'
      res.redirect(303, `/workshops/${String(view.workshop._id)}`)
    },
  }
}
