// One change at a time per session. FerretDB v1 does not make conditional
// updates atomic (decision 003), so "only if it is still proposed" cannot be
// an update filter. Instead each change claims the session's current revision
// with a unique insert; the one caller that wins makes the change and moves the
// revision on, and everyone else is told the session changed under them. A
// claim left by a process that died mid-change is taken over after a lease.
import type { Types } from 'mongoose'
import { ShadowingSession } from '../../models/shadowing-session'
import { claimRevisionOf } from '../db/claims'
import { ConflictError } from '../errors'

export class SessionChangedError extends ConflictError {
  constructor() {
    super('Your partner changed this session at the same moment. Check it again below before you do anything else.')
  }
}

/** Claims revision `revision` of the session or throws SessionChangedError. */
export async function claimRevision(session: { _id: Types.ObjectId; revision: number }, now: Date): Promise<void> {
  if (!(await claimRevisionOf({ model: ShadowingSession, key: 'shadowing', _id: session._id, revision: session.revision }, now))) throw new SessionChangedError()
}

/** After a claimed change that could not go ahead, moves the revision on unchanged so the session is not stuck. */
export async function releaseRevision(session: { _id: Types.ObjectId; revision: number }): Promise<void> {
  await ShadowingSession.updateOne({ _id: session._id, revision: session.revision }, { $set: { revision: session.revision + 1 } })
}
