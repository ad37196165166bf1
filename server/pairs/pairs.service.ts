// Publishing pairs and reading them back. Publishing is a set of unique inserts:
// a doctor can be in one pair per cohort, and a manager's pairs each take one of
// their numbered places, so concurrent publications can neither double-pair a
// doctor nor overload a manager (see docs/decisions/003).
import type { Types } from 'mongoose'
import type { CohortDocument } from '../../models/cohort'
import { Cohort } from '../../models/cohort'
import { EndedPair } from '../../models/ended-pair'
import { Enrolment } from '../../models/enrolment'
import { Exclusion } from '../../models/exclusion'
import { Pair } from '../../models/pair'
import { Profile } from '../../models/profile'
import { User } from '../../models/user'
import type { Clock } from '../clock'
import type { Outbox } from '../mail/outbox.service'
import { isDuplicateKeyError } from '../db/duplicate-key'
import { NotFoundError } from '../errors'
import { idParam } from '../http/id-param'
import { ensureCompact } from '../compact/compact.service'
import { peopleById, type Person } from '../shadowing/session-access'
import { introductionEmail, pairEndedEmail } from './pair-emails'

export type ProposedPair = {
  doctorId: Types.ObjectId
  managerId: Types.ObjectId
  score: number
  contributions: { criterion: string; points: number; explanation: string }[]
}

export type PublishResult = { published: number; refused: { doctorId: string; managerId: string; reason: string }[] }

export type PairsService = ReturnType<typeof createPairsService>

export function createPairsService(deps: { outbox: Outbox; clock: Clock; baseUrl: string }) {
  return {
    async publish(cohort: CohortDocument, proposed: ProposedPair[], publishedBy: string): Promise<PublishResult> {
      const refused: PublishResult['refused'] = []
      const enrolments = await Enrolment.find({ cohortId: cohort._id }).lean()
      const sideOf = new Map(enrolments.map(e => [String(e.userId), e.side]))
      const excluded = new Set((await Exclusion.find({ cohortId: cohort._id }).lean()).map(e => `${String(e.doctorId)}:${String(e.managerId)}`))
      const capacityOf = new Map(
        (await Profile.find({ userId: { $in: proposed.map(p => p.managerId) } }, { userId: 1, capacity: 1 }).lean()).map(p => [String(p.userId), p.capacity ?? 1]),
      )
      const published: { pairId: Types.ObjectId; pair: ProposedPair }[] = []
      for (const pair of proposed) {
        const refuse = (reason: string) => refused.push({ doctorId: String(pair.doctorId), managerId: String(pair.managerId), reason })
        if (sideOf.get(String(pair.doctorId)) !== 'doctor' || sideOf.get(String(pair.managerId)) !== 'manager') {
          refuse('not a doctor and a manager in this cohort')
          continue
        }
        if (excluded.has(`${String(pair.doctorId)}:${String(pair.managerId)}`)) {
          refuse('excluded from being paired')
          continue
        }
        const outcome = await insertIntoFreePlace(cohort._id, pair, capacityOf.get(String(pair.managerId)) ?? 1, deps.clock.now(), publishedBy)
        if (outcome.ok) {
          published.push({ pairId: outcome.pairId, pair })
          // Each new pair starts with a draft compact from the cohort's template.
          await ensureCompact({ _id: outcome.pairId, cohortId: cohort._id })
        }
        else refuse(outcome.reason)
      }
      if (published.length && cohort.status !== 'running' && cohort.status !== 'closed') {
        await Cohort.updateOne({ _id: cohort._id }, { $set: { status: 'running' } })
      }
      await this.introduce(cohort, published)
      return { published: published.length, refused }
    },

    /** One introduction to each partner, written to the outbox once per pair. */
    async introduce(cohort: CohortDocument, published: { pairId: Types.ObjectId; pair: ProposedPair }[]) {
      const ids = published.flatMap(p => [p.pair.doctorId, p.pair.managerId])
      const people = new Map((await User.find({ _id: { $in: ids } }, { name: 1, email: 1 }).lean()).map(u => [String(u._id), u]))
      const emails = published.flatMap(({ pairId, pair }) => {
        const doctor = people.get(String(pair.doctorId))!
        const manager = people.get(String(pair.managerId))!
        const reasons = pair.contributions.filter(c => c.points > 0).map(c => c.explanation)
        const link = `${deps.baseUrl}/`
        return [
          { to: doctor.email, ...introductionEmail({ to: doctor, partner: manager, partnerRole: 'manager', cohortName: cohort.name, reasons, link }), dedupeKey: `pair-intro:${String(pairId)}:doctor` },
          { to: manager.email, ...introductionEmail({ to: manager, partner: doctor, partnerRole: 'doctor', cohortName: cohort.name, reasons, link }), dedupeKey: `pair-intro:${String(pairId)}:manager` },
        ]
      })
      await deps.outbox.enqueueMany(emails)
    },

    /** One published pair of the cohort, with both people's names, for the unpublish confirmation. */
    async getInCohort(cohortId: Types.ObjectId, pairId: unknown) {
      const pair = await Pair.findOne({ _id: idParam(pairId), cohortId }).lean()
      if (!pair) throw new NotFoundError()
      const people = new Map((await User.find({ _id: { $in: [pair.doctorId, pair.managerId] } }, { name: 1, email: 1 }).lean()).map(u => [String(u._id), u]))
      return { pair, doctor: people.get(String(pair.doctorId))!, manager: people.get(String(pair.managerId))! }
    },

    /**
     * Ends a published pair, frees both people for the next run of matching, and tells
     * both. The pair is first kept among the ended pairs, with who ended it, when and
     * why, so nothing of it is lost; then it is deleted from the published pairs.
     * Deleting is the once-only step: of two leads confirming at once, only the one
     * whose delete removed the pair sends the emails (and their dedupe keys would stop
     * a second copy anyway); the first reason given is the one kept.
     */
    async unpublish(cohort: CohortDocument, pairId: unknown, reason: string, endedBy: string) {
      const { pair, doctor, manager } = await this.getInCohort(cohort._id, pairId)
      const { cohortId, doctorId, managerId, managerPlace, score, contributions, publishedAt, publishedBy } = pair
      const kept = { cohortId, doctorId, managerId, managerPlace, score, contributions, publishedAt, publishedBy }
      try {
        await EndedPair.create({ _id: pair._id, ...kept, endedAt: deps.clock.now(), endedBy, reason })
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error
      }
      const { deletedCount } = await Pair.deleteOne({ _id: pair._id })
      if (deletedCount !== 1) return { ended: false }
      const link = `${deps.baseUrl}/`
      await deps.outbox.enqueueMany([
        { to: doctor.email, ...pairEndedEmail({ to: doctor, partner: manager, cohortName: cohort.name, reason, link }), dedupeKey: `pair-ended:${String(pair._id)}:doctor` },
        { to: manager.email, ...pairEndedEmail({ to: manager, partner: doctor, cohortName: cohort.name, reason, link }), dedupeKey: `pair-ended:${String(pair._id)}:manager` },
      ])
      return { ended: true, doctor, manager }
    },

    /** The cohort's published pairs, doctor names in order, for the lead. */
    async forCohort(cohortId: Types.ObjectId) {
      const pairs = await Pair.find({ cohortId }).lean()
      const names = await peopleById(pairs.flatMap(p => [p.doctorId, p.managerId]))
      return pairs
        .map(p => ({
          ...partnersNamed(p, names),
          score: p.score,
          reasons: p.contributions.map(c => c.explanation ?? '').filter(Boolean),
          publishedAt: p.publishedAt,
          pairId: String(p._id),
        }))
        .sort((a, b) => a.doctor.localeCompare(b.doctor))
    },

    /** The cohort's ended pairs, most recently ended first, with who ended them and why, for the lead. */
    async endedForCohort(cohortId: Types.ObjectId) {
      const ended = await EndedPair.find({ cohortId }).lean()
      const people = await peopleById(ended.flatMap(p => [p.doctorId, p.managerId, p.endedBy]))
      return ended
        .map(p => ({
          ...partnersNamed(p, people),
          publishedAt: p.publishedAt,
          endedAt: p.endedAt,
          endedBy: people.get(String(p.endedBy))?.name ?? '',
          reason: p.reason,
          pairId: String(p._id),
        }))
        .sort((a, b) => +b.endedAt - +a.endedAt)
    },

    /** A person's pairs that the lead has ended, most recently ended first, for their home page. */
    async endedForPerson(userId: string) {
      const ended = await EndedPair.find({ $or: [{ doctorId: userId }, { managerId: userId }] }).sort({ endedAt: -1 }).lean()
      const partnerOf = (p: (typeof ended)[number]) => (String(p.doctorId) === userId ? p.managerId : p.doctorId)
      const partners = await peopleById(ended.map(partnerOf))
      const cohorts = new Map((await Cohort.find({ _id: { $in: ended.map(p => p.cohortId) } }, { name: 1 }).lean()).map(c => [String(c._id), c.name]))
      return ended.map(p => ({ pairId: String(p._id), partnerName: partners.get(String(partnerOf(p)))?.name ?? '', cohortName: cohorts.get(String(p.cohortId)) ?? '', endedAt: p.endedAt }))
    },

    /** A person's published pairs with their partner, for their home page. Never proposals. */
    async forPerson(userId: string) {
      const pairs = await Pair.find({ $or: [{ doctorId: userId }, { managerId: userId }] }).lean()
      const partnerIds = pairs.map(p => (String(p.doctorId) === userId ? p.managerId : p.doctorId))
      const partners = new Map((await User.find({ _id: { $in: partnerIds } }, { name: 1, email: 1 }).lean()).map(u => [String(u._id), u]))
      const cohorts = new Map((await Cohort.find({ _id: { $in: pairs.map(p => p.cohortId) } }, { name: 1 }).lean()).map(c => [String(c._id), c.name]))
      return pairs.map(p => {
        const iAmDoctor = String(p.doctorId) === userId
        const partner = partners.get(String(iAmDoctor ? p.managerId : p.doctorId))
        return { pairId: String(p._id), cohortName: cohorts.get(String(p.cohortId)) ?? '', partnerName: partner?.name ?? '', partnerEmail: partner?.email ?? '', partnerRole: iAmDoctor ? 'manager' : 'doctor' }
      })
    },
  }
}

async function insertIntoFreePlace(cohortId: Types.ObjectId, pair: ProposedPair, capacity: number, now: Date, publishedBy: string): Promise<{ ok: true; pairId: Types.ObjectId } | { ok: false; reason: string }> {
  for (let place = 1; place <= capacity; place += 1) {
    try {
      const created = await Pair.create({ cohortId, ...pair, managerPlace: place, publishedAt: now, publishedBy })
      return { ok: true, pairId: created._id }
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error
      // Either this doctor is already paired (final), or this place is taken (try the next).
      if (await Pair.exists({ cohortId, doctorId: pair.doctorId })) return { ok: false, reason: 'the doctor is already in a published pair' }
    }
  }
  return { ok: false, reason: `the manager has no free place (capacity ${capacity})` }
}

/** A pair's doctor and manager, by id and by name, for the lead's tables. */
function partnersNamed(pair: { doctorId: Types.ObjectId; managerId: Types.ObjectId }, people: Map<string, Person>) {
  const doctorId = String(pair.doctorId)
  const managerId = String(pair.managerId)
  return { doctor: people.get(doctorId)?.name ?? '', doctorId, manager: people.get(managerId)?.name ?? '', managerId }
}
