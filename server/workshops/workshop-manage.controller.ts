// The lead's page for one session: its details, who holds a place, who has
// been offered one, the waitlist in order, who cancelled; and what the lead
// can do with it: edit, duplicate, cancel, and after it starts, attendance.
import type { Request, Response } from 'express'
import { ATTENDANCE, type Attendance } from '../../models/workshop-registration'
import { ConflictError } from '../errors'
import { sendCsv } from '../http/csv-stream'
import { formErrors, noFormErrors, text, type FormErrors } from '../http/forms'
import type { Services } from '../services'
import { checkReason } from '../shadowing/session.form'
import { registerFileName, writeRegisterCsv } from './register-csv'
import { workshopFor, type WorkshopView } from './workshop-access'
import { ATTENDANCE_WORDS, atText, fullnessText, fullTitle, whenText, whereText, workshopTag } from './workshop-display'
import type { RosterEntry } from './workshops.service'

const sideText = (entry: RosterEntry) => (entry.side ? entry.side[0]!.toUpperCase() + entry.side.slice(1) : '')

export function workshopManageController({ workshops, clock }: Services) {
  async function render(req: Request, res: Response) {
    const view = await workshopFor(req.user!, req.params.workshopId)
    const { workshop, series } = view
    const now = clock.now()
    const roster = await workshops.roster(workshop)
    const counts = { confirmed: roster.confirmed.length, offered: roster.offered.length, waitlisted: roster.waitlisted.length }
    const started = +workshop.start <= +now
    res.render('pages/workshops/workshop-manage', {
      view,
      workshopId: String(workshop._id),
      title: fullTitle(workshop, series.title),
      tag: workshopTag(workshop, now),
      rows: [
        { key: 'Series', value: series.title },
        { key: 'When', value: whenText(workshop) },
        { key: 'Where', value: whereText(workshop) },
        ...(workshop.onlineLink ? [{ key: 'Online link', value: workshop.onlineLink }] : []),
        { key: 'Places', value: fullnessText(workshop, counts) },
        { key: 'Run by', value: workshop.facilitators.join(', ') || 'Not given' },
        { key: 'Pairs attend together', value: series.pairsTogether ? 'Yes' : 'No' },
        ...(workshop.description ? [{ key: 'Description', value: workshop.description }] : []),
        ...(workshop.status === 'cancelled' ? [{ key: 'Cancelled because', value: workshop.cancelReason || 'No reason given' }] : []),
      ],
      can: { change: workshop.status === 'scheduled' && !started, attendance: workshop.status === 'scheduled' && started },
      overCapacity: roster.overCapacity.map(e => e.name),
      confirmed: roster.confirmed.map(e => [
        { text: String(e.registration.placeNumber ?? '') , numeric: true },
        { text: e.name },
        { text: sideText(e) },
        { text: atText(e.registration.confirmedAt) },
        { text: e.registration.attendance ? ATTENDANCE_WORDS[e.registration.attendance] : started ? 'Not marked' : '' },
      ]),
      offered: roster.offered.map(e => [{ text: e.name }, { text: sideText(e) }, { text: atText(e.registration.offerExpiresAt) }]),
      waitlist: roster.waitlisted.map((e, i) => [{ text: String(i + 1), numeric: true }, { text: e.name }, { text: sideText(e) }, { text: atText(e.registration.arrival.getTimestamp()) }]),
      cancelled: roster.cancelled.map(e => `${e.name}${e.registration.cancelReason === 'offer-expired' ? ' (did not confirm an offer in time)' : e.registration.cancelReason === 'offer-declined' ? ' (declined an offer)' : ''}`),
    })
  }

  async function changeable(req: Request): Promise<WorkshopView> {
    const view = await workshopFor(req.user!, req.params.workshopId)
    if (view.workshop.status !== 'scheduled') throw new ConflictError('This workshop has already been cancelled.')
    if (+view.workshop.start <= +clock.now()) throw new ConflictError('This workshop has started, so it can no longer be cancelled.')
    return view
  }

  function renderCancel(res: Response, view: WorkshopView, reason: string, form: FormErrors = noFormErrors, status = 200) {
    res.status(status).render('pages/workshops/workshop-cancel', { workshopId: String(view.workshop._id), title: fullTitle(view.workshop, view.series.title), when: whenText(view.workshop), reason, ...form })
  }

  async function renderAttendance(req: Request, res: Response, values: Record<string, string>, form: FormErrors = noFormErrors, status = 200) {
    const view = await workshopFor(req.user!, req.params.workshopId)
    if (+view.workshop.start > +clock.now()) throw new ConflictError('Attendance can be marked once the workshop has started.')
    const roster = await workshops.roster(view.workshop)
    res.status(status).render('pages/workshops/attendance', {
      workshopId: String(view.workshop._id),
      title: fullTitle(view.workshop, view.series.title),
      when: whenText(view.workshop),
      people: roster.confirmed.map(e => ({ id: e.registrationId, name: e.name, value: values[e.registrationId] ?? e.registration.attendance ?? '' })),
      choices: ATTENDANCE.map(value => ({ value, text: ATTENDANCE_WORDS[value] })),
      ...form,
    })
  }

  return {
    manage: render,

    async cancelForm(req: Request, res: Response) {
      renderCancel(res, await changeable(req), '')
    },

    async cancel(req: Request, res: Response) {
      const view = await changeable(req)
      const reason = checkReason(req.body, { required: true, what: 'cancelling the workshop' })
      if (!reason.ok) return renderCancel(res, view, text(req.body, 'reason'), formErrors(reason.errors), 400)
      await workshops.cancelWorkshop(view.workshop._id, reason.value)
      req.session.flash = 'Workshop cancelled: everyone registered has been sent the cancellation'
      res.redirect(303, `/workshops/${String(view.workshop._id)}/manage`)
    },

    async duplicate(req: Request, res: Response) {
      const view = await workshopFor(req.user!, req.params.workshopId)
      const copy = await workshops.duplicate(view.workshop._id, req.user!.id)
      req.session.flash = 'Copy made, with nobody registered: give it its own date and time'
      res.redirect(303, `/workshops/${String(copy._id)}/edit`)
    },

    /** The register as CSV, streamed. */
    async registerCsv(req: Request, res: Response) {
      const view = await workshopFor(req.user!, req.params.workshopId)
      const title = fullTitle(view.workshop, view.series.title)
      await sendCsv(res, registerFileName(title, view.workshop.start), csv => writeRegisterCsv(csv, view.workshop, title))
    },

    attendanceForm: (req: Request, res: Response) => renderAttendance(req, res, {}),

    async saveAttendance(req: Request, res: Response) {
      const view = await workshopFor(req.user!, req.params.workshopId)
      const body = req.body as Record<string, unknown>
      const marks = new Map<string, Attendance>()
      const values: Record<string, string> = {}
      for (const [key, value] of Object.entries(body ?? {})) {
        const id = /^attendance-([0-9a-f]{24})$/.exec(key)?.[1]
        if (!id || typeof value !== 'string') continue
        values[id] = value
        if ((ATTENDANCE as readonly string[]).includes(value)) marks.set(id, value as Attendance)
      }
      if (!marks.size) return renderAttendance(req, res, values, formErrors([{ field: 'attendance', message: 'Mark at least one person as attended, absent or sent apologies' }]), 400)
      await workshops.saveAttendance(view.workshop, marks)
      req.session.flash = 'Attendance saved'
      res.redirect(303, `/workshops/${String(view.workshop._id)}/manage`)
    },
  }
}
