// The lead's pages for a cohort's workshop series: the list, a new series,
// editing one, and a series with its sessions.
import type { Request, Response } from 'express'
import { formErrors, noFormErrors, type FormErrors } from '../http/forms'
import type { Services } from '../services'
import { seriesForLead } from './workshop-access'
import { fullnessText, sessionTitle, whenText, whereText, workshopTag } from './workshop-display'
import { checkSeries, readSeries, seriesValuesOf, type SeriesValues } from './workshop.form'

export function seriesController({ cohorts, workshops, clock }: Services) {
  async function renderForm(req: Request, res: Response, values: SeriesValues, form: FormErrors = noFormErrors, status = 200) {
    const editing = req.params.seriesId ? await seriesForLead(req.params.seriesId) : undefined
    const cohort = editing?.cohort ?? (await cohorts.get(req.params.cohortId))
    res.status(status).render('pages/workshops/series-form', {
      cohort,
      seriesId: editing ? String(editing.series._id) : undefined,
      values,
      ...form,
    })
  }

  async function renderInvite(res: Response, seriesId: unknown) {
    const { series, cohort } = await seriesForLead(seriesId)
    const invitation = await workshops.cohortInvitation(series)
    res.render('pages/workshops/series-invite', {
      series,
      seriesId: String(series._id),
      cohort,
      toInvite: invitation.toInvite.length,
      alreadyInvited: invitation.alreadyInvited,
      notSignedUp: invitation.notSignedUp,
      sessions: invitation.sessions.map(w => ({ title: sessionTitle(w), when: whenText(w), where: whereText(w) })),
    })
  }

  return {
    inviteForm: (req: Request, res: Response) => renderInvite(res, req.params.seriesId),

    async invite(req: Request, res: Response) {
      const { series, cohort } = await seriesForLead(req.params.seriesId)
      const sent = await workshops.inviteCohort(series, cohort.name)
      req.session.flash = sent ? `Invitations sent to ${sent} ${sent === 1 ? 'person' : 'people'}` : 'Everyone who can sign in has already been invited to this series'
      res.redirect(303, `/workshop-series/${String(series._id)}`)
    },

    async list(req: Request, res: Response) {
      const cohort = await cohorts.get(req.params.cohortId)
      const series = await workshops.seriesOfCohort(cohort._id)
      res.render('pages/workshops/series-list', { cohort, series: series.map(s => ({ ...s, id: String(s.series._id) })) })
    },

    newForm: (req: Request, res: Response) => renderForm(req, res, { title: '', description: '', pairsTogether: '' }),

    async create(req: Request, res: Response) {
      const cohort = await cohorts.get(req.params.cohortId)
      const values = readSeries(req.body)
      const checked = checkSeries(values)
      if (!checked.ok) return renderForm(req, res, values, formErrors(checked.errors), 400)
      const series = await workshops.createSeries(cohort._id, checked.value, req.user!.id)
      req.session.flash = `Series created: now add its sessions`
      res.redirect(303, `/workshop-series/${String(series._id)}`)
    },

    async editForm(req: Request, res: Response) {
      const { series } = await seriesForLead(req.params.seriesId)
      await renderForm(req, res, seriesValuesOf(series))
    },

    async update(req: Request, res: Response) {
      const { series } = await seriesForLead(req.params.seriesId)
      const values = readSeries(req.body)
      const checked = checkSeries(values)
      if (!checked.ok) return renderForm(req, res, values, formErrors(checked.errors), 400)
      await workshops.updateSeries(series._id, checked.value)
      req.session.flash = 'Series saved'
      res.redirect(303, `/workshop-series/${String(series._id)}`)
    },

    async show(req: Request, res: Response) {
      const { series, cohort } = await seriesForLead(req.params.seriesId)
      const now = clock.now()
      const sessions = await workshops.sessionsOf(series._id)
      const invitation = await workshops.cohortInvitation(series)
      res.render('pages/workshops/series', {
        series,
        seriesId: String(series._id),
        cohort,
        invited: invitation.alreadyInvited,
        sessions: sessions.map(({ workshop, counts }) => ({
          id: String(workshop._id),
          title: sessionTitle(workshop),
          when: whenText(workshop),
          where: whereText(workshop),
          fullness: workshop.status === 'cancelled' ? 'Cancelled' : fullnessText(workshop, counts),
          tag: workshopTag(workshop, now),
        })),
      })
    },
  }
}
