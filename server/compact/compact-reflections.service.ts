// Monthly reflection on the compact. Each partner rates how well the pair kept
// each commitment of the compact they last both agreed (1–5), may add a comment
// for the pair, and may raise a concern with the programme lead. Partners see
// each other's answers once both have answered or after 7 days. The lead sees,
// per pair, whether reflections are done, the score over the months and the
// concerns raised — never the comments, which are not even read for the lead.
import type { Types } from 'mongoose'
import { Cohort } from '../../models/cohort'
import { CompactReflection } from '../../models/compact-reflection'
import { Pair } from '../../models/pair'
import { runChartSvg } from '../charts/run-chart-svg'
import type { Clock } from '../clock'
import { isDuplicateKeyError } from '../db/duplicate-key'
import { ConflictError, ForbiddenError } from '../errors'
import type { CurrentUser } from '../http/current-user'
import { peopleById, type PairReading } from '../shadowing/session-access'
import type { CompactService } from './compact.service'
import { compactScore, monthName, openMonth, showsBothAt } from './reflection-months'

export type ReflectionInput = { ratings: number[]; comment: string; concern: string }

export function createCompactReflections(deps: { clock: Clock; compact: CompactService }) {
  /** Month by month, the score of the months whose answers the pair can see. */
  function history(
    rows: { month: string; ratings: { rating: number }[] }[],
    reflectionDay: number,
    now: Date,
  ) {
    const months = [...new Set(rows.map(r => r.month))].sort()
    return months
      .map(month => {
        const of = rows.filter(r => r.month === month)
        const visible = of.length >= 2 || +now >= +showsBothAt(month, reflectionDay)
        return {
          month,
          name: monthName(month),
          score: visible ? compactScore(of) : undefined,
          answers: of.length,
        }
      })
      .filter((m): m is typeof m & { score: number } => m.score !== undefined)
  }

  async function forPair(user: CurrentUser, pairId: unknown, options: PairReading = {}) {
    const compact = await deps.compact.forPair(user, pairId, options)
    const { view } = compact
    const now = deps.clock.now()
    const reflectionDay = view.cohort.reflectionDay ?? 1
    const month = openMonth(now, reflectionDay)
    const rows = await CompactReflection.find({ pairId: view.pair._id }).sort({ month: 1 }).lean()
    const thisMonth = rows.filter(r => r.month === month)
    const mine = view.role === 'lead' ? undefined : thisMonth.find(r => String(r.userId) === user.id)
    const partnerId = view.role === 'doctor' ? view.manager.id : view.doctor.id
    const partners = thisMonth.find(r => String(r.userId) === partnerId)
    const bothVisible = thisMonth.length >= 2 || +now >= +showsBothAt(month, reflectionDay)
    const scores = history(rows, reflectionDay, now)
    return {
      ...compact,
      month,
      monthName: monthName(month),
      mine,
      partnerAnswered: Boolean(partners),
      // A lead never gets a partner's reflection here: comments are for the pair.
      partners: bothVisible && view.role !== 'lead' ? partners : undefined,
      showsBothAt: showsBothAt(month, reflectionDay),
      canReflect: view.role !== 'lead' && !view.ended && !mine && Boolean(compact.lastAgreed),
      toRate: compact.lastAgreed?.commitments ?? [],
      scores,
      chart: scores.length
        ? runChartSvg({
            id: 'compact-score',
            title: 'Compact score by month',
            labels: scores.map(s => s.name),
            values: scores.map(s => s.score),
          })
        : '',
    }
  }

  return {
    forPair,

    /** One reflection per partner per month; the ratings follow the last agreed compact's commitments in order. */
    async submit(user: CurrentUser, pairId: unknown, input: ReflectionInput) {
      const state = await forPair(user, pairId)
      if (state.view.role === 'lead')
        throw new ForbiddenError('Only the two partners reflect on their compact')
      if (!state.lastAgreed)
        throw new ConflictError('Agree your compact together first; then you can reflect on it.')
      if (input.ratings.length !== state.toRate.length)
        throw new ConflictError('The compact changed while you were reflecting: please rate it again.')
      try {
        await CompactReflection.create({
          pairId: state.view.pair._id,
          cohortId: state.view.pair.cohortId,
          userId: user.id,
          month: state.month,
          version: state.lastAgreed.version,
          ratings: state.toRate.map((commitment, i) => ({ commitment, rating: input.ratings[i] })),
          comment: input.comment,
          concern: input.concern,
        })
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error
        throw new ConflictError(`You have already reflected for ${state.monthName}.`)
      }
    },

    /** For the lead: per pair, this month's answers, the score over the months and raised concerns. No comments. */
    async leadSummary(cohortId: Types.ObjectId) {
      const cohort = await Cohort.findById(cohortId, { reflectionDay: 1 }).lean()
      const reflectionDay = cohort?.reflectionDay ?? 1
      const now = deps.clock.now()
      const month = openMonth(now, reflectionDay)
      const pairs = await Pair.find({ cohortId }).lean()
      // The comment is deliberately not read: it cannot reach a lead's page by mistake.
      const rows = await CompactReflection.find(
        { cohortId },
        { pairId: 1, userId: 1, month: 1, ratings: 1, concern: 1, createdAt: 1 },
      )
        .sort({ month: 1 })
        .lean()
      const people = await peopleById(pairs.flatMap(p => [p.doctorId, p.managerId]))
      return {
        month,
        monthName: monthName(month),
        pairs: pairs
          .map(pair => {
            const own = rows.filter(r => String(r.pairId) === String(pair._id))
            const doctor = people.get(String(pair.doctorId))?.name ?? ''
            const manager = people.get(String(pair.managerId))?.name ?? ''
            const nameOf = (id: unknown) => (String(id) === String(pair.doctorId) ? doctor : manager)
            return {
              pairId: String(pair._id),
              doctor,
              manager,
              answeredThisMonth: own.filter(r => r.month === month).length,
              scores: history(own, reflectionDay, now),
              concerns: own
                .filter(r => r.concern)
                .map(r => ({
                  month: monthName(r.month),
                  by: nameOf(r.userId),
                  text: r.concern,
                  at: r.createdAt,
                })),
            }
          })
          .sort((a, b) => a.doctor.localeCompare(b.doctor)),
      }
    },
  }
}

export type CompactReflections = ReturnType<typeof createCompactReflections>
