// What the session emails need to know about a session, from its stored fields.
import type { Types } from 'mongoose'
import type { ShadowingSessionFields } from '../../models/shadowing-session'
import type { Person } from './session-access'
import type { SessionMailContext } from './session-emails'

export type MailDeps = { organizer: { name: string; email: string }; baseUrl: string; now: Date }

export function mailContextOf(session: ShadowingSessionFields & { _id: Types.ObjectId }, host: Person, guest: Person, deps: MailDeps): SessionMailContext {
  return {
    session: {
      id: String(session._id),
      uid: session.uid,
      sequence: session.sequence,
      revision: session.revision,
      start: session.start,
      end: session.end,
      activity: session.activity,
      location: session.location,
      direction: session.direction,
      reason: session.reason,
    },
    host,
    guest,
    ...deps,
  }
}
