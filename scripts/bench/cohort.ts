// A made-up but plausible cohort for the benchmark: a few sites, doctors across the
// common specialties, managers whose services cover one to four specialties of a
// group, popular QI themes chosen more often, weekday half-days, the odd exclusion.
import type { PairIds } from '../../server/matching/assignment'
import type { DoctorCandidate, ManagerCandidate } from '../../server/matching/criteria'
import {
  AVAILABILITY_SLOTS,
  QI_THEMES,
  SPECIALTIES,
  SPECIALTY_GROUPS,
} from '../../server/people/reference-data'
import type { Random } from './random'

const SITES = ['Royal Infirmary', 'Western General', "St John's", 'Community Hub', 'Eye Pavilion']
const TAGS = [
  'frailty',
  'SDEC',
  'COPD',
  'sepsis',
  'virtual wards',
  'handover',
  'e-rostering',
  'net zero',
  'falls',
  'delirium',
]
// Weekday mornings and afternoons first: evenings and weekends are rarely free for both.
const SLOTS = [
  ...AVAILABILITY_SLOTS.filter(s => !/^(sat|sun)|eve$/.test(s)),
  ...AVAILABILITY_SLOTS.filter(s => /^(sat|sun)|eve$/.test(s)),
]

const id = (prefix: string, i: number) => `${prefix}${String(i).padStart(5, '0')}`
const randomCase = (rng: Random, tag: string) => (rng.next() < 0.3 ? tag.toUpperCase() : tag)

function person(rng: Random) {
  return {
    site: SITES[Math.floor(rng.next() ** 1.3 * SITES.length)]!,
    interests: rng.some(QI_THEMES, rng.int(1, 4)),
    tags: rng.some(TAGS, rng.int(0, 2)).map(t => randomCase(rng, t)),
    availability: rng.some(SLOTS, rng.int(2, 8), 2),
  }
}

export function randomCohort(rng: Random, doctorCount: number, managerCount: number) {
  const doctors: DoctorCandidate[] = Array.from({ length: doctorCount }, (_, i) => ({
    id: id('d', i),
    specialty: rng.some(SPECIALTIES, 1, 1.3)[0]!.name,
    ...person(rng),
  }))
  const managers: ManagerCandidate[] = Array.from({ length: managerCount }, (_, j) => {
    const group = rng.pick(SPECIALTY_GROUPS)
    const inGroup = SPECIALTIES.filter(s => s.group === group).map(s => s.name)
    return {
      id: id('m', j),
      specialtiesCovered: rng.some(inGroup, rng.int(1, 4), 1),
      capacity: rng.int(1, 3),
      ...person(rng),
    }
  })
  // About one doctor in fifty is line-managed by someone in the cohort.
  const exclusions: PairIds[] = doctors
    .filter(() => rng.next() < 0.02)
    .map(d => [d.id, rng.pick(managers).id])
  return { doctors, managers, exclusions }
}
