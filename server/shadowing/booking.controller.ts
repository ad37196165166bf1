// /pairs/:pairId/book… — a partner books a shadowing session, one question a
// page (booking.form.ts): who shadows whom, the activity, how long and where.
// Every page carries the answers so far in its query, and its form posts back
// to that same address, so nothing is stored until the proposal is sent.
// The time and the check of answers are in booking-time.controller.ts.
import type { Request, Response } from 'express'
import { ForbiddenError, type FieldError } from '../errors'
import { formErrors, noFormErrors, text, type FormErrors } from '../http/forms'
import type { Services } from '../services'
import {
  checkActivity,
  checkDirection,
  checkDuration,
  checkLocation,
  firstUnanswered,
  isDirection,
  previousStep,
  readAnswers,
  stepPath,
  BOOKING_STEPS,
  type BookingAnswers,
  type BookingStep,
} from './booking.form'
import type { PairView } from './session-access'
import { DURATIONS } from './time.form'

export type BookingPage = { view: PairView; answers: BookingAnswers; step: BookingStep }

export function bookingPages({ shadowing }: Services) {
  /** The pair, for one of its partners: leads can see a pair but not book for it. */
  async function partnerView(req: Request): Promise<PairView> {
    const view = await shadowing.pairFor(req.user!, req.params.pairId)
    if (view.role === 'lead') throw new ForbiddenError('Only the two partners can book their shadowing')
    return view
  }

  /** What every booking page shows: who, the answers so far, and the way back. */
  function locals({ view, answers, step }: BookingPage, form: FormErrors) {
    const pairId = String(view.pair._id)
    const me = view.role === 'doctor' ? view.doctor : view.manager
    const partner = view.role === 'doctor' ? view.manager : view.doctor
    const previous = previousStep(step)
    // Each form posts back to its own address, so the earlier answers travel in its query.
    const action = stepPath(pairId, step, answers)
    return { pairId, role: view.role, me, partner, answers, action, backLink: previous ? stepPath(pairId, previous, answers) : `/pairs/${pairId}`, ...form }
  }

  function render(res: Response, page: BookingPage, extra: Record<string, unknown>, form: FormErrors = noFormErrors, status = 200) {
    res.status(status).render(`pages/shadowing/book-${page.step}`, { ...locals(page, form), ...extra })
  }

  /**
   * A page's answers so far, from its query (a form posts back to the address it
   * came from, query and all); a page whose earlier answers are missing sends the
   * person to the first gap.
   */
  async function pageFor(req: Request, res: Response, step: BookingStep): Promise<BookingPage | undefined> {
    const view = await partnerView(req)
    const answers = readAnswers(req.query)
    const gap = firstUnanswered(answers)
    if (BOOKING_STEPS.indexOf(gap) < BOOKING_STEPS.indexOf(step)) {
      res.redirect(303, stepPath(String(view.pair._id), gap, answers))
      return undefined
    }
    return { view, answers, step }
  }

  /** On to the next page still to answer: the following one, or straight back to the check after a change. */
  function next(res: Response, page: BookingPage, answers: BookingAnswers) {
    res.redirect(303, stepPath(String(page.view.pair._id), firstUnanswered(answers), answers))
  }

  return { render, pageFor, next }
}

export function bookingController(services: Services) {
  const { shadowing } = services
  const pages = bookingPages(services)

  const meetingsFor = (page: BookingPage) =>
    isDirection(page.answers.direction) ? shadowing.hostMeetings(page.view, page.answers.direction) : Promise.resolve([])

  async function activityPage(res: Response, page: BookingPage, values: { choice: string; other: string }, errors: FieldError[] = []) {
    const meetings = await meetingsFor(page)
    pages.render(res, page, { meetings, values }, errors.length ? formErrors(errors) : noFormErrors, errors.length ? 400 : 200)
  }

  return {
    async direction(req: Request, res: Response) {
      const page = await pages.pageFor(req, res, 'direction')
      if (page) pages.render(res, page, { value: page.answers.direction })
    },

    async saveDirection(req: Request, res: Response) {
      const page = await pages.pageFor(req, res, 'direction')
      if (!page) return
      const checked = checkDirection(req.body)
      if (!checked.ok) return pages.render(res, page, { value: '' }, formErrors(checked.errors), 400)
      // The other direction has another host: their meetings, place and times.
      const changed = checked.value !== page.answers.direction
      pages.next(res, page, changed ? { ...page.answers, direction: checked.value, activity: '', location: '', start: '', meeting: '' } : page.answers)
    },

    async activity(req: Request, res: Response) {
      const page = await pages.pageFor(req, res, 'activity')
      if (!page) return
      const titles = (await meetingsFor(page)).map(m => m.title)
      const { activity } = page.answers
      await activityPage(res, page, titles.includes(activity) ? { choice: activity, other: '' } : { choice: activity ? 'other' : '', other: activity })
    },

    async saveActivity(req: Request, res: Response) {
      const page = await pages.pageFor(req, res, 'activity')
      if (!page) return
      const meetings = await meetingsFor(page)
      const checked = checkActivity(req.body, meetings.map(m => m.title))
      if (!checked.ok) return activityPage(res, page, { choice: text(req.body, 'activityChoice'), other: text(req.body, 'activityOther') }, checked.errors)
      // Another activity usually means another place: ask again, starting from the meeting's own.
      const changed = checked.value !== page.answers.activity
      pages.next(res, page, changed ? { ...page.answers, activity: checked.value, location: '' } : page.answers)
    },

    async duration(req: Request, res: Response) {
      const page = await pages.pageFor(req, res, 'duration')
      if (page) pages.render(res, page, { durations: DURATIONS, value: page.answers.duration })
    },

    async saveDuration(req: Request, res: Response) {
      const page = await pages.pageFor(req, res, 'duration')
      if (!page) return
      const checked = checkDuration(req.body)
      if (!checked.ok) return pages.render(res, page, { durations: DURATIONS, value: '' }, formErrors(checked.errors), 400)
      // The times offered depend on the length, so a new length means choosing the time again.
      const changed = String(checked.value) !== page.answers.duration
      pages.next(res, page, changed ? { ...page.answers, duration: String(checked.value), start: '', meeting: '' } : page.answers)
    },

    async location(req: Request, res: Response) {
      const page = await pages.pageFor(req, res, 'location')
      if (!page) return
      const meeting = (await meetingsFor(page)).find(m => m.title === page.answers.activity)
      pages.render(res, page, { value: page.answers.location || meeting?.location || '' })
    },

    async saveLocation(req: Request, res: Response) {
      const page = await pages.pageFor(req, res, 'location')
      if (!page) return
      const checked = checkLocation(req.body)
      if (!checked.ok) return pages.render(res, page, { value: text(req.body, 'location') }, formErrors(checked.errors), 400)
      pages.next(res, page, { ...page.answers, location: checked.value })
    },
  }
}
