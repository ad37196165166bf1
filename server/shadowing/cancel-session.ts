// Cancelling a session, by a partner or because the lead ended the pair: a
// confirmed session gets SEQUENCE+1 and both partners a CANCEL for the same
// calendar event; an unanswered proposal is withdrawn (no invite was ever sent,
// so there is nothing to take out of anyone's calendar). Both give back the
// session's quarter hours.
import type { Types } from 'mongoose'
import { ShadowingSession, type ShadowingSessionFields } from '../../models/shadowing-session'
import type { Outbox } from '../mail/outbox.service'
import { mailContextOf, type MailDeps } from './mail-context'
import type { Person } from './session-access'
import { claimRevision } from './session-changes'
import { sessionInviteEmails } from './session-emails'
import { releaseTimes } from './time-claims'

export async function cancelSession(
  session: ShadowingSessionFields & { _id: Types.ObjectId },
  people: { host: Person; guest: Person },
  change: { by: Types.ObjectId | string; reason: string },
  deps: { outbox: Outbox } & MailDeps,
): Promise<void> {
  const withdrawing = session.status === 'proposed'
  await claimRevision(session, deps.now)
  const sequence = withdrawing ? session.sequence : session.sequence + 1
  await ShadowingSession.updateOne(
    { _id: session._id },
    {
      $set: { status: 'cancelled', reason: change.reason, respondTokenHash: null, revision: session.revision + 1, sequence },
      $push: { history: { at: deps.now, by: change.by, action: withdrawing ? 'withdrawn' : 'cancelled', reason: change.reason } },
    },
  )
  await releaseTimes(session._id)
  if (withdrawing) return
  const cancelled = { ...session, sequence, reason: change.reason }
  await deps.outbox.enqueueMany(sessionInviteEmails('cancel', mailContextOf(cancelled, people.host, people.guest, deps)))
}
