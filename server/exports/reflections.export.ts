// Reflections summary: one row per pair per month of compact reflection, from
// the month the pair was published to this month (or the cohort's last):
// who reflected, the compact score and how many concerns were raised. What
// partners wrote — comments for the pair, a concern's words — is never read
// here, so it cannot reach a file by mistake.
import { DateTime } from 'luxon'
import { CompactReflection } from '../../models/compact-reflection'
import { Pair } from '../../models/pair'
import { compactScore, monthName, openMonth, showsBothAt } from '../compact/reflection-months'
import { PROGRAMME_ZONE } from '../format'
import { groupBy } from '../group-by'
import { inBatches } from '../http/csv-stream'
import { peopleById } from '../shadowing/session-access'
import { yesNo, type CohortExport } from './cohort-export'

/** "2026-11" to "2027-02" → every month between, both included. */
export function monthsFrom(first: string, last: string): string[] {
  const months: string[] = []
  const end = DateTime.fromFormat(last, 'yyyy-MM', { zone: PROGRAMME_ZONE })
  for (let m = DateTime.fromFormat(first, 'yyyy-MM', { zone: PROGRAMME_ZONE }); m <= end && months.length < 120; m = m.plus({ months: 1 })) months.push(m.toFormat('yyyy-MM'))
  return months
}

export const reflectionsExport: CohortExport = {
  key: 'reflections-summary',
  title: 'Reflections summary',
  holds:
    'One row for each pair for each month of compact reflection since the pair was published: whether the doctor and the manager reflected, the compact score (the average of their ratings, 1 to 5, once both have answered or the month has been open for 7 days), the lowest rating given and how many concerns were raised. Partners’ comments and the words of their concerns are not in it.',
  columns: ['Doctor', 'Manager', 'Month', 'Month (name)', 'Doctor reflected', 'Manager reflected', 'Reflections', 'Compact score', 'Lowest rating', 'Concerns raised'],

  async write(cohort, csv, now) {
    const reflectionDay = cohort.reflectionDay ?? 1
    const lastMonth = [openMonth(now, reflectionDay), openMonth(cohort.endDate, reflectionDay)].sort()[0]!
    const cursor = Pair.find({ cohortId: cohort._id }, { doctorId: 1, managerId: 1, publishedAt: 1 }).sort({ publishedAt: 1, _id: 1 }).lean().cursor()
    for await (const pairs of inBatches(cursor)) {
      const pairIds = pairs.map(p => p._id)
      const [people, reflections, concerns] = await Promise.all([
        peopleById(pairs.flatMap(p => [p.doctorId, p.managerId])),
        // Ratings only: the comment and the concern are left in the database.
        CompactReflection.find({ pairId: { $in: pairIds } }, { pairId: 1, userId: 1, month: 1, ratings: 1 }).lean(),
        CompactReflection.find({ pairId: { $in: pairIds }, concern: { $ne: '' } }, { pairId: 1, month: 1 }).lean(),
      ])
      const key = (pairId: unknown, month: string) => `${String(pairId)}:${month}`
      const answers = groupBy(reflections, r => key(r.pairId, r.month))
      const answeredBy = groupBy(reflections, r => String(r.pairId))
      const raised = new Map<string, number>()
      for (const c of concerns) raised.set(key(c.pairId, c.month), (raised.get(key(c.pairId, c.month)) ?? 0) + 1)
      await csv.rows(
        pairs.flatMap(pair => {
          const months = [...new Set([...monthsFrom(openMonth(pair.publishedAt, reflectionDay), lastMonth), ...(answeredBy.get(String(pair._id)) ?? []).map(r => r.month)])].sort()
          return months.map(month => {
            const of = answers.get(key(pair._id, month)) ?? []
            const by = (id: unknown) => of.some(r => String(r.userId) === String(id))
            // As on the lead's page: a score once both answered or the month has been open 7 days.
            const visible = of.length >= 2 || +now >= +showsBothAt(month, reflectionDay)
            const ratings = of.flatMap(r => r.ratings.map(x => x.rating))
            return [
              people.get(String(pair.doctorId))?.name,
              people.get(String(pair.managerId))?.name,
              month,
              monthName(month),
              yesNo(by(pair.doctorId)),
              yesNo(by(pair.managerId)),
              of.length,
              visible ? compactScore(of) : '',
              visible && ratings.length ? Math.min(...ratings) : '',
              raised.get(key(pair._id, month)) ?? 0,
            ]
          })
        }),
      )
    }
  },
}
