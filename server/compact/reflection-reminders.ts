// Asking partners, once a month, to reflect on their compact: an email on the
// cohort's reflection day, and a second one a week later to anyone who has not
// answered. The job runs in every app process; the outbox's dedupe keys (which
// name the pair, the person and the month) make each email go once, and a run
// after downtime catches up on the month still open.
import { Cohort } from '../../models/cohort'
import { CompactAgreement } from '../../models/compact-agreement'
import { CompactReflection } from '../../models/compact-reflection'
import { Pair } from '../../models/pair'
import type { Clock } from '../clock'
import type { Outbox, OutgoingEmail } from '../mail/outbox.service'
import { peopleById } from '../shadowing/session-access'
import { monthName, openMonth, showsBothAt } from './reflection-months'

export function createReflectionReminders(deps: { outbox: Outbox; clock: Clock; baseUrl: string }) {
  return {
    /** Writes the emails now due; returns how many were new. */
    async sendDue(): Promise<number> {
      const now = deps.clock.now()
      const cohorts = await Cohort.find({ status: 'running' }, { reflectionDay: 1, name: 1 }).lean()
      let written = 0
      for (const cohort of cohorts) {
        const day = cohort.reflectionDay ?? 1
        const month = openMonth(now, day)
        const overdue = +now >= +showsBothAt(month, day)
        const pairs = await Pair.find({ cohortId: cohort._id }).lean()
        // Only pairs that have agreed a compact have something to reflect on.
        const agreements = await CompactAgreement.find({ pairId: { $in: pairs.map(p => p._id) } }, { pairId: 1, version: 1, userId: 1 }).lean()
        const agreed = pairs.filter(p => {
          const own = agreements.filter(a => String(a.pairId) === String(p._id))
          return own.some(a => own.some(b => b.version === a.version && String(b.userId) !== String(a.userId)))
        })
        const answered = new Set(
          (await CompactReflection.find({ cohortId: cohort._id, month }, { pairId: 1, userId: 1 }).lean()).map(r => `${String(r.pairId)}:${String(r.userId)}`),
        )
        const people = await peopleById(agreed.flatMap(p => [p.doctorId, p.managerId]))
        const emails: OutgoingEmail[] = []
        for (const pair of agreed) {
          for (const [personId, partnerId] of [[pair.doctorId, pair.managerId], [pair.managerId, pair.doctorId]] as const) {
            if (answered.has(`${String(pair._id)}:${String(personId)}`)) continue
            const person = people.get(String(personId))
            const partner = people.get(String(partnerId))
            if (!person || !partner) continue
            const kind = overdue ? 'overdue' : 'due'
            const link = `${deps.baseUrl}/pairs/${String(pair._id)}/compact`
            emails.push({
              to: person.email,
              subject: overdue ? `Reminder: reflect on your compact with ${partner.name}` : `Time to reflect on your compact with ${partner.name}`,
              text: [
                `Hello ${person.name},`,
                '',
                overdue
                  ? `You have not yet reflected on your compact with ${partner.name} for ${monthName(month)}. It takes a few minutes.`
                  : `It is time for this month's reflection on the compact you and ${partner.name} agreed (${monthName(month)}): how well did you keep each commitment? You can add a comment for ${partner.name}, and raise a concern with your programme lead if you need to.`,
                '',
                link,
              ].join('\n'),
              dedupeKey: `compact-${kind}:${String(pair._id)}:${String(personId)}:${month}`,
            })
          }
        }
        written += await deps.outbox.enqueueMany(emails)
      }
      return written
    },
  }
}
