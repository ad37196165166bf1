// Pairs with scores: one row per published pair, with the score the matching
// gave it and each criterion's points and reasons, as the lead saw them when
// publishing (kept on the pair from the published proposal); then the pairs the
// lead has ended, with when, by whom and why.
import type { Types } from 'mongoose'
import { MATCHING_CRITERIA } from '../../models/cohort'
import { EndedPair } from '../../models/ended-pair'
import { Pair } from '../../models/pair'
import { CRITERION_NAMES } from '../cohorts/criterion-names'
import { inBatches, isoLondon, londonDate } from '../http/csv-stream'
import { peopleById } from '../shadowing/session-access'
import type { CohortExport } from './cohort-export'

type PairRow = {
  doctorId: Types.ObjectId
  managerId: Types.ObjectId
  managerPlace?: number | null
  score?: number | null
  contributions: { criterion?: string | null; points?: number | null; explanation?: string | null }[]
  publishedAt: Date
  publishedBy?: Types.ObjectId | null
  endedAt?: Date
  endedBy?: Types.ObjectId
  reason?: string | null
}

export const pairsExport: CohortExport = {
  key: 'pairs',
  title: 'Pairs with scores',
  holds:
    'One row for each published pair: the doctor and the manager with their emails, which of the manager’s places the pair takes, the matching score, the points for each criterion, the reasons the matching gave, and when and by whom the pair was published. Then one row for each pair the lead has ended, with when, by whom and why.',
  columns: [
    'Doctor',
    'Doctor’s email',
    'Manager',
    'Manager’s email',
    'Manager’s place',
    'Score',
    ...MATCHING_CRITERIA.map(c => `${CRITERION_NAMES[c].label} (points)`),
    'Why they were paired',
    'Published (UK date)',
    'Published (ISO 8601)',
    'Published by',
    'Ended (UK date)',
    'Ended (ISO 8601)',
    'Ended by',
    'Why it ended',
  ],

  async write(cohort, csv) {
    const published = Pair.find({ cohortId: cohort._id }).sort({ publishedAt: 1, _id: 1 }).lean().cursor()
    const ended = EndedPair.find({ cohortId: cohort._id }).sort({ endedAt: 1, _id: 1 }).lean().cursor()
    for (const cursor of [published, ended]) {
      for await (const batch of inBatches<PairRow>(cursor)) {
        const people = await peopleById(batch.flatMap(p => [p.doctorId, p.managerId, ...(p.publishedBy ? [p.publishedBy] : []), ...(p.endedBy ? [p.endedBy] : [])]))
        const nameOf = (id?: Types.ObjectId | null) => (id ? people.get(String(id))?.name : '')
        await csv.rows(
          batch.map(pair => {
            const doctor = people.get(String(pair.doctorId))
            const manager = people.get(String(pair.managerId))
            const points = new Map(pair.contributions.map(c => [c.criterion, c.points]))
            return [
              doctor?.name,
              doctor?.email,
              manager?.name,
              manager?.email,
              pair.managerPlace,
              pair.score,
              ...MATCHING_CRITERIA.map(c => points.get(c) ?? ''),
              pair.contributions
                .filter(c => c.explanation)
                .map(c => c.explanation)
                .join('; '),
              londonDate(pair.publishedAt),
              isoLondon(pair.publishedAt),
              nameOf(pair.publishedBy),
              pair.endedAt ? londonDate(pair.endedAt) : '',
              pair.endedAt ? isoLondon(pair.endedAt) : '',
              nameOf(pair.endedBy),
              pair.endedAt ? pair.reason || 'None given' : '',
            ]
          }),
        )
      }
    }
  },
}
