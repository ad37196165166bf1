// /cohorts/:cohortId/matching/proposals/:number — one proposal: progress while the
// worker runs; then the pairs with their scores explained, who is left unmatched and
// why, and how it differs from the proposal before; and publishing it.
import type { Request, Response } from 'express'
import type { ProposalDocument } from '../../models/proposal'
import { CRITERION_NAMES } from '../cohorts/criterion-names'
import type { Services } from '../services'
import { compareProposals } from './proposals.service'

export function proposalPageController({ cohorts, proposals, proposalEdits }: Services) {
  const load = async (req: Request) => {
    const cohort = await cohorts.get(req.params.cohortId)
    const proposal = await proposals.get(cohort._id, req.params.number)
    return { cohort, proposal }
  }

  async function view(proposal: ProposalDocument) {
    const previous = await proposals.previous(proposal)
    const comparison = previous && proposal.status !== 'running' ? compareProposals(proposal, previous) : undefined
    const names = await proposals.names([
      ...(proposal.error?.match(/[0-9a-f]{24}/g) ?? []),
      ...proposal.pairs.flatMap(p => [p.doctorId, p.managerId]),
      ...proposal.unmatched.map(u => u.doctorId),
      ...proposal.blocking.flatMap(b => [b.doctorId!, b.managerId!]),
      ...(comparison?.changed.flatMap(c => [c.doctorId, c.before ?? '', c.after ?? '']) ?? []),
    ])
    const latest = await proposals.latest(proposal.cohortId)
    // The stable-mode check names people by id; the lead reads names.
    const named = (sentence: string) => sentence.replace(/[0-9a-f]{24}/g, id => names.get(id) ?? 'someone')
    return {
      names,
      comparison,
      isLatest: latest?.number === proposal.number,
      stale: proposals.isStale(proposal),
      blocking: proposal.blocking.map(b => named(b.explanation ?? '')),
      error: named(proposal.error ?? ''),
    }
  }

  return {
    async get(req: Request, res: Response) {
      const { cohort, proposal } = await load(req)
      res.render('pages/proposals/proposal', { cohort, proposal, criterionNames: CRITERION_NAMES, ...(await view(proposal)) })
    },

    /** For the page's small polling script: no personal data, just how far the run has got. */
    async status(req: Request, res: Response) {
      const { proposal } = await load(req)
      res.json({ status: proposals.isStale(proposal) ? 'failed' : proposal.status, stage: proposal.progress?.stage, percent: proposal.progress?.percent })
    },

    async confirmPublish(req: Request, res: Response) {
      const { cohort, proposal } = await load(req)
      res.render('pages/proposals/publish', { cohort, proposal })
    },

    async publish(req: Request, res: Response) {
      const { cohort, proposal } = await load(req)
      const result = await proposalEdits.publish(cohort, proposal, req.user!.id)
      req.session.flash =
        `${result.published} ${result.published === 1 ? 'pair' : 'pairs'} published and introduced by email` +
        (result.refused.length ? `; ${result.refused.length} could not be published (see proposal ${proposal.number})` : '')
      res.redirect(303, `/cohorts/${String(cohort._id)}/pairs`)
    },
  }
}
