// The register of one workshop as CSV, for the lead: one row per person who
// registered (places in the order they were confirmed, then offers, the
// waitlist in order, then cancellations), written as it is read so a large
// register never sits in memory. UTF-8 with a byte-order mark so that Excel
// reads names right; RFC 4180 quoting; times in ISO 8601 with the UK offset,
// and the UK date and time of day in their own columns.
import { WorkshopRegistration, type RegistrationStatus } from '../../models/workshop-registration'
import { peopleInCohort } from '../exports/people-in-cohort'
import { fileSlug, inBatches, type CsvWriter, isoLondon, londonDate, londonTime } from '../http/csv-stream'
import { ATTENDANCE_WORDS } from './workshop-display'
import type { StoredWorkshop } from './workshop-mailer'

const ORDER: RegistrationStatus[] = ['confirmed', 'offered', 'waitlisted', 'cancelled']
const STATUS_WORDS: Record<RegistrationStatus, string> = { confirmed: 'Confirmed', offered: 'Offered, not yet confirmed', waitlisted: 'Waitlisted', cancelled: 'Cancelled' }

export const HEADER = ['Workshop', 'Date (UK)', 'Start (UK)', 'End (UK)', 'Start (ISO 8601)', 'Name', 'Email', 'Doctor or manager', 'Status', 'Place', 'Waitlist position', 'Registered (ISO 8601)', 'Attendance']

/** A file name made of the title and date, in plain letters. */
export function registerFileName(title: string, start: Date): string {
  return `register-${fileSlug(title, 'workshop')}-${londonDate(start)}.csv`
}

export async function writeRegisterCsv(csv: CsvWriter, workshop: StoredWorkshop, title: string): Promise<void> {
  const session = [title, londonDate(workshop.start), londonTime(workshop.start), londonTime(workshop.end), isoLondon(workshop.start)]
  await csv.header(HEADER)
  let position = 0
  for (const status of ORDER) {
    const cursor = WorkshopRegistration.find({ workshopId: workshop._id, status }).sort({ arrival: 1, _id: 1 }).lean().cursor()
    for await (const batch of inBatches(cursor)) {
      const person = await peopleInCohort(workshop.cohortId, batch.map(r => r.userId))
      await csv.rows(
        batch.map(r => {
          const { name, email, side } = person(r.userId)
          if (status === 'waitlisted') position += 1
          return [
            ...session,
            name,
            email,
            side,
            STATUS_WORDS[status],
            r.placeNumber ?? '',
            status === 'waitlisted' ? position : '',
            isoLondon(r.arrival.getTimestamp()),
            r.attendance ? ATTENDANCE_WORDS[r.attendance] : '',
          ]
        }),
      )
    }
  }
}
