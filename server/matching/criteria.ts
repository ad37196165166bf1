// What each matching criterion measures for one doctor–manager pair, as small whole
// numbers (shared interests, common half-days, …). Scoring turns the measures into
// points, and explanations turn them into words; measuring in one place means the
// fast score matrix and the explained single pair can never disagree.
//
// Profiles are prepared once per person (words as small integers, slots as a bitmask,
// rank maps) so that measuring a pair is integer work that allocates nothing: a
// 500 × 300 cohort is 150,000 pairs.
import { AVAILABILITY_SLOTS, findSpecialty } from '../people/reference-data'

export type DoctorCandidate = {
  id: string
  specialty: string
  site: string
  /** QI themes, from QI_THEMES. */
  interests: readonly string[]
  /** Free-text tags the person typed, compared ignoring case. */
  tags: readonly string[]
  /** Half-day slots such as "mon-am"; unknown slots are ignored. */
  availability: readonly string[]
  /** Manager ids in preference order (stable mode); unranked managers are unacceptable. */
  ranks?: readonly string[]
}

export type ManagerCandidate = {
  id: string
  specialtiesCovered: readonly string[]
  site: string
  interests: readonly string[]
  tags: readonly string[]
  availability: readonly string[]
  /** How many doctors the manager will take, 1–3. */
  capacity: number
  /** Doctor ids in preference order. */
  ranks?: readonly string[]
}

/** Rankings are lists of up to five; a longer list counts everything after 5th as 5th. */
export const RANK_LIST_LENGTH = 5

/** Sharing this many themes or tags earns all the interest points. */
export const INTEREST_CAP = 3

/** This many common free half-days a week earns all the availability points. */
export const AVAILABILITY_CAP = 3

export type SpecialtyAlignment = 'covered' | 'same-group' | 'none'

export type Measures = {
  specialty: SpecialtyAlignment
  sharedInterests: number
  sameSite: boolean
  commonSlots: number
  /** 1-based position of the manager in the doctor's ranking, if ranked. */
  doctorRank: number | undefined
  /** 1-based position of the doctor in the manager's ranking, if ranked. */
  managerRank: number | undefined
}

type PreparedPerson = {
  id: string
  site: string
  /** The site as a vocabulary id, −1 if not given. */
  siteId: number
  /** Lower-case theme or tag → the words as the person wrote them, for explanations. */
  interests: Map<string, string>
  /** The same interests as sorted vocabulary ids, for counting. */
  interestIds: Int32Array
  availability: number
  ranks: Map<string, number>
}
export type PreparedDoctor = PreparedPerson & {
  specialty: string
  group: string | undefined
  specialtyId: number
  groupId: number
}
export type PreparedManager = PreparedPerson & {
  covered: readonly string[]
  coveredIds: Int32Array
  groupIds: Int32Array
}

export const normalise = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase()

/**
 * Numbers for words (sites, interests, specialties, groups), so that comparing two
 * people is comparing small integers. Share one vocabulary across a cohort's scoring.
 */
export class Vocabulary {
  private ids = new Map<string, number>()
  /** The id of the normalised words; −1 for nothing. */
  id(words: string | undefined) {
    const key = normalise(words ?? '')
    if (!key) return -1
    let id = this.ids.get(key)
    if (id === undefined) this.ids.set(key, (id = this.ids.size))
    return id
  }
}

const sortedIds = (ids: Iterable<number>) => Int32Array.from(new Set([...ids].filter(id => id >= 0))).sort()

const slotBit = new Map(AVAILABILITY_SLOTS.map((slot, i) => [slot, 1 << i]))

function availabilityMask(slots: readonly string[]) {
  let mask = 0
  for (const slot of slots) mask |= slotBit.get(normalise(slot)) ?? 0
  return mask
}

function rankMap(ids: readonly string[] | undefined) {
  const ranks = new Map<string, number>()
  // A name listed twice keeps its first (higher) place.
  for (const id of ids ?? []) if (!ranks.has(id)) ranks.set(id, ranks.size + 1)
  return ranks
}

function preparePerson(p: DoctorCandidate | ManagerCandidate, words: Vocabulary): PreparedPerson {
  // Themes and tags share one set: a tag "discharge" and the theme "Discharge" are one interest.
  const interests = new Map<string, string>()
  for (const text of [...p.interests, ...p.tags]) {
    const key = normalise(text)
    if (key && !interests.has(key)) interests.set(key, text.trim())
  }
  return {
    id: p.id,
    site: p.site.trim(),
    siteId: p.site.trim() ? words.id(`site:${p.site}`) : -1,
    interests,
    interestIds: sortedIds([...interests.keys()].map(key => words.id(`interest:${key}`))),
    availability: availabilityMask(p.availability),
    ranks: rankMap(p.ranks),
  }
}

/** `words` must be shared with the managers this doctor is compared with. */
export function prepareDoctor(d: DoctorCandidate, words: Vocabulary): PreparedDoctor {
  const group = findSpecialty(d.specialty)?.group
  // Fields copied one by one, not spread: V8 gives spread objects slow property access,
  // which tripled the time to score a cohort.
  const { id, site, siteId, interests, interestIds, availability, ranks } = preparePerson(d, words)
  return {
    id,
    site,
    siteId,
    interests,
    interestIds,
    availability,
    ranks,
    specialty: d.specialty.trim(),
    group,
    specialtyId: d.specialty.trim() ? words.id(`specialty:${d.specialty}`) : -1,
    groupId: group ? words.id(`group:${group}`) : -1,
  }
}

export function prepareManager(m: ManagerCandidate, words: Vocabulary): PreparedManager {
  const covered = m.specialtiesCovered.map(s => s.trim()).filter(Boolean)
  const { id, site, siteId, interests, interestIds, availability, ranks } = preparePerson(m, words)
  return {
    id,
    site,
    siteId,
    interests,
    interestIds,
    availability,
    ranks,
    covered,
    coveredIds: sortedIds(covered.map(s => words.id(`specialty:${s}`))),
    groupIds: sortedIds(
      covered.map(s => findSpecialty(s)?.group).map(g => (g ? words.id(`group:${g}`) : -1)),
    ),
  }
}

/** A short loop rather than includes(): this runs for every pair in the cohort. */
function has(ids: Int32Array, id: number) {
  for (let i = 0; i < ids.length; i++) if (ids[i] === id) return true
  return false
}

export function specialtyAlignment(d: PreparedDoctor, m: PreparedManager): SpecialtyAlignment {
  if (d.specialtyId < 0) return 'none'
  if (has(m.coveredIds, d.specialtyId)) return 'covered'
  return d.groupId >= 0 && has(m.groupIds, d.groupId) ? 'same-group' : 'none'
}

/** Shared themes and tags, by walking two sorted id lists together. */
export function sharedInterestCount(d: PreparedPerson, m: PreparedPerson) {
  const a = d.interestIds
  const b = m.interestIds
  let shared = 0
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i]! < b[j]!) i++
    else if (a[i]! > b[j]!) j++
    else {
      shared++
      i++
      j++
    }
  }
  return shared
}

export function popcount(mask: number) {
  let n = 0
  for (let x = mask; x !== 0; x &= x - 1) n++
  return n
}

/** Measures a pair, into `out` when given so that scoring a whole cohort allocates nothing. */
export function measure(d: PreparedDoctor, m: PreparedManager, out?: Measures): Measures {
  const into = out ?? ({} as Measures)
  into.specialty = specialtyAlignment(d, m)
  into.sharedInterests = sharedInterestCount(d, m)
  // An unknown site (−1) is never "the same" as another unknown site.
  into.sameSite = d.siteId >= 0 && d.siteId === m.siteId
  into.commonSlots = popcount(d.availability & m.availability)
  into.doctorRank = d.ranks.size ? d.ranks.get(m.id) : undefined
  into.managerRank = m.ranks.size ? m.ranks.get(d.id) : undefined
  return into
}
