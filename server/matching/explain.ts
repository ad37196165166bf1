// Each criterion's measure in plain English for the programme lead, e.g. "both
// interested in patient flow and discharge" or "3 common free half-days (…)".
// Written as phrases in lower case so a page can join them with semicolons.
import {
  AVAILABILITY_SLOTS,
  DAY_PART_NAMES,
  WEEKDAY_NAMES,
  type DAY_PARTS,
  type WEEKDAYS,
} from '../people/reference-data'
import { type Measures, type PreparedDoctor, type PreparedManager } from './criteria'
import type { Criterion } from './scoring'

/** Lower case for use mid-sentence, keeping acronyms such as ENT or SDEC. */
export function midSentence(name: string) {
  return name
    .split(' ')
    .map(word => (/[A-Z].*[A-Z]/.test(word) ? word : word.toLowerCase()))
    .join(' ')
}

/** "a", "a and b", "a, b and c". */
export function listInWords(items: readonly string[]) {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

export function ordinal(n: number) {
  const teen = n % 100 >= 11 && n % 100 <= 13
  const suffix = teen ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th')
  return `${n}${suffix}`
}

/** "mon-am" → "Monday morning". */
function slotInWords(slot: string) {
  const [day, part] = slot.split('-') as [(typeof WEEKDAYS)[number], (typeof DAY_PARTS)[number]]
  return `${WEEKDAY_NAMES[day]} ${DAY_PART_NAMES[part].toLowerCase()}`
}

function specialty(d: PreparedDoctor, m: PreparedManager, alignment: Measures['specialty']) {
  if (alignment === 'covered') return `the manager's service covers ${midSentence(d.specialty)}`
  if (alignment === 'same-group')
    return `related specialty: ${midSentence(d.specialty)} is in the same group (${midSentence(d.group!)}) as the manager's service`
  if (d.specialtyId < 0) return 'the doctor has not given a specialty'
  if (m.covered.length === 0) return 'the manager has not said which specialties their service covers'
  return `the manager's service does not cover ${midSentence(d.specialty)} or its group`
}

function interests(d: PreparedDoctor, m: PreparedManager) {
  // In the doctor's order and words, so the phrase reads the same on every row of theirs.
  const shared = [...d.interests]
    .filter(([key]) => m.interests.has(key))
    .map(([, words]) => midSentence(words))
  return shared.length ? `both interested in ${listInWords(shared)}` : 'no shared QI interests'
}

function site(d: PreparedDoctor, m: PreparedManager, same: boolean) {
  if (same) return `both at ${d.site}`
  if (d.siteId < 0 && m.siteId < 0) return 'neither has given a site'
  if (d.siteId < 0) return 'the doctor has not given a site'
  if (m.siteId < 0) return 'the manager has not given a site'
  return `different sites (${d.site} and ${m.site})`
}

function availability(d: PreparedDoctor, m: PreparedManager, common: number) {
  if (common === 0) return 'no free half-day in common'
  const noun = common === 1 ? 'half-day' : 'half-days'
  // Naming more than three slots would crowd the line; the count says enough.
  if (common > 3) return `${common} common free ${noun}`
  const both = d.availability & m.availability
  const slots = AVAILABILITY_SLOTS.filter((_, i) => both & (1 << i)).map(slotInWords)
  return `${common} common free ${noun} (${listInWords(slots)})`
}

function preference({ doctorRank, managerRank }: Measures) {
  if (doctorRank !== undefined && managerRank !== undefined)
    return `ranked each other (the doctor's ${ordinal(doctorRank)} choice, the manager's ${ordinal(managerRank)})`
  if (doctorRank !== undefined) return `only the doctor ranked this manager (${ordinal(doctorRank)} choice)`
  if (managerRank !== undefined) return `only the manager ranked this doctor (${ordinal(managerRank)} choice)`
  return 'did not rank each other'
}

export function explain(
  d: PreparedDoctor,
  m: PreparedManager,
  measures: Measures,
): Record<Criterion, string> {
  return {
    specialty: specialty(d, m, measures.specialty),
    interests: interests(d, m),
    site: site(d, m, measures.sameSite),
    availability: availability(d, m, measures.commonSlots),
    preference: preference(measures),
  }
}

const REQUIREMENT: Record<Criterion, string> = {
  specialty: 'a related specialty',
  interests: 'a shared QI interest',
  site: 'the same site',
  availability: 'a free half-day in common',
  preference: 'that both rank each other',
}

/** Why a hard requirement rules a pair out, e.g. "different sites (A and B), and this cohort requires the same site". */
export function unmetRequirement(c: Criterion, explanation: string) {
  return `${explanation}, and this cohort requires ${REQUIREMENT[c]}`
}
