// /pairs/:pairId/book/time and /check — the last two booking pages: when (a
// time Tandem suggests, or another the person types), then the answers to
// check before the proposal goes to the partner. A time outside someone's
// availability needs a confirming tick; a time in the past or over another
// booking is refused, and the person chooses again.
import type { Request, Response } from 'express'
import type { ShadowingDirection } from '../../models/shadowing-session'
import type { FieldError } from '../errors'
import { formErrors, noFormErrors, text } from '../http/forms'
import { londonLabel } from '../scheduling/london-time'
import type { Slot } from '../scheduling/slot-finder'
import type { Services } from '../services'
import { durationOf, isDirection, startOf, stepPath, type BookingAnswers } from './booking.form'
import { bookingPages, type BookingPage } from './booking.controller'
import { durationText, MINUTE, parseLondonTime, readTimeFields, timeFieldsOf, type TimeFields } from './time.form'

/** How many suggestions the time page lists; the rest are a typed time away. */
export const SHOWN_TIMES = 12

type TimeValues = TimeFields & { time: string }

export function bookingTimeController(services: Services) {
  const { shadowing, clock } = services
  const pages = bookingPages(services)

  // Only reached once firstUnanswered has checked both.
  const directionOf = (page: BookingPage) => page.answers.direction as ShadowingDirection
  const durationOfPage = (page: BookingPage) => durationOf(page.answers)!

  const slotsFor = (page: BookingPage) => shadowing.suggestTimes(page.view, directionOf(page), durationOfPage(page))

  async function timePage(res: Response, page: BookingPage, values?: TimeValues, errors: FieldError[] = []) {
    const slots = await slotsFor(page)
    const shown = slots.slice(0, SHOWN_TIMES)
    const start = startOf(page.answers)
    const offered = start && shown.some(s => +s.start === +start)
    const initial: TimeValues = offered
      ? { time: start.toISOString(), ...timeFieldsOf(start), clock: '' }
      : start
        ? { time: 'other', ...timeFieldsOf(start) }
        : { time: '', date: { day: '', month: '', year: '' }, clock: '' }
    pages.render(res, page, { slots: shown, moreSlots: slots.length > shown.length, values: values ?? initial }, errors.length ? formErrors(errors) : noFormErrors, errors.length ? 400 : 200)
  }

  /** The time chosen on the page: a suggestion (which sets the length, and names the meeting), or a typed one. */
  async function chosenTime(page: BookingPage, values: TimeValues): Promise<{ ok: true; answers: BookingAnswers } | { ok: false; errors: FieldError[] }> {
    if (values.time === 'other') {
      const parsed = parseLondonTime(values)
      if (!parsed.ok) return parsed
      if (+parsed.start <= +clock.now()) return { ok: false, errors: [{ field: 'date-day', message: 'The time must be in the future' }] }
      return { ok: true, answers: { ...page.answers, start: parsed.start.toISOString(), meeting: '' } }
    }
    if (!values.time) return { ok: false, errors: [{ field: 'time', message: 'Select a time, or choose Another time and enter one' }] }
    const slot: Slot | undefined = (await slotsFor(page)).find(s => s.start.toISOString() === values.time)
    if (!slot) return { ok: false, errors: [{ field: 'time', message: 'That time is no longer free. Select another time' }] }
    const minutes = Math.round((+slot.end - +slot.start) / MINUTE)
    return { ok: true, answers: { ...page.answers, start: values.time, meeting: slot.meetingName ?? '', duration: String(minutes) } }
  }

  /** What the check page lists, each with a link to change it. */
  function summary(page: BookingPage) {
    const { view, answers } = page
    const pairId = String(view.pair._id)
    const direction = directionOf(page)
    const me = view.role === 'doctor' ? view.doctor : view.manager
    const partner = me === view.doctor ? view.manager : view.doctor
    const iShadow = (direction === 'doctor-shadows-manager') === (view.role === 'doctor')
    const start = startOf(answers)!
    const minutes = durationOfPage(page)
    const change = (step: Parameters<typeof stepPath>[1], what: string) => ({ href: stepPath(pairId, step, answers), text: 'Change', visuallyHiddenText: what })
    return [
      { key: 'Who shadows whom', value: iShadow ? `You shadow ${partner.name}` : `${partner.name} shadows you`, action: change('direction', 'who shadows whom') },
      { key: 'Activity', value: answers.activity, action: change('activity', 'activity') },
      { key: 'Length', value: durationText(minutes), action: change('duration', 'length') },
      { key: 'Where', value: answers.location, action: change('location', 'where') },
      { key: 'When', value: (answers.meeting ? `At ${answers.meeting}: ` : '') + londonLabel(start, new Date(+start + minutes * MINUTE)), action: change('time', 'when') },
    ]
  }

  return {
    async time(req: Request, res: Response) {
      const page = await pages.pageFor(req, res, 'time')
      if (page) await timePage(res, page)
    },

    async saveTime(req: Request, res: Response) {
      const page = await pages.pageFor(req, res, 'time')
      if (!page) return
      const values = { time: text(req.body, 'time'), ...readTimeFields(req.body) }
      const chosen = await chosenTime(page, values)
      if (!chosen.ok) return timePage(res, page, values, chosen.errors)
      // A time that cannot be booked whatever is ticked is refused here, not after "Send".
      const start = startOf(chosen.answers)!
      const checked = await shadowing.checkProposal(req.user!, String(page.view.pair._id), { direction: directionOf(page), start, durationMinutes: durationOf(chosen.answers)! })
      if (!checked.ok && !checked.needsConfirmation) return timePage(res, page, values, checked.messages.map(message => ({ field: 'time', message })))
      pages.next(res, page, chosen.answers)
    },

    async check(req: Request, res: Response) {
      const page = await pages.pageFor(req, res, 'check')
      if (!page) return
      // Availability problems are shown, with the confirming tick, before the person presses Send.
      const checked = await shadowing.checkProposal(req.user!, String(page.view.pair._id), { direction: directionOf(page), start: startOf(page.answers)!, durationMinutes: durationOfPage(page) })
      const problems = checked.ok ? [] : checked.messages
      pages.render(res, page, { rows: summary(page), problems, askConfirm: problems.length > 0 })
    },

    async send(req: Request, res: Response) {
      const page = await pages.pageFor(req, res, 'check')
      if (!page) return
      const { answers, view } = page
      const direction = answers.direction
      if (!isDirection(direction)) throw new Error('unreachable: the direction was checked')
      const confirmed = text(req.body, 'confirmed') === 'yes'
      const result = await shadowing.propose(req.user!, String(view.pair._id), {
        direction,
        activity: answers.activity,
        ...(answers.meeting ? { meetingName: answers.meeting } : {}),
        location: answers.location,
        start: startOf(answers)!,
        durationMinutes: durationOfPage(page),
        confirmed,
      })
      if (result.ok) {
        const partner = view.role === 'doctor' ? view.manager : view.doctor
        req.session.flash = `Proposal sent to ${partner.name}`
        return res.redirect(303, `/shadowing/${result.sessionId}`)
      }
      if (!result.needsConfirmation) {
        // Refused whatever is ticked: back to the time, with the reasons.
        return timePage(res, { ...page, step: 'time' }, undefined, result.messages.map(message => ({ field: 'time', message })))
      }
      // Asked before and still not ticked: that is a mistake to point at; the first time it is news.
      const errors = text(req.body, 'confirmAsked') === 'yes' ? [{ field: 'confirmed', message: 'Tick the box to confirm you have checked this time with your partner, or change the time' }] : []
      pages.render(res, page, { rows: summary(page), problems: result.messages, askConfirm: true }, formErrors(errors), 400)
    },
  }
}
