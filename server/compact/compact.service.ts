// A pair's compact: the behaviours both partners promise to uphold. It starts
// as a draft from the cohort's template; either partner edits it (each edit is a
// new numbered version, never a change to an old one); it is agreed when both
// partners have agreed the same, latest version, so any later change needs both
// again. The history of versions is kept and shown to the pair.
import type { Types } from 'mongoose'
import { Cohort, DEFAULT_COMPACT } from '../../models/cohort'
import { CompactAgreement } from '../../models/compact-agreement'
import { CompactVersion } from '../../models/compact-version'
import { isDuplicateKeyError } from '../db/duplicate-key'
import { ConflictError, ForbiddenError } from '../errors'
import type { CurrentUser } from '../http/current-user'
import { pairFor, type PairReading, type PairView } from '../shadowing/session-access'

export type CompactEdit = { ok: true; version: number } | { ok: false; current: { version: number; commitments: string[] } }

type PairRef = { _id: Types.ObjectId; cohortId: Types.ObjectId }

/** Version 1 from the cohort's template, once: a second call (or a second process) finds it there. */
export async function ensureCompact(pair: PairRef): Promise<void> {
  if (await CompactVersion.exists({ pairId: pair._id })) return
  const cohort = await Cohort.findById(pair.cohortId, { compactTemplate: 1 }).lean()
  try {
    await CompactVersion.create({ pairId: pair._id, version: 1, commitments: cohort?.compactTemplate?.length ? cohort.compactTemplate : DEFAULT_COMPACT })
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error
  }
}

export async function latestVersion(pairId: Types.ObjectId) {
  const latest = await CompactVersion.findOne({ pairId }).sort({ version: -1 }).lean()
  if (!latest) throw new Error('ensureCompact first')
  return latest
}

function partnerOnly(view: PairView) {
  if (view.role === 'lead') throw new ForbiddenError('Only the two partners can change or agree their compact')
}

export type CompactService = ReturnType<typeof createCompactService>

export function createCompactService() {
  return {
    /** The pair, its compact and who has agreed what; for the partners and leads (`orEnded`: also a pair the lead has ended, to read). */
    async forPair(user: CurrentUser, pairId: unknown, options: PairReading = {}) {
      const view = await pairFor(user, pairId, options)
      await ensureCompact(view.pair)
      const versions = await CompactVersion.find({ pairId: view.pair._id }).sort({ version: -1 }).lean()
      const agreements = await CompactAgreement.find({ pairId: view.pair._id }).lean()
      const agreedBy = (version: number) => ({
        doctor: agreements.some(a => a.version === version && String(a.userId) === view.doctor.id),
        manager: agreements.some(a => a.version === version && String(a.userId) === view.manager.id),
      })
      const current = versions[0]!
      const currentAgreement = agreedBy(current.version)
      const everAgreed = versions.find(v => { const a = agreedBy(v.version); return a.doctor && a.manager })
      return {
        view,
        current,
        agreedBy: currentAgreement,
        agreed: currentAgreement.doctor && currentAgreement.manager,
        /** The newest version both agreed, if any: what monthly reflections rate. */
        lastAgreed: everAgreed,
        versions: versions.map(v => ({ ...v, agreedBy: agreedBy(v.version) })),
      }
    },

    /**
     * A partner saves a new wording. `basedOn` is the version their form showed; if
     * the other partner saved a newer one meanwhile, nothing is written and the
     * current version is returned, so the page can show both.
     */
    async edit(user: CurrentUser, pairId: unknown, basedOn: number, commitments: string[]): Promise<CompactEdit> {
      const view = await pairFor(user, pairId)
      partnerOnly(view)
      await ensureCompact(view.pair)
      const latest = await latestVersion(view.pair._id)
      if (latest.version !== basedOn) return { ok: false, current: { version: latest.version, commitments: latest.commitments } }
      try {
        await CompactVersion.create({ pairId: view.pair._id, version: basedOn + 1, commitments, editedBy: user.id })
        return { ok: true, version: basedOn + 1 }
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error
        const winner = await latestVersion(view.pair._id)
        return { ok: false, current: { version: winner.version, commitments: winner.commitments } }
      }
    },

    /** A partner agrees the version they read; refused if a newer one exists. Agreeing twice is harmless. */
    async agree(user: CurrentUser, pairId: unknown, version: number): Promise<void> {
      const view = await pairFor(user, pairId)
      partnerOnly(view)
      const latest = await latestVersion(view.pair._id)
      if (latest.version !== version) throw new ConflictError(`The compact has changed since you read it: please read version ${latest.version} before agreeing.`)
      try {
        await CompactAgreement.create({ pairId: view.pair._id, version, userId: user.id })
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error
      }
    },
  }
}
