// /shadowing/:sessionId/reschedule and /cancel — either partner moves or
// cancels a confirmed session that has not finished, giving a reason; both get
// the calendar update or cancellation.
import type { Request, Response } from 'express'
import { ConflictError, ForbiddenError, type FieldError } from '../errors'
import { formErrors, noFormErrors, text, type FormErrors } from '../http/forms'
import { londonLabel } from '../scheduling/london-time'
import type { Services } from '../services'
import { checkLocation } from './booking.form'
import type { SessionView } from './session-access'
import { lengthText, whenText } from './session-display'
import { checkReason } from './session.form'
import { DURATIONS, durationText, MINUTE, parseLondonTime, readTimeFields, timeFieldsOf, type TimeFields } from './time.form'

type RescheduleValues = TimeFields & { duration: string; location: string; reason: string }

export function sessionChangeController({ shadowing, clock }: Services) {
  /** The session, for a partner, while it can still be moved or cancelled. */
  async function changeable(req: Request): Promise<SessionView> {
    const view = await shadowing.sessionFor(req.user!, req.params.sessionId)
    if (view.role === 'lead') throw new ForbiddenError('Only the two partners can move or cancel their shadowing')
    const { session } = view
    if (session.status !== 'confirmed' || +session.end <= +clock.now()) throw new ConflictError('Only a confirmed session that has not finished can be moved or cancelled.')
    return view
  }

  const partnerOf = (view: SessionView) => (view.role === 'doctor' ? view.manager : view.doctor)
  const minutesOf = (view: SessionView) => Math.round((+view.session.end - +view.session.start) / MINUTE)

  /** The usual lengths, and the session's own when it is another (a long meeting). */
  function durationsFor(view: SessionView) {
    const own = minutesOf(view)
    return DURATIONS.some(d => d.minutes === own) ? DURATIONS : [...DURATIONS, { minutes: own, text: durationText(own) }].sort((a, b) => a.minutes - b.minutes)
  }

  function renderReschedule(res: Response, view: SessionView, values: RescheduleValues, form: FormErrors = noFormErrors, extra: { problems: string[]; askConfirm: boolean } = { problems: [], askConfirm: false }, status = 200) {
    res.status(status).render('pages/shadowing/reschedule', {
      view,
      sessionId: String(view.session._id),
      partner: partnerOf(view),
      when: whenText(view.session),
      length: lengthText(view.session),
      durations: durationsFor(view).map(d => ({ value: String(d.minutes), text: d.text })),
      values,
      ...extra,
      ...form,
    })
  }

  function readReschedule(body: unknown): RescheduleValues {
    return { ...readTimeFields(body), duration: text(body, 'duration'), location: text(body, 'location'), reason: text(body, 'reason') }
  }

  function renderCancel(res: Response, view: SessionView, reason: string, form: FormErrors = noFormErrors, status = 200) {
    res.status(status).render('pages/shadowing/cancel', { view, sessionId: String(view.session._id), partner: partnerOf(view), when: whenText(view.session), reason, ...form })
  }

  return {
    async rescheduleForm(req: Request, res: Response) {
      const view = await changeable(req)
      renderReschedule(res, view, { ...timeFieldsOf(view.session.start), duration: String(minutesOf(view)), location: view.session.location, reason: '' })
    },

    async reschedule(req: Request, res: Response) {
      const view = await changeable(req)
      const values = readReschedule(req.body)
      const errors: FieldError[] = []
      const time = parseLondonTime(values)
      if (!time.ok) errors.push(...time.errors)
      const minutes = Number(values.duration)
      if (!durationsFor(view).some(d => d.minutes === minutes)) errors.push({ field: 'duration', message: 'Select how long the session will last' })
      const location = checkLocation(req.body)
      if (!location.ok) errors.push(...location.errors)
      const reason = checkReason(req.body, { required: true, what: 'moving the session' })
      if (!reason.ok) errors.push(...reason.errors)
      if (!time.ok || !location.ok || !reason.ok || errors.length) return renderReschedule(res, view, values, formErrors(errors), undefined, 400)

      const confirmed = text(req.body, 'confirmed') === 'yes'
      const result = await shadowing.reschedule(req.user!, String(view.session._id), { start: time.start, durationMinutes: minutes, location: location.value, confirmed, reason: reason.value })
      if (result.ok) {
        req.session.flash = `Session moved to ${londonLabel(time.start, new Date(+time.start + minutes * MINUTE))}: ${partnerOf(view).name} has been sent the updated invitation`
        return res.redirect(303, `/shadowing/${String(view.session._id)}`)
      }
      if (!result.needsConfirmation) return renderReschedule(res, view, values, formErrors(result.messages.map(message => ({ field: 'date-day', message }))), undefined, 400)
      const unticked = text(req.body, 'confirmAsked') === 'yes' ? [{ field: 'confirmed', message: 'Tick the box to confirm you have checked this time with your partner, or change the time' }] : []
      renderReschedule(res, view, values, formErrors(unticked), { problems: result.messages, askConfirm: true }, 400)
    },

    async cancelForm(req: Request, res: Response) {
      renderCancel(res, await changeable(req), '')
    },

    async cancel(req: Request, res: Response) {
      const view = await changeable(req)
      const reason = checkReason(req.body, { required: true, what: 'cancelling' })
      if (!reason.ok) return renderCancel(res, view, text(req.body, 'reason'), formErrors(reason.errors), 400)
      await shadowing.cancel(req.user!, String(view.session._id), reason.value, 'confirmed')
      req.session.flash = `Session cancelled: ${partnerOf(view).name} has been sent the cancellation`
      res.redirect(303, `/shadowing/${String(view.session._id)}`)
    },
  }
}
