// The lead adds a session to a series, and edits one. Saving a new time or
// place sends everyone with a place an update; a capacity below the places
// held asks the lead who moves to the waitlist (or to keep that many places)
// and moves nobody until they choose.
import type { Request, Response } from 'express'
import { ConflictError } from '../errors'
import { formErrors, noFormErrors, text, type FormErrors } from '../http/forms'
import type { Services } from '../services'
import { seriesForLead, workshopFor } from './workshop-access'
import { fullTitle } from './workshop-display'
import { checkWorkshop, readWorkshop, workshopValuesOf, type WorkshopValues } from './workshop.form'
import type { RosterEntry } from './workshops.service'

type CapacityQuestion = { holders: RosterEntry[]; excess: number; choice: string; move: string[] }

const emptyValues = (): WorkshopValues => ({ title: '', moduleNumber: '', description: '', date: { day: '', month: '', year: '' }, startTime: '', endTime: '', where: '', room: '', site: '', onlineLink: '', capacity: '', facilitators: '' })

/** Ticked boxes come as one string or several. */
function ticked(body: unknown, name: string): string[] {
  const value = (body as Record<string, unknown> | undefined)?.[name]
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string')
}

export function workshopFormController({ workshops, clock }: Services) {
  async function renderNew(req: Request, res: Response, values: WorkshopValues, form: FormErrors = noFormErrors, status = 200) {
    const { series, cohort } = await seriesForLead(req.params.seriesId)
    res.status(status).render('pages/workshops/workshop-form', { series, cohort, values, sites: cohort.sites, action: `/workshop-series/${String(series._id)}/sessions/new`, back: `/workshop-series/${String(series._id)}`, editing: false, ...form })
  }

  async function renderEdit(req: Request, res: Response, values: WorkshopValues, form: FormErrors = noFormErrors, status = 200, capacity?: CapacityQuestion) {
    const view = await workshopFor(req.user!, req.params.workshopId)
    const id = String(view.workshop._id)
    res.status(status).render('pages/workshops/workshop-form', {
      series: view.series,
      cohort: view.cohort,
      values,
      sites: view.cohort.sites,
      action: `/workshops/${id}/edit`,
      back: `/workshops/${id}/manage`,
      editing: true,
      heading: fullTitle(view.workshop, view.series.title),
      capacity,
      ...form,
    })
  }

  async function editable(req: Request) {
    const view = await workshopFor(req.user!, req.params.workshopId)
    if (view.workshop.status !== 'scheduled') throw new ConflictError('A cancelled workshop cannot be changed.')
    return view
  }

  return {
    newForm: (req: Request, res: Response) => renderNew(req, res, emptyValues()),

    async create(req: Request, res: Response) {
      const { series } = await seriesForLead(req.params.seriesId)
      const values = readWorkshop(req.body)
      const checked = checkWorkshop(values, { now: clock.now() })
      if (!checked.ok) return renderNew(req, res, values, formErrors(checked.errors), 400)
      const workshop = await workshops.createWorkshop(series, checked.value, req.user!.id)
      req.session.flash = `Session added: ${fullTitle(workshop, series.title)}`
      res.redirect(303, `/workshops/${String(workshop._id)}/manage`)
    },

    async editForm(req: Request, res: Response) {
      const { workshop } = await editable(req)
      const holders = await workshops.holders(workshop)
      // Already above the capacity (a registration that crossed a lowered capacity): ask at once.
      const question = holders.length > workshop.capacity ? { holders, excess: holders.length - workshop.capacity, choice: '', move: [] } : undefined
      await renderEdit(req, res, workshopValuesOf(workshop), noFormErrors, 200, question)
    },

    async update(req: Request, res: Response) {
      const { workshop } = await editable(req)
      const values = readWorkshop(req.body)
      const checked = checkWorkshop(values, { now: clock.now(), unchangedTime: workshop })
      if (!checked.ok) return renderEdit(req, res, values, formErrors(checked.errors), 400)
      const choice = text(req.body, 'capacityChoice')
      const move = ticked(req.body, 'moveToWaitlist')
      const answered = choice === 'keep' || choice === 'move'
      const outcome = await workshops.updateWorkshop(workshop._id, checked.value, answered ? { keep: choice === 'keep', move } : undefined)
      if (!outcome.ok) {
        const asked = text(req.body, 'capacityAsked') === 'yes'
        const problem = outcome.problem ?? (asked ? 'Choose who moves to the waitlist, or keep the places' : `${outcome.holders.length} people hold places: choose who moves to the waitlist, or keep ${outcome.holders.length} places`)
        return renderEdit(req, res, values, formErrors([{ field: 'capacityChoice', message: problem }]), 400, { holders: outcome.holders, excess: outcome.excess, choice, move })
      }
      const said = [outcome.calendarsUpdated ? 'everyone with a place has been sent the update' : '', outcome.moved ? `${outcome.moved} moved to the waitlist and told` : ''].filter(Boolean)
      req.session.flash = `Workshop saved${said.length ? `: ${said.join('; ')}` : ''}`
      res.redirect(303, `/workshops/${String(workshop._id)}/manage`)
    },
  }
}
