// Proposals: running matching for a cohort off the request thread, reading the
// results back, and comparing a proposal with the one before it.
//
// "Run matching" writes a numbered proposal marked running and returns at once; a
// worker thread does the work and the proposal is filled in when it finishes. The
// job lives in the process that started it: if that process stops, the proposal
// would stay "running", so one older than STALE_AFTER_MS is shown as interrupted.
import { Types } from 'mongoose'
import type { CohortDocument } from '../../models/cohort'
import { Proposal, type ProposalDocument, type ProposalMode } from '../../models/proposal'
import { User } from '../../models/user'
import type { Clock } from '../clock'
import { isDuplicateKeyError } from '../db/duplicate-key'
import { ConflictError, NotFoundError } from '../errors'
import type { Logger } from '../logger'
import type { MatchingJobResult } from './matching-job'
import { loadMatchingInput } from './matching-input'
import { runInWorker } from './run-in-worker'

export const STALE_AFTER_MS = 10 * 60_000

/** The newest proposal of a cohort, which alone may be changed or published. */
export const latestProposal = (cohortId: Types.ObjectId) => Proposal.findOne({ cohortId }, { number: 1, status: 1 }).sort({ number: -1 }).lean()

export type ProposalsService = ReturnType<typeof createProposalsService>

export function createProposalsService(deps: { clock: Clock; logger: Logger }) {
  const inFlight = new Set<Promise<void>>()

  /** Writes the worker's progress in order, so a late progress write never overwrites the result. */
  function writer(id: Types.ObjectId) {
    let chain = Promise.resolve()
    let lastProgressAt = 0
    return {
      progress(stage: string, percent: number) {
        if (Date.now() - lastProgressAt < 250) return
        lastProgressAt = Date.now()
        chain = chain.then(() => Proposal.updateOne({ _id: id, status: 'running' }, { $set: { progress: { stage, percent } } }).then(() => undefined))
      },
      async finish(update: Record<string, unknown>) {
        await chain
        await Proposal.updateOne({ _id: id }, { $set: { ...update, finishedAt: deps.clock.now() } })
      },
    }
  }

  async function createNumbered(cohort: CohortDocument, fields: Record<string, unknown>): Promise<ProposalDocument> {
    // Two leads pressing "Run" at once both pick the next number; the unique index lets one win and the other takes the next.
    for (let attempt = 0; attempt < 5; attempt++) {
      const last = await Proposal.findOne({ cohortId: cohort._id }, { number: 1 }).sort({ number: -1 }).lean()
      try {
        return await Proposal.create({ cohortId: cohort._id, number: (last?.number ?? 0) + 1, ...fields })
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error
      }
    }
    throw new ConflictError('Matching is being started by someone else at the same moment. Try again.')
  }

  return {
    /** Starts a run and returns its proposal (still running); `done` settles when the worker has finished. */
    async start(cohort: CohortDocument, mode: ProposalMode, userId: string) {
      const input = await loadMatchingInput(cohort, mode)
      if (input.doctors.length === 0) throw new ConflictError('Every doctor in this cohort is already in a published pair, or there are no doctors yet.')
      if (input.managers.length === 0) throw new ConflictError('No manager in this cohort has a place left.')
      const proposal = await createNumbered(cohort, {
        mode,
        status: 'running',
        startedAt: deps.clock.now(),
        createdBy: userId,
        weights: input.settings.weights,
        required: input.settings.required,
        doctorCount: input.doctors.length,
        managerCount: input.managers.length,
      })
      const write = writer(proposal._id)
      const done = runInWorker({ kind: 'run', input }, write.progress)
        .then(result => write.finish(resultFields(result)))
        .catch(async (error: unknown) => {
          deps.logger.warn({ proposalId: String(proposal._id), err: error instanceof Error ? error.message : String(error) }, 'matching failed')
          await write.finish({ status: 'failed', error: error instanceof Error ? error.message : 'Matching failed' })
        })
        .finally(() => inFlight.delete(done))
      inFlight.add(done)
      return { proposal, done }
    },

    /** Resolves when every run started by this process has finished (tests, shutdown). */
    async settled() {
      while (inFlight.size) await Promise.all([...inFlight])
    },

    list: (cohortId: Types.ObjectId) => Proposal.find({ cohortId }, { pairs: 0, unmatched: 0, blocking: 0 }).sort({ number: -1 }).lean(),

    async get(cohortId: Types.ObjectId, number: unknown): Promise<ProposalDocument> {
      if (typeof number !== 'string' || !/^[1-9]\d{0,6}$/.test(number)) throw new NotFoundError()
      const proposal = await Proposal.findOne({ cohortId, number: Number(number) })
      if (!proposal) throw new NotFoundError()
      return proposal
    },

    /** Whether a running proposal has gone on so long that its process must have stopped. */
    isStale: (proposal: Pick<ProposalDocument, 'status' | 'startedAt'>) =>
      proposal.status === 'running' && deps.clock.now().getTime() - proposal.startedAt.getTime() > STALE_AFTER_MS,

    latest: latestProposal,

    /** The finished proposal before this one, if any. */
    previous: (proposal: ProposalDocument) =>
      Proposal.findOne({ cohortId: proposal.cohortId, number: { $lt: proposal.number }, status: { $in: ['ready', 'published'] } })
        .sort({ number: -1 })
        .lean(),

    /** Display names by id, for everyone a page mentions. */
    async names(ids: (Types.ObjectId | string)[]): Promise<Map<string, string>> {
      const valid = [...new Set(ids.map(String))].filter(id => Types.ObjectId.isValid(id))
      const users = await User.find({ _id: { $in: valid } }, { name: 1, email: 1 }).lean()
      return new Map(users.map(u => [String(u._id), u.name || u.email]))
    },
  }
}

function resultFields(result: MatchingJobResult) {
  return {
    status: 'ready',
    progress: { stage: 'Done', percent: 100 },
    pairs: result.pairs.map(p => ({ ...p, contributions: p.contributions.map(c => ({ ...c })) })),
    unmatched: result.unmatched,
    blocking: result.blocking,
    matched: result.matched,
    total: result.total,
  }
}

export type Comparison = {
  previousNumber: number
  totalChange: number
  matchedChange: number
  changed: { doctorId: string; before: string | undefined; after: string | undefined }[]
}

/** How a proposal differs from an earlier one: totals, and every doctor whose manager changed. */
export function compareProposals(
  current: { pairs: { doctorId: unknown; managerId: unknown }[]; total: number; matched: number },
  previous: { number: number; pairs: { doctorId: unknown; managerId: unknown }[]; total: number; matched: number },
): Comparison {
  const managerOf = (pairs: { doctorId: unknown; managerId: unknown }[]) => new Map(pairs.map(p => [String(p.doctorId), String(p.managerId)]))
  const before = managerOf(previous.pairs)
  const after = managerOf(current.pairs)
  const doctors = [...new Set([...before.keys(), ...after.keys()])].sort()
  return {
    previousNumber: previous.number,
    totalChange: current.total - previous.total,
    matchedChange: current.matched - previous.matched,
    changed: doctors.filter(d => before.get(d) !== after.get(d)).map(d => ({ doctorId: d, before: before.get(d), after: after.get(d) })),
  }
}
