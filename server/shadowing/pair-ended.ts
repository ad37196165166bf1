// When a lead ends a pair, its sessions end with it: confirmed sessions still to
// come are cancelled (both partners' calendars get the CANCEL, with the lead's
// reason) and proposals nobody has answered are withdrawn. Each claims its
// revision like any other change, so a partner acting at the same moment gets
// one consistent answer.
import type { Types } from 'mongoose'
import { ShadowingSession } from '../../models/shadowing-session'
import type { Clock } from '../clock'
import type { Outbox } from '../mail/outbox.service'
import { cancelSession } from './cancel-session'
import { peopleById } from './session-access'
import { SessionChangedError } from './session-changes'
import { organizerFrom } from './session-emails'

export function createPairEndedSessions(deps: { outbox: Outbox; clock: Clock; baseUrl: string; mailFrom: string }) {
  const organizer = organizerFrom(deps.mailFrom)
  return {
    /** Ends the pair's open sessions; returns how many there were. */
    async endSessionsOf(pairId: Types.ObjectId | string, endedBy: string, reason: string): Promise<number> {
      const now = deps.clock.now()
      const open = await ShadowingSession.find({ pairId, status: { $in: ['proposed', 'confirmed'] }, end: { $gt: now } }).lean()
      const people = await peopleById(open.flatMap(s => [s.hostId, s.guestId]))
      const change = { by: endedBy, reason: reason || 'The programme lead ended the pair' }
      let ended = 0
      for (const session of open) {
        const host = people.get(String(session.hostId))!
        const guest = people.get(String(session.guestId))!
        try {
          await cancelSession(session, { host, guest }, change, { outbox: deps.outbox, organizer, baseUrl: deps.baseUrl, now })
          ended += 1
        } catch (error) {
          // A partner changed it at this moment; their change stands and the session is no longer open to them anyway.
          if (!(error instanceof SessionChangedError)) throw error
        }
      }
      return ended
    },
  }
}
