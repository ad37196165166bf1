// Pairs with scores: one row per published pair, with the score the matching
// gave it and each criterion's points and reasons, as the lead saw them when
// publishing (kept on the pair from the published proposal).
import { MATCHING_CRITERIA } from '../../models/cohort'
import { Pair } from '../../models/pair'
import { CRITERION_NAMES } from '../cohorts/criterion-names'
import { inBatches, isoLondon, londonDate } from '../http/csv-stream'
import { peopleById } from '../shadowing/session-access'
import type { CohortExport } from './cohort-export'

export const pairsExport: CohortExport = {
  key: 'pairs',
  title: 'Pairs with scores',
  holds:
    'One row for each published pair: the doctor and the manager with their emails, which of the manager’s places the pair takes, the matching score, the points for each criterion, the reasons the matching gave, and when and by whom the pair was published.',
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
  ],

  async write(cohort, csv) {
    const cursor = Pair.find({ cohortId: cohort._id }).sort({ publishedAt: 1, _id: 1 }).lean().cursor()
    for await (const batch of inBatches(cursor)) {
      const people = await peopleById(batch.flatMap(p => [p.doctorId, p.managerId, ...(p.publishedBy ? [p.publishedBy] : [])]))
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
            pair.publishedBy ? people.get(String(pair.publishedBy))?.name : '',
          ]
        }),
      )
    }
  },
}
