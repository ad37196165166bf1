// Workshop attendance: one row per place held at each of the cohort's
// workshops, workshops in time order, with what the lead marked.
import { Workshop } from '../../models/workshop'
import { WorkshopRegistration } from '../../models/workshop-registration'
import { WorkshopSeries } from '../../models/workshop-series'
import { inBatches, isoLondon, londonDate, londonTime } from '../http/csv-stream'
import { ATTENDANCE_WORDS, sessionTitle, whereText } from '../workshops/workshop-display'
import { capitalised, type CohortExport } from './cohort-export'
import { peopleInCohort } from './people-in-cohort'

export const attendanceExport: CohortExport = {
  key: 'workshop-attendance',
  title: 'Workshop attendance',
  holds:
    'One row for each place held at each workshop, workshops in time order: the series and session, its date and times in UK time and in ISO 8601, where it was, whether it went ahead, the person (name, email, doctor or manager) and their attendance as you marked it: attended, absent, sent apologies, not marked, or not held yet.',
  columns: [
    'Series',
    'Workshop',
    'Module',
    'Date (UK)',
    'Start (UK)',
    'End (UK)',
    'Start (ISO 8601)',
    'Where',
    'Workshop status',
    'Name',
    'Email',
    'Doctor or manager',
    'Attendance',
  ],

  async write(cohort, csv, now) {
    // A cohort has tens of workshops: those are read at once, their places in batches.
    const [series, workshops] = await Promise.all([
      WorkshopSeries.find({ cohortId: cohort._id }, { title: 1 }).lean(),
      Workshop.find({ cohortId: cohort._id }).sort({ start: 1, _id: 1 }).lean(),
    ])
    const seriesTitle = new Map(series.map(s => [String(s._id), s.title]))
    for (const workshop of workshops) {
      const held = +workshop.start <= +now
      const session = [
        seriesTitle.get(String(workshop.seriesId)),
        sessionTitle(workshop),
        workshop.moduleNumber,
        londonDate(workshop.start),
        londonTime(workshop.start),
        londonTime(workshop.end),
        isoLondon(workshop.start),
        whereText(workshop),
        workshop.status === 'cancelled' ? 'Cancelled' : held ? 'Held' : 'Not held yet',
      ]
      const cursor = WorkshopRegistration.find({ workshopId: workshop._id, status: 'confirmed' }, { userId: 1, attendance: 1 }).sort({ arrival: 1, _id: 1 }).lean().cursor()
      for await (const batch of inBatches(cursor)) {
        const person = await peopleInCohort(cohort._id, batch.map(r => r.userId))
        await csv.rows(
          batch.map(r => {
            const { name, email, side } = person(r.userId)
            const attendance = r.attendance ? ATTENDANCE_WORDS[r.attendance] : workshop.status === 'cancelled' ? '' : held ? 'Not marked' : 'Not held yet'
            return [...session, name, email, capitalised(side), attendance]
          }),
        )
      }
    }
  },
}
