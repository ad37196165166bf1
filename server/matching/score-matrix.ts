// The whole cohort's scores at once, fast: 200 million pairs for 20,000 doctors and
// 10,000 managers. The same measures as criteria.ts, in a form that costs a few integer
// operations a pair: each manager's specialty step per kind of doctor worked out once,
// interests as bitmasks when the cohort's words are few (popcount of the overlap), and
// the points and requirements of every combination of steps in one table. Rankings
// touch at most five pairs per person, so preference is added to those pairs after.
// The test "gives the same totals in the fast matrix as pair by pair" holds this to
// scorePair.
import {
  AVAILABILITY_CAP,
  INTEREST_CAP,
  RANK_LIST_LENGTH,
  popcount,
  sharedInterestCount,
  specialtyAlignment,
  type PreparedDoctor,
  type PreparedManager,
} from './criteria'

/** Set bits of a 32-bit integer, without a loop. */
function bits(x: number) {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24
}

/** Interests as bitmasks up to this many distinct words in the cohort; beyond, a merge. */
const MASK_WORDS = 4

/** Steps per criterion: specialty 0–2, interests 0–3, site 0–1, availability 0–3. */
const combination = (specialty: number, interests: number, site: number, availability: number) =>
  ((specialty * (INTEREST_CAP + 1) + interests) * 2 + site) * (AVAILABILITY_CAP + 1) + availability

/**
 * Fills `points` and `eligible` (doctor-major) for prepared people, from `table`
 * (points per step, per criterion in CRITERIA order: specialty, interests, site,
 * availability, preference) and which criteria are `required`. No closures here: V8
 * keeps variables that closures capture in a slower place, and this loop runs for
 * every pair.
 */
export function fillScores(
  ds: readonly PreparedDoctor[],
  ms: readonly PreparedManager[],
  table: readonly (readonly number[])[],
  required: readonly boolean[],
  points: Uint8Array,
  eligible: Uint8Array,
) {
  const n = ds.length
  const m = ms.length
  const { sum, meets } = combinations(table, required)
  const { kindOf, steps } = specialtySteps(ds, ms)
  const masks = interestMasks(ds, ms)
  const managerSite = Int32Array.from(ms, x => x.siteId)
  const managerSlots = Int32Array.from(ms, x => x.availability)
  // Imported constants read as locals: a module loader may turn every read into a call.
  const interestCap = INTEREST_CAP
  const availabilityCap = AVAILABILITY_CAP
  const shared = new Uint8Array(m)
  for (let i = 0; i < n; i++) {
    const d = ds[i]!
    const site = d.siteId
    const slots = d.availability
    const row = i * m
    const kindSteps = steps.subarray(kindOf[i]! * m, (kindOf[i]! + 1) * m)
    if (masks === undefined) for (let j = 0; j < m; j++) shared[j] = sharedInterestCount(d, ms[j]!)
    else if (masks.width === 1) {
      const mine = masks.doctor[i]!
      const theirs = masks.manager
      for (let j = 0; j < m; j++) shared[j] = bits(mine & theirs[j]!)
    } else sharedByWords(masks, i, shared)
    for (let j = 0; j < m; j++) {
      const interests = shared[j]!
      const common = bits(slots & managerSlots[j]!)
      // combination(specialty, interests, site, availability), written out for speed.
      const at =
        ((kindSteps[j]! * (interestCap + 1) + (interests < interestCap ? interests : interestCap)) * 2 +
          (site >= 0 && site === managerSite[j] ? 1 : 0)) *
          (availabilityCap + 1) +
        (common < availabilityCap ? common : availabilityCap)
      points[row + j] = sum[at]!
      eligible[row + j] = meets[at]!
    }
  }
  addPreference(ds, ms, table[4]!, required, points, eligible)
}

/** Points, and "meets every requirement but preference", for each combination of steps. */
function combinations(table: readonly (readonly number[])[], required: readonly boolean[]) {
  const size = combination(2, INTEREST_CAP, 1, AVAILABILITY_CAP) + 1
  const sum = new Uint8Array(size)
  const meets = new Uint8Array(size)
  for (let sp = 0; sp <= 2; sp++)
    for (let it = 0; it <= INTEREST_CAP; it++)
      for (let si = 0; si <= 1; si++)
        for (let av = 0; av <= AVAILABILITY_CAP; av++) {
          const reached = [sp, it, si, av]
          const at = combination(sp, it, si, av)
          sum[at] = reached.reduce((s, step, c) => s + table[c]![step]!, 0) + table[4]![0]!
          meets[at] = reached.every((step, c) => step > 0 || !required[c]) && !required[4] ? 1 : 0
        }
  return { sum, meets }
}

/**
 * Doctors of the same specialty (and group) are alike to every manager's specialty:
 * each doctor's kind, and per kind each manager's specialty step (kind-major).
 */
function specialtySteps(ds: readonly PreparedDoctor[], ms: readonly PreparedManager[]) {
  const kinds = new Map<string, number>()
  const kindOf = Int32Array.from(ds, d => {
    const key = `${d.specialtyId}/${d.groupId}`
    if (!kinds.has(key)) kinds.set(key, kinds.size)
    return kinds.get(key)!
  })
  const example = new Array<PreparedDoctor>(kinds.size)
  ds.forEach((d, i) => (example[kindOf[i]!] ??= d))
  const steps = new Uint8Array(ms.length * kinds.size)
  example.forEach((d, k) =>
    ms.forEach((x, j) => {
      const alignment = specialtyAlignment(d, x)
      steps[k * ms.length + j] = alignment === 'covered' ? 2 : alignment === 'same-group' ? 1 : 0
    }),
  )
  return { kindOf, steps }
}

type Masks = { width: number; doctor: Int32Array; manager: Int32Array }

/** Interests as bitmasks of `width` words, the cohort's words numbered afresh; none if too many. */
function interestMasks(ds: readonly PreparedDoctor[], ms: readonly PreparedManager[]): Masks | undefined {
  const dense = new Map<number, number>()
  for (const p of [...ds, ...ms])
    for (const id of p.interestIds) if (!dense.has(id)) dense.set(id, dense.size)
  const width = Math.max(1, Math.ceil(dense.size / 32))
  if (width > MASK_WORDS) return undefined
  const mask = (people: readonly (PreparedDoctor | PreparedManager)[]) => {
    const out = new Int32Array(people.length * width)
    people.forEach((p, i) => {
      for (const id of p.interestIds) {
        const bit = dense.get(id)!
        out[i * width + (bit >> 5)]! |= 1 << (bit & 31)
      }
    })
    return out
  }
  return { width, doctor: mask(ds), manager: mask(ms) }
}

/** Doctor i's shared interests with every manager, from masks of several words. */
function sharedByWords({ width, doctor, manager }: Masks, i: number, out: Uint8Array) {
  for (let j = 0; j < out.length; j++) {
    let count = 0
    for (let w = 0; w < width; w++) count += bits(doctor[i * width + w]! & manager[j * width + w]!)
    out[j] = count
  }
}

/**
 * Preference for the pairs where both ranked each other: its points, and the pair's
 * requirements checked again with preference met.
 */
function addPreference(
  ds: readonly PreparedDoctor[],
  ms: readonly PreparedManager[],
  preference: readonly number[],
  required: readonly boolean[],
  points: Uint8Array,
  eligible: Uint8Array,
) {
  const m = ms.length
  const managerIndex = new Map(ms.map((x, j) => [x.id, j]))
  const worth = (rank: number) => RANK_LIST_LENGTH + 1 - Math.min(rank, RANK_LIST_LENGTH)
  ds.forEach((d, i) => {
    for (const [managerId, doctorRank] of d.ranks) {
      const j = managerIndex.get(managerId)
      const managerRank = j === undefined ? undefined : ms[j]!.ranks.get(d.id)
      if (j === undefined || managerRank === undefined) continue
      const k = i * m + j
      points[k]! += preference[worth(doctorRank) + worth(managerRank)]! - preference[0]!
      // The others' requirements: recount them from the pair itself, as it is rare.
      if (required[4]) eligible[k] = meetsOthers(ds[i]!, ms[j]!, required) ? 1 : 0
    }
  })
}

function meetsOthers(d: PreparedDoctor, x: PreparedManager, required: readonly boolean[]) {
  const steps = [
    specialtyAlignment(d, x) === 'none' ? 0 : 1,
    sharedInterestCount(d, x),
    d.siteId >= 0 && d.siteId === x.siteId ? 1 : 0,
    popcount(d.availability & x.availability),
  ]
  return steps.every((step, c) => step > 0 || !required[c])
}
