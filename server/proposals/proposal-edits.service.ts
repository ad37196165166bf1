// What the lead changes in a proposal before publishing: lock a pair (every later
// run keeps it), forbid a pair (an exclusion from now on), swap two doctors between
// managers, and publish. Only the newest proposal, once finished, can be changed:
// an older one is a record of what matching proposed then.
//
// A swap makes pairs the optimum did not choose, so both new pairs are locked:
// otherwise running matching again would simply undo the lead's decision.
import type { Types } from 'mongoose'
import type { CohortDocument } from '../../models/cohort'
import { Exclusion } from '../../models/exclusion'
import { MatchingLock } from '../../models/matching-lock'
import { Proposal, type ProposalDocument } from '../../models/proposal'
import type { Clock } from '../clock'
import { claimOnce } from '../db/claims'
import { isDuplicateKeyError } from '../db/duplicate-key'
import { ConflictError, NotFoundError, ValidationError } from '../errors'
import type { PairsService } from '../pairs/pairs.service'
import { byId } from '../matching/assignment'
import { CRITERIA, type Contribution, type Criterion, type ScoringSettings, type Weights } from '../matching/scoring'
import { loadMatchingInput } from './matching-input'
import { latestProposal } from './proposals.service'
import { pairScorer, swapOption, type Position } from './review'

type StoredPair = ProposalDocument['pairs'][number]

export type ProposalEditsService = ReturnType<typeof createProposalEditsService>

export function createProposalEditsService(deps: { pairs: PairsService; clock: Clock }) {
  async function assertEditable(proposal: ProposalDocument) {
    if (proposal.status !== 'ready') throw new ConflictError(proposal.status === 'published' ? 'This proposal has been published and can no longer be changed.' : 'This proposal is not ready to change.')
    const newest = await latestProposal(proposal.cohortId)
    if (newest && newest.number !== proposal.number) throw new ConflictError(`Matching has been run again since: change proposal ${newest.number} instead.`)
  }

  const pairOf = (proposal: ProposalDocument, doctorId: string) => proposal.pairs.find(p => String(p.doctorId) === doctorId)

  async function saveLock(cohortId: Types.ObjectId, doctorId: string, managerId: string, by: string) {
    await MatchingLock.deleteMany({ cohortId, doctorId })
    try {
      await MatchingLock.create({ cohortId, doctorId, managerId, lockedBy: by })
    } catch (error) {
      // Someone locked this doctor at the same instant: theirs stands.
      if (!isDuplicateKeyError(error)) throw error
    }
  }

  return {
    async lock(proposal: ProposalDocument, doctorId: string, by: string) {
      await assertEditable(proposal)
      const pair = pairOf(proposal, doctorId)
      if (!pair) throw new NotFoundError('That doctor has no pair in this proposal')
      await saveLock(proposal.cohortId, doctorId, String(pair.managerId), by)
      pair.locked = true
      await proposal.save()
    },

    async unlock(proposal: ProposalDocument, doctorId: string) {
      await assertEditable(proposal)
      const pair = pairOf(proposal, doctorId)
      if (!pair) throw new NotFoundError('That doctor has no pair in this proposal')
      await MatchingLock.deleteMany({ cohortId: proposal.cohortId, doctorId })
      pair.locked = false
      await proposal.save()
    },

    /** Never pair these two again in this cohort; if the proposal pairs them, the doctor is left unmatched until the next run. */
    async forbid(proposal: ProposalDocument, doctorId: string, managerId: string, reason: string, by: string) {
      await assertEditable(proposal)
      if (!reason) throw new ValidationError([{ field: 'reason', message: 'Enter why this pair must never be matched' }])
      if (reason.length > 200) throw new ValidationError([{ field: 'reason', message: 'Reason must be 200 characters or fewer' }])
      try {
        await Exclusion.create({ cohortId: proposal.cohortId, doctorId, managerId, reason, createdBy: by })
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error
      }
      await MatchingLock.deleteMany({ cohortId: proposal.cohortId, doctorId, managerId })
      const pair = pairOf(proposal, doctorId)
      if (pair && String(pair.managerId) === managerId) {
        proposal.pairs.pull(pair)
        proposal.unmatched.push({ doctorId, reason: 'forbidden', explanation: 'the lead forbade the proposed pair; run matching again to pair them' })
        recount(proposal)
        await proposal.save()
      }
    },

    /**
     * Exchanges two doctors' managers (either may have none, or `otherDoctorId` may be
     * absent for a free place of `managerId`), and locks the new pairs.
     */
    async swap(cohort: CohortDocument, proposal: ProposalDocument, doctorId: string, target: { otherDoctorId?: string; managerId?: string }, by: string) {
      await assertEditable(proposal)
      const input = await loadMatchingInput(cohort, proposal.mode)
      const ownPair = pairOf(proposal, doctorId)
      const a: Position = { doctorId, managerId: ownPair ? String(ownPair.managerId) : undefined }
      const otherPair = target.otherDoctorId ? pairOf(proposal, target.otherDoctorId) : undefined
      const b: Position = { doctorId: target.otherDoctorId, managerId: otherPair ? String(otherPair.managerId) : target.managerId }
      if (!input.doctors.some(d => d.id === doctorId) || (b.doctorId && !input.doctors.some(d => d.id === b.doctorId))) throw new NotFoundError('That doctor is not free to pair in this cohort')
      if (!b.managerId && !a.managerId) throw new ConflictError('Neither doctor has a manager to swap')
      if (a.managerId === b.managerId) throw new ConflictError('Both doctors already have the same manager')
      if (!b.doctorId) {
        const manager = input.managers.find(m => m.id === b.managerId)
        const holders = proposal.pairs.filter(p => String(p.managerId) === b.managerId).length
        if (!manager || holders >= manager.capacity) throw new ConflictError('That manager has no free place in this proposal')
      }
      const excluded = new Set(input.exclusions.map(([d, m]) => `${d}:${m}`))
      const score = pairScorer(input.doctors, input.managers, proposalSettings(proposal), excluded)
      const option = swapOption(score, a, b)
      if (option.refused) throw new ConflictError(`This swap cannot be made: ${option.refused}.`)

      const moves: [string | undefined, string | undefined][] = [
        [a.doctorId, b.managerId],
        [b.doctorId, a.managerId],
      ]
      for (const [d] of moves) {
        if (!d) continue
        const old = pairOf(proposal, d)
        if (old) proposal.pairs.pull(old)
        await MatchingLock.deleteMany({ cohortId: proposal.cohortId, doctorId: d })
      }
      for (const [d, m] of moves) {
        if (!d) continue
        const unmatchedEntry = proposal.unmatched.find(u => String(u.doctorId) === d)
        if (unmatchedEntry) proposal.unmatched.pull(unmatchedEntry)
        if (!m) {
          proposal.unmatched.push({ doctorId: d, reason: 'swapped-out', explanation: 'the lead gave their manager to another doctor' })
          continue
        }
        const s = score(d, m)!
        proposal.pairs.push({ doctorId: d, managerId: m, score: s.total, contributions: s.contributions.map((c: Contribution) => ({ ...c })), locked: true, ...(s.eligible ? {} : { ineligibleReason: s.ineligibleReason }) })
        await saveLock(proposal.cohortId, d, m, by)
      }
      proposal.pairs.sort((x: StoredPair, y: StoredPair) => byId(String(x.doctorId), String(y.doctorId)))
      recount(proposal)
      await proposal.save()
      return option
    },

    /** Publishes the proposal's pairs once, however often the button is pressed. */
    async publish(cohort: CohortDocument, proposal: ProposalDocument, by: string) {
      await assertEditable(proposal)
      if (!(await claimOnce(`publish-proposal:${String(proposal._id)}`))) throw new ConflictError('This proposal is already being published.')
      const result = await deps.pairs.publish(
        cohort,
        proposal.pairs.map(p => ({ doctorId: p.doctorId, managerId: p.managerId, score: p.score, contributions: p.contributions.map(c => ({ criterion: c.criterion ?? '', points: c.points ?? 0, explanation: c.explanation ?? '' })) })),
        by,
      )
      await Proposal.updateOne({ _id: proposal._id }, { $set: { status: 'published', publishedAt: deps.clock.now(), publishedBy: by, published: result.published, refused: result.refused } })
      // Published pairs are left alone by later runs, so their locks have done their work.
      await MatchingLock.deleteMany({ cohortId: cohort._id, doctorId: { $in: proposal.pairs.map(p => p.doctorId) } })
      return result
    },
  }
}

function recount(proposal: ProposalDocument) {
  proposal.matched = proposal.pairs.length
  proposal.total = proposal.pairs.reduce((s, p) => s + p.score, 0)
  proposal.edited = true
}

/** The scoring settings a proposal was made with (stored with it), for scoring alternatives the same way. */
export function proposalSettings(proposal: Pick<ProposalDocument, 'weights' | 'required'>): ScoringSettings {
  // Plain copies: Mongoose arrays cannot be sent to a worker thread.
  const stored = proposal.weights as Partial<Weights>
  const weights = Object.fromEntries(CRITERIA.map(c => [c, Number(stored[c] ?? 0)])) as Weights
  return { weights, required: proposal.required.filter((c): c is Criterion => (CRITERIA as readonly string[]).includes(c)) }
}
