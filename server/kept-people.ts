// People read by _id, kept briefly (decision 015): who is signed in and whether they
// still may be, the names pages show, whether a calendar feed's owner is active.
// One copy of each person serves all of these, so a page that names the signed-in
// person does not read them again.
import type { Types } from 'mongoose'
import { onUsersChanged, User, type Role } from '../models/user'
import { keptBriefly } from './kept-briefly'

export type KeptPerson = Readonly<{ _id: Types.ObjectId; email: string; name: string; roles: readonly Role[]; status: 'invited' | 'active' }>

// Writes to people are rare (invitations, imports, a setting): any of them forgets every copy.
const kept = keptBriefly<KeptPerson>({ max: 20_000, forgetOn: onUsersChanged })

/** The person with this id, as last read within KEEP_MS; undefined if there is none. Shared by every caller: frozen. */
export function keptPerson(id: Types.ObjectId | string): Promise<KeptPerson | undefined> {
  return kept.get(String(id), async () => {
    const user = await User.findById(id, { email: 1, name: 1, roles: 1, status: 1 }).lean()
    if (!user) return undefined
    return Object.freeze({ _id: user._id, email: user.email, name: user.name, roles: Object.freeze([...user.roles]), status: user.status })
  })
}
