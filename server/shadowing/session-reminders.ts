// The reminder a day before each confirmed session. The job runs every few
// minutes in every app process; the outbox's unique dedupe key (which names the
// session and its start) makes each reminder go once however many processes
// run it, and a run after downtime catches up on sessions still to come.
import { ShadowingSession } from '../../models/shadowing-session'
import type { Clock } from '../clock'
import type { Outbox } from '../mail/outbox.service'
import { mailContextOf } from './mail-context'
import { peopleById } from './session-access'
import { organizerFrom, reminderEmails } from './session-emails'

const DAY_MS = 24 * 60 * 60 * 1000

export function createSessionReminders(deps: { outbox: Outbox; clock: Clock; baseUrl: string; mailFrom: string }) {
  const organizer = organizerFrom(deps.mailFrom)
  return {
    /** Writes the reminders now due; returns how many sessions were reminded for the first time. */
    async sendDue(): Promise<number> {
      const now = deps.clock.now()
      const due = await ShadowingSession.find({ status: 'confirmed', start: { $gt: now, $lte: new Date(+now + DAY_MS) } }).lean()
      const people = await peopleById(due.flatMap(s => [s.hostId, s.guestId]))
      let reminded = 0
      for (const session of due) {
        // A session booked or moved within a day of its start has just been in everyone's inbox.
        const lastBooked = session.history.filter(h => h.action === 'accepted' || h.action === 'rescheduled').at(-1)?.at
        if (lastBooked && +session.start - +lastBooked < DAY_MS) continue
        const host = people.get(String(session.hostId))
        const guest = people.get(String(session.guestId))
        if (!host || !guest) continue
        const written = await deps.outbox.enqueueMany(
          reminderEmails(mailContextOf(session, host, guest, { organizer, baseUrl: deps.baseUrl, now })),
        )
        if (written) reminded += 1
      }
      return reminded
    },
  }
}
