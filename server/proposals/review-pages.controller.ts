// …/proposals/:number/doctors/:doctorId and …/managers/:managerId — one person in a
// proposal: their pair's score criterion by criterion, their top three alternatives
// with what each swap would do to the total, "why not X?", and the lead's actions
// (lock, unlock, forbid, swap), which post back here.
import type { Request, Response } from 'express'
import type { CohortDocument } from '../../models/cohort'
import type { ProposalDocument } from '../../models/proposal'
import { CRITERION_NAMES } from '../cohorts/criterion-names'
import { NotFoundError, ValidationError } from '../errors'
import { formErrors, noFormErrors, text, type FormErrors } from '../http/forms'
import type { Services } from '../services'
import { loadMatchingInput } from './matching-input'
import { proposalSettings } from './proposal-edits.service'
import { doctorAlternatives, managerAlternatives, pairScorer, type WhyNot } from './review'
import { idParam, optionalIdParam } from '../http/id-param'
import { runInWorker } from './run-in-worker'

const basePath = (cohort: CohortDocument, proposal: ProposalDocument) => `/cohorts/${String(cohort._id)}/matching/proposals/${proposal.number}`

export function reviewPagesController({ cohorts, proposals, proposalEdits }: Services) {
  async function load(req: Request) {
    const cohort = await cohorts.get(req.params.cohortId)
    const proposal = await proposals.get(cohort._id, req.params.number)
    const latest = await proposals.latest(cohort._id)
    const editable = proposal.status === 'ready' && latest?.number === proposal.number
    return { cohort, proposal, editable, base: basePath(cohort, proposal) }
  }

  async function reviewInput(cohort: CohortDocument, proposal: ProposalDocument) {
    const input = await loadMatchingInput(cohort, proposal.mode, proposalSettings(proposal))
    const excluded = new Set(input.exclusions.map(([d, m]) => `${d}:${m}`))
    const score = pairScorer(input.doctors, input.managers, input.settings, excluded)
    const pairs = proposal.pairs.map(p => ({ doctorId: String(p.doctorId), managerId: String(p.managerId) }))
    return { input, score, pairs }
  }

  async function renderDoctor(req: Request, res: Response, form: FormErrors = noFormErrors, values: Record<string, string> = {}, status = 200) {
    const { cohort, proposal, editable, base } = await load(req)
    const doctorId = idParam(req.params.doctorId)
    const { input, score, pairs } = await reviewInput(cohort, proposal)
    if (!input.doctors.some(d => d.id === doctorId)) throw new NotFoundError()
    const pair = proposal.pairs.find(p => String(p.doctorId) === doctorId)
    const unmatched = proposal.unmatched.find(u => String(u.doctorId) === doctorId)
    const alternatives = doctorAlternatives(doctorId, input.managers, pairs, score)
    const askedAbout = optionalIdParam(req.query.managerId)
    let whyNot: WhyNot | undefined
    if (askedAbout && proposal.mode === 'optimal' && input.managers.some(m => m.id === askedAbout))
      whyNot = await runInWorker({ kind: 'why-not', input, doctorId, managerId: askedAbout })
    const names = await proposals.names([doctorId, ...input.managers.map(m => m.id), ...pairs.map(p => p.doctorId)])
    res.status(status).render('pages/proposals/review-doctor', {
      cohort,
      proposal,
      editable,
      base,
      doctorId,
      pair,
      unmatched,
      alternatives,
      names,
      managers: input.managers.map(m => ({ value: m.id, text: names.get(m.id) ?? m.id })).sort((a, b) => a.text.localeCompare(b.text)),
      askedAbout,
      whyNot,
      values,
      criterionNames: CRITERION_NAMES,
      ...form,
    })
  }

  async function renderManager(req: Request, res: Response) {
    const { cohort, proposal, editable, base } = await load(req)
    const managerId = idParam(req.params.managerId)
    const { input, score, pairs } = await reviewInput(cohort, proposal)
    const manager = input.managers.find(m => m.id === managerId)
    if (!manager) throw new NotFoundError()
    const theirs = proposal.pairs.filter(p => String(p.managerId) === managerId)
    const alternatives = managerAlternatives(manager, input.doctors, pairs, score)
    const names = await proposals.names([managerId, ...input.doctors.map(d => d.id), ...pairs.map(p => p.managerId)])
    res.render('pages/proposals/review-manager', { cohort, proposal, editable, base, managerId, capacity: manager.capacity, theirs, alternatives, names, criterionNames: CRITERION_NAMES })
  }

  /** Back to the page the action was taken on: only a path under this proposal. */
  const back = (req: Request, base: string) => {
    const to = text(req.body, 'returnTo')
    return to.startsWith(`${base}/`) && !to.includes('//') && !to.includes('\\') ? to : base
  }

  return {
    doctor: (req: Request, res: Response) => renderDoctor(req, res),
    manager: renderManager,

    async lock(req: Request, res: Response) {
      const { proposal, base } = await load(req)
      await proposalEdits.lock(proposal, idParam(text(req.body, 'doctorId')), req.user!.id)
      req.session.flash = 'Pair locked: running matching again will keep it'
      res.redirect(303, back(req, base))
    },

    async unlock(req: Request, res: Response) {
      const { proposal, base } = await load(req)
      await proposalEdits.unlock(proposal, idParam(text(req.body, 'doctorId')))
      req.session.flash = 'Pair unlocked'
      res.redirect(303, back(req, base))
    },

    async forbid(req: Request, res: Response) {
      const { proposal, base } = await load(req)
      const doctorId = idParam(text(req.body, 'doctorId'))
      const managerId = idParam(text(req.body, 'managerId'))
      try {
        await proposalEdits.forbid(proposal, doctorId, managerId, text(req.body, 'reason'), req.user!.id)
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        req.params.doctorId = doctorId
        return renderDoctor(req, res, formErrors(error.errors), { reason: text(req.body, 'reason') }, 400)
      }
      req.session.flash = 'Pair forbidden: they will never be matched in this cohort (see exclusions)'
      res.redirect(303, back(req, base))
    },

    async swap(req: Request, res: Response) {
      const { cohort, proposal, base } = await load(req)
      const option = await proposalEdits.swap(
        cohort,
        proposal,
        idParam(text(req.body, 'doctorId')),
        { otherDoctorId: optionalIdParam(text(req.body, 'otherDoctorId')), managerId: optionalIdParam(text(req.body, 'managerId')) },
        req.user!.id,
      )
      const change = option.change === 0 ? 'no change to the total' : `total ${option.change > 0 ? '+' : '−'}${Math.abs(option.change)} points`
      req.session.flash = `Swapped (${change}); the new pairs are locked`
      res.redirect(303, back(req, base))
    },
  }
}
