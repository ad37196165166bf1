// How workshops read on pages: when, where, how full, and each status in words.
import type { RegistrationStatus } from '../../models/workshop-registration'
import { formatDateTime } from '../format'
import { londonLabel } from '../scheduling/london-time'
import { workshopLocation, workshopSummary } from './workshop-calendar-event'
import type { Counts } from './workshops.service'

type Shown = { title: string; moduleNumber?: number | null; start: Date; end: Date; room: string; site: string; onlineLink: string; capacity: number; status: string }

export const whenText = (workshop: Pick<Shown, 'start' | 'end'>) => londonLabel(workshop.start, workshop.end)

export const whereText = (workshop: Pick<Shown, 'room' | 'site' | 'onlineLink'>) => (workshop.onlineLink ? 'Online' : workshopLocation(workshop) || 'To be confirmed')

/** e.g. "Lean for Leaders, module 2: Flow" */
export const fullTitle = (workshop: Pick<Shown, 'title' | 'moduleNumber'>, seriesTitle: string) => workshopSummary({ ...workshop, seriesTitle })

/** e.g. "Module 2: Flow" or "Flow" */
export const sessionTitle = (workshop: Pick<Shown, 'title' | 'moduleNumber'>) => (workshop.moduleNumber ? `Module ${workshop.moduleNumber}: ${workshop.title}` : workshop.title)

/** How many places are left for someone registering now (none while anyone waits). */
export function placesLeft(workshop: Pick<Shown, 'capacity'>, counts: Counts): number {
  if (counts.waitlisted || counts.offered) return 0
  return Math.max(0, workshop.capacity - counts.confirmed - counts.offered)
}

/** e.g. "12 of 20 places taken, 3 on the waitlist" */
export function fullnessText(workshop: Pick<Shown, 'capacity'>, counts: Counts): string {
  const held = counts.confirmed + counts.offered
  const waiting = counts.waitlisted ? `, ${counts.waitlisted} on the waitlist` : ''
  return `${held} of ${workshop.capacity} ${workshop.capacity === 1 ? 'place' : 'places'} taken${waiting}`
}

/** For people looking for a place: "8 places left", "1 place left", "Full: join the waitlist". */
export function availabilityText(workshop: Pick<Shown, 'capacity'>, counts: Counts): string {
  const left = placesLeft(workshop, counts)
  if (!left) return counts.waitlisted ? `Full: ${counts.waitlisted} on the waitlist` : 'Full: join the waitlist'
  return `${left} ${left === 1 ? 'place' : 'places'} left`
}

export const workshopTag = (workshop: Pick<Shown, 'status' | 'end'>, now: Date) =>
  workshop.status === 'cancelled' ? { tagText: 'Cancelled', colour: 'red' } : +workshop.end <= +now ? { tagText: 'Finished', colour: 'grey' } : { tagText: 'Scheduled', colour: 'blue' }

export const REGISTRATION_WORDS: Record<RegistrationStatus, { tagText: string; colour: string }> = {
  confirmed: { tagText: 'Place confirmed', colour: 'green' },
  offered: { tagText: 'Place offered', colour: 'yellow' },
  waitlisted: { tagText: 'On the waitlist', colour: 'orange' },
  cancelled: { tagText: 'Cancelled', colour: 'grey' },
}

export const ATTENDANCE_WORDS = { attended: 'Attended', absent: 'Absent', apologies: 'Sent apologies' } as const

/** "Monday 30 March 2026 at 9:30am" */
export const atText = (date: Date | null | undefined) => formatDateTime(date)
