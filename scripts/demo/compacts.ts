// The demo's compacts: every pair of the running cohort agreed one (some
// reworded it first) and reflected on it for the last three months — scores
// that drift, a month or two missed, a couple of concerns for the lead — and
// this month's reflection is part done.
import type { Types } from 'mongoose'
import { DateTime } from 'luxon'
import { Cohort, DEFAULT_COMPACT } from '../../models/cohort'
import { CompactAgreement } from '../../models/compact-agreement'
import { CompactReflection } from '../../models/compact-reflection'
import { CompactVersion } from '../../models/compact-version'
import { Pair } from '../../models/pair'
import { openMonth } from '../../server/compact/reflection-months'
import { PROGRAMME_ZONE } from '../../server/format'

const EXTRA = 'We tell each other early when the rota changes'
const COMMENTS = ['Good month: the bed meeting was an eye-opener.', 'We lost a session to nights; let us rebook early.', 'Felt able to challenge each other this time.', '']
const CONCERNS = ['Our last two sessions were cancelled at short notice and we have not rebooked.', 'I am finding it hard to get time away from the ward for sessions.']

const side = (i: number) => i % 3

export async function seedCompacts(cohortId: Types.ObjectId): Promise<string> {
  const cohort = await Cohort.findById(cohortId).lean()
  const pairs = await Pair.find({ cohortId }).sort({ _id: 1 }).lean()
  const current = openMonth(new Date(), cohort?.reflectionDay ?? 1)
  const months = [2, 1, 0].map(back => DateTime.fromFormat(current, 'yyyy-MM', { zone: PROGRAMME_ZONE }).minus({ months: back }).toFormat('yyyy-MM'))
  let reflections = 0
  for (const [i, pair] of pairs.entries()) {
    const reworded = i % 3 === 0
    const commitments = reworded ? [...DEFAULT_COMPACT, EXTRA] : DEFAULT_COMPACT
    await CompactVersion.insertMany([
      { pairId: pair._id, version: 1, commitments: DEFAULT_COMPACT },
      ...(reworded ? [{ pairId: pair._id, version: 2, commitments, editedBy: pair.managerId }] : []),
    ])
    const version = reworded ? 2 : 1
    // Agreed in the pair's first week, so that every month shown is one they were due to reflect on.
    const agreedAt = new Date(+pair.publishedAt + (3 + side(i)) * 86_400_000)
    await CompactAgreement.insertMany(
      [pair.doctorId, pair.managerId].map(userId => ({ pairId: pair._id, version, userId, createdAt: agreedAt, updatedAt: agreedAt })),
      { timestamps: false },
    )
    const rows = months.flatMap((month, m) =>
      [pair.doctorId, pair.managerId].flatMap((userId, side) => {
        // The newest month is half answered, and pairs further down the list miss more.
        if (m === 2 && (i + side) % 2 === 1) return []
        if (m === 0 && i >= 8) return []
        const base = 3 + ((i + m) % 3) - (i >= 7 ? 1 : 0)
        return [{
          pairId: pair._id,
          cohortId,
          userId,
          month,
          version,
          ratings: commitments.map((commitment, k) => ({ commitment, rating: Math.max(1, Math.min(5, base + ((k + side) % 2))) })),
          comment: COMMENTS[(i + m + side) % COMMENTS.length],
          concern: m === 1 && side === 0 && (i === 7 || i === 9) ? CONCERNS[(i / 2) % 2 | 0] : '',
        }]
      }),
    )
    await CompactReflection.insertMany(rows)
    reflections += rows.length
  }
  return `${pairs.length} agreed compacts and ${reflections} monthly reflections`
}

/** Everything seedCompacts made for these cohorts (before their pairs are removed). */
export async function removeCompacts(cohortIds: Types.ObjectId[]) {
  const pairIds = (await Pair.find({ cohortId: { $in: cohortIds } }, { _id: 1 }).lean()).map(p => p._id)
  await Promise.all([
    CompactVersion.deleteMany({ pairId: { $in: pairIds } }),
    CompactAgreement.deleteMany({ pairId: { $in: pairIds } }),
    CompactReflection.deleteMany({ cohortId: { $in: cohortIds } }),
  ])
}
