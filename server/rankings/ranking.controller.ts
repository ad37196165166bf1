// /cohorts/:cohortId/ranking — a doctor or manager ranks up to five of their top
// candidates, best first.
import type { Request, Response } from 'express'
import { RANKING_LENGTH } from '../../models/ranking'
import { ValidationError } from '../errors'
import { formErrors, noFormErrors, type FormErrors } from '../http/forms'
import { ordinal } from '../matching/explain'
import type { Services } from '../services'
import { gapErrors, rankedIds, readChoices } from './ranking.form'
import { choiceField, rankingsOpen } from './rankings.service'

export function rankingController({ cohorts, rankings }: Services) {
  async function render(req: Request, res: Response, choices?: string[], form: FormErrors = noFormErrors, status = 200) {
    const cohort = await cohorts.get(req.params.cohortId)
    const userId = req.user!.id
    const side = await rankings.sideOf(cohort._id, userId)
    const open = rankingsOpen(cohort)
    const saved = await rankings.get(cohort._id, userId)
    res.status(status).render('pages/rankings/ranking', {
      cohort,
      side,
      open,
      candidates: open ? await rankings.candidatesFor(cohort._id, userId) : [],
      ranked: open ? [] : (await rankings.describe(cohort._id, userId)).ranked,
      choices: choices ?? Array.from({ length: RANKING_LENGTH }, (_, i) => saved[i] ?? ''),
      places: Array.from({ length: RANKING_LENGTH }, (_, i) => ({ id: choiceField(i + 1), label: `${ordinal(i + 1)} choice` })),
      ordinal,
      ...form,
    })
  }

  return {
    get: (req: Request, res: Response) => render(req, res),

    async post(req: Request, res: Response) {
      const cohort = await cohorts.get(req.params.cohortId)
      const choices = readChoices(req.body)
      // A closed cohort refuses any change (in save), whatever the form holds.
      const gaps = rankingsOpen(cohort) ? gapErrors(choices) : []
      if (gaps.length) return render(req, res, choices, formErrors(gaps), 400)
      try {
        await rankings.save(cohort._id, req.user!.id, rankedIds(choices))
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        return render(req, res, choices, formErrors(error.errors), 400)
      }
      req.session.flash = 'Your ranking has been saved'
      res.redirect(303, `/cohorts/${String(cohort._id)}/ranking`)
    },
  }
}
