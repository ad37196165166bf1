// What each matching criterion measures for one doctor–manager pair, as small whole
// numbers (shared interests, common half-days, …). Scoring turns the measures into
// points, and explanations turn them into words; measuring in one place means the
// fast score matrix and the explained single pair can never disagree.
//
// Profiles are normalised once per person (lower case, slot bitmasks, rank maps) so
// that measuring a pair allocates nothing: a 500 × 300 cohort is 150,000 pairs.
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
  siteKey: string
  site: string
  /** Lower-case theme or tag → the words as the person wrote them. */
  interests: Map<string, string>
  availability: number
  ranks: Map<string, number>
}
export type PreparedDoctor = PreparedPerson & {
  specialty: string
  specialtyKey: string
  group: string | undefined
}
export type PreparedManager = PreparedPerson & {
  covered: readonly string[]
  coveredKeys: Set<string>
  groups: Set<string>
}

export const normalise = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase()

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

function preparePerson(p: DoctorCandidate | ManagerCandidate): PreparedPerson {
  // Themes and tags share one set: a tag "discharge" and the theme "Discharge" are one interest.
  const interests = new Map<string, string>()
  for (const words of [...p.interests, ...p.tags]) {
    const key = normalise(words)
    if (key && !interests.has(key)) interests.set(key, words.trim())
  }
  return {
    id: p.id,
    siteKey: normalise(p.site),
    site: p.site.trim(),
    interests,
    availability: availabilityMask(p.availability),
    ranks: rankMap(p.ranks),
  }
}

export function prepareDoctor(d: DoctorCandidate): PreparedDoctor {
  return {
    ...preparePerson(d),
    specialty: d.specialty.trim(),
    specialtyKey: normalise(d.specialty),
    group: findSpecialty(d.specialty)?.group,
  }
}

export function prepareManager(m: ManagerCandidate): PreparedManager {
  const covered = m.specialtiesCovered.map(s => s.trim()).filter(Boolean)
  const groups = new Set<string>()
  for (const s of covered) {
    const group = findSpecialty(s)?.group
    if (group) groups.add(group)
  }
  return { ...preparePerson(m), covered, coveredKeys: new Set(covered.map(normalise)), groups }
}

export function specialtyAlignment(d: PreparedDoctor, m: PreparedManager): SpecialtyAlignment {
  if (!d.specialtyKey) return 'none'
  if (m.coveredKeys.has(d.specialtyKey)) return 'covered'
  return d.group !== undefined && m.groups.has(d.group) ? 'same-group' : 'none'
}

export function sharedInterestCount(d: PreparedPerson, m: PreparedPerson) {
  let shared = 0
  for (const key of d.interests.keys()) if (m.interests.has(key)) shared++
  return shared
}

export function popcount(mask: number) {
  let n = 0
  for (let x = mask; x !== 0; x &= x - 1) n++
  return n
}

export function measure(d: PreparedDoctor, m: PreparedManager): Measures {
  return {
    specialty: specialtyAlignment(d, m),
    sharedInterests: sharedInterestCount(d, m),
    // An unknown site is never "the same" as another unknown site.
    sameSite: d.siteKey !== '' && d.siteKey === m.siteKey,
    commonSlots: popcount(d.availability & m.availability),
    doctorRank: d.ranks.get(m.id),
    managerRank: m.ranks.get(d.id),
  }
}
