// The register of one workshop as CSV, for the lead: one row per person who
// registered (places in the order they were confirmed, then offers, the
// waitlist in order, then cancellations), written as it is read so a large
// register never sits in memory. UTF-8 with a byte-order mark so that Excel
// reads names right; RFC 4180 quoting; times in ISO 8601 with the UK offset,
// and the UK date and time of day in their own columns.
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { DateTime } from 'luxon'
import type { Types } from 'mongoose'
import { Enrolment } from '../../models/enrolment'
import { User } from '../../models/user'
import { WorkshopRegistration, type RegistrationStatus, type WorkshopRegistrationFields } from '../../models/workshop-registration'
import { PROGRAMME_ZONE } from '../format'
import { ATTENDANCE_WORDS } from './workshop-display'
import type { StoredWorkshop } from './workshop-mailer'

const BATCH = 200
const ORDER: RegistrationStatus[] = ['confirmed', 'offered', 'waitlisted', 'cancelled']
const STATUS_WORDS: Record<RegistrationStatus, string> = { confirmed: 'Confirmed', offered: 'Offered, not yet confirmed', waitlisted: 'Waitlisted', cancelled: 'Cancelled' }

export const HEADER = ['Workshop', 'Date (UK)', 'Start (UK)', 'End (UK)', 'Start (ISO 8601)', 'Name', 'Email', 'Doctor or manager', 'Status', 'Place', 'Waitlist position', 'Registered (ISO 8601)', 'Attendance']

/**
 * One field: quoted when it holds a quote, comma or line break (quotes doubled);
 * text that a spreadsheet would run as a formula (= + - @ or a tab or return
 * first) is prefixed with an apostrophe.
 */
export function csvField(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export const csvRow = (fields: (string | number | null | undefined)[]) => `${fields.map(csvField).join(',')}\r\n`

/** e.g. 2026-06-07T09:30:00+01:00: the instant, as UK clocks showed it. */
export const isoLondon = (instant: Date) => DateTime.fromJSDate(instant, { zone: PROGRAMME_ZONE }).toISO({ suppressMilliseconds: true }) ?? ''

/** A file name made of the title and date, in plain letters. */
export function registerFileName(title: string, start: Date): string {
  const slug = title.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/[\s_-]+/g, '-').toLowerCase().slice(0, 60)
  return `register-${slug || 'workshop'}-${DateTime.fromJSDate(start, { zone: PROGRAMME_ZONE }).toISODate()}.csv`
}

export async function writeRegisterCsv(out: Writable, workshop: StoredWorkshop, title: string): Promise<void> {
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, 'drain')
  }
  const local = (instant: Date, format: string) => DateTime.fromJSDate(instant, { zone: PROGRAMME_ZONE }).toFormat(format)
  const session = [title, local(workshop.start, 'yyyy-MM-dd'), local(workshop.start, 'HH:mm'), local(workshop.end, 'HH:mm'), isoLondon(workshop.start)]
  await write(`\uFEFF${csvRow(HEADER)}`)
  let position = 0
  for (const status of ORDER) {
    const cursor = WorkshopRegistration.find({ workshopId: workshop._id, status }).sort({ arrival: 1, _id: 1 }).lean().cursor({ batchSize: BATCH })
    let batch: (WorkshopRegistrationFields & { _id: Types.ObjectId })[] = []
    const flush = async () => {
      if (!batch.length) return
      const ids = batch.map(r => r.userId)
      const [users, enrolments] = await Promise.all([
        User.find({ _id: { $in: ids } }, { name: 1, email: 1 }).lean(),
        Enrolment.find({ cohortId: workshop.cohortId, userId: { $in: ids } }, { userId: 1, side: 1 }).lean(),
      ])
      const rows = batch.map(r => {
        const user = users.find(u => String(u._id) === String(r.userId))
        const side = enrolments.find(e => String(e.userId) === String(r.userId))?.side ?? ''
        if (status === 'waitlisted') position += 1
        return csvRow([
          ...session,
          user?.name ?? '',
          user?.email ?? '',
          side,
          STATUS_WORDS[status],
          r.placeNumber ?? '',
          status === 'waitlisted' ? position : '',
          isoLondon(r.arrival.getTimestamp()),
          r.attendance ? ATTENDANCE_WORDS[r.attendance] : '',
        ])
      })
      await write(rows.join(''))
      batch = []
    }
    for await (const registration of cursor) {
      batch.push(registration)
      if (batch.length >= BATCH) await flush()
    }
    await flush()
  }
}
