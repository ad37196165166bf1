// "Remind everyone whose profile is incomplete": one email each, through the
// outbox. People who have not yet accepted their invitation get a fresh
// invitation link instead (the old one cannot be re-sent: only its hash is kept).
import type { Types } from 'mongoose'
import { Enrolment } from '../../models/enrolment'
import type { CohortDocument } from '../../models/cohort'
import type { Clock } from '../clock'
import { claimOnce } from '../db/claims'
import type { InvitationsService } from '../accounts/invitations.service'
import type { Outbox } from '../mail/outbox.service'
import { cohortPeople } from './directory.service'

export type RemindersService = ReturnType<typeof createRemindersService>

export function createRemindersService(deps: { outbox: Outbox; invitations: InvitationsService; clock: Clock; baseUrl: string }) {
  return {
    /** Returns how many people were reminded. At most one reminder per person per cohort per day. */
    async remindIncomplete(cohort: CohortDocument, leadName: string): Promise<{ reminded: number; reinvited: number }> {
      const people = await cohortPeople(cohort._id as Types.ObjectId)
      const day = deps.clock.now().toISOString().slice(0, 10)
      let reminded = 0
      let reinvited = 0
      for (const person of people.filter(p => !p.complete)) {
        if (!(await claimOnce(`profile-reminder:${String(cohort._id)}:${person.userId}:${day}`, deps.clock.now()))) continue
        await Enrolment.updateOne({ cohortId: cohort._id, userId: person.userId }, { $set: { remindedAt: deps.clock.now() } })
        if (person.status === 'invited') {
          await deps.invitations.invite({ email: person.email, role: person.side, invitedBy: leadName })
          reinvited += 1
          continue
        }
        const text = [
          `Hello ${person.name},`,
          '',
          `${leadName} is getting ready to match pairs for ${cohort.name}. Your Tandem profile is ${person.completeness}% complete, and matching works best with all of it.`,
          '',
          'Please finish it here:',
          `${deps.baseUrl}/profile`,
        ].join('\n')
        await deps.outbox.enqueue({
          to: person.email,
          subject: `Please complete your Tandem profile for ${cohort.name}`,
          text,
          dedupeKey: `profile-reminder:${String(cohort._id)}:${person.userId}:${day}`,
        })
        reminded += 1
      }
      return { reminded, reinvited }
    },
  }
}
