// Who may see and change a pair's shadowing: the two partners, and programme
// leads. Everyone else gets "not found" rather than "forbidden", so that an id
// guessed from a link reveals nothing. Loads what every page and action needs.
import type { Types } from 'mongoose'
import { Cohort } from '../../models/cohort'
import { EndedPair } from '../../models/ended-pair'
import { Pair } from '../../models/pair'
import { ShadowingSession, type ShadowingDirection } from '../../models/shadowing-session'
import { User } from '../../models/user'
import type { CurrentUser } from '../http/current-user'
import { NotFoundError } from '../errors'
import { idParam } from '../http/id-param'
import { keptPerson } from '../kept-people'

export type Person = { id: string; _id: Types.ObjectId; name: string; email: string }
export type PairRole = 'doctor' | 'manager' | 'lead'

/** Up to this many people are looked up one by one, all at once; more in one query. */
const ONE_BY_ONE = 20

/**
 * The people with these ids that exist, by id. Most pages name a few people (a pair,
 * a log's writers): the embedded engine finds a document by `_id` directly but reads
 * the whole collection for any other query, `$in` included, so a few are looked up
 * one by one, and kept briefly (kept-people.ts); a long list (a cohort's portfolio)
 * is one query on every engine.
 * `known`: people the page has already looked up, taken from it rather than asked again.
 */
export async function peopleById(ids: readonly Types.ObjectId[], known: ReadonlyMap<string, Person> = new Map()): Promise<Map<string, Person>> {
  const wanted = new Map(ids.filter(id => id != null).map(id => [String(id), id]))
  const people = new Map([...wanted.keys()].flatMap(id => (known.has(id) ? [[id, known.get(id)!] as const] : [])))
  const distinct = [...wanted].filter(([id]) => !people.has(id)).map(([, _id]) => _id)
  if (distinct.length > ONE_BY_ONE) {
    for (const user of await User.find({ _id: { $in: distinct } }, { name: 1, email: 1 }).lean()) people.set(String(user._id), personOf(user))
    return people
  }
  for (const person of await Promise.all(distinct.map(keptPerson))) {
    if (person) people.set(String(person._id), personOf(person))
  }
  return people
}

const personOf = (user: { _id: Types.ObjectId; name: string; email: string }): Person => ({
  id: String(user._id),
  _id: user._id,
  name: user.name || user.email,
  email: user.email,
})

/** When and why the lead ended a pair. */
export type PairEnded = { at: Date; reason: string }

/** `orEnded`: a pair the lead has ended is found too, to be read; never for a change. */
export type PairReading = { orEnded?: boolean }

/**
 * A pair as its partners and leads see it; NotFoundError for anyone else. With
 * `orEnded`, a pair the lead has ended too, marked `ended`: for the pages that only
 * show what the pair did. Every change goes through without it, so an ended pair
 * cannot be booked, answered or reflected on.
 */
export async function pairFor(user: CurrentUser, pairId: unknown, options: PairReading = {}) {
  const id = idParam(pairId)
  const current = await Pair.findById(id).lean()
  const endedPair = !current && options.orEnded ? await EndedPair.findById(id).lean() : null
  const pair = current ?? endedPair
  if (!pair) throw new NotFoundError()
  const ended: PairEnded | undefined = endedPair ? { at: endedPair.endedAt, reason: endedPair.reason } : undefined
  const role: PairRole | undefined =
    String(pair.doctorId) === user.id ? 'doctor' : String(pair.managerId) === user.id ? 'manager' : user.roles.includes('lead') ? 'lead' : undefined
  if (!role) throw new NotFoundError()
  const cohort = await Cohort.findById(pair.cohortId).lean()
  if (!cohort) throw new NotFoundError()
  const people = await peopleById([pair.doctorId, pair.managerId])
  const doctor = people.get(String(pair.doctorId))!
  const manager = people.get(String(pair.managerId))!
  return { pair, cohort, role, doctor, manager, ended }
}

export type PairView = Awaited<ReturnType<typeof pairFor>>

/** Host and guest of a session in this direction. */
export function sidesOf(view: Pick<PairView, 'doctor' | 'manager'>, direction: ShadowingDirection): { host: Person; guest: Person } {
  return direction === 'doctor-shadows-manager' ? { host: view.manager, guest: view.doctor } : { host: view.doctor, guest: view.manager }
}

/** A session with its pair, for one of the partners or a lead. */
export async function sessionFor(user: CurrentUser, sessionId: unknown, options: PairReading = {}) {
  const session = await ShadowingSession.findById(idParam(sessionId)).lean()
  if (!session) throw new NotFoundError()
  const view = await pairFor(user, String(session.pairId), options)
  return { ...view, session, ...sidesOf(view, session.direction) }
}

export type SessionView = Awaited<ReturnType<typeof sessionFor>>
