// Stable mode: when doctors and managers have ranked each other (up to five each),
// the lead can ask for a matching no doctor and manager would both rather leave —
// doctor-proposing deferred acceptance with manager places (Gale & Shapley, 1962,
// "College admissions and the stability of marriage"; Roth & Sotomayor, 1990, ch. 5).
//
// Someone a person did not rank is unacceptable to them, and an excluded pair is
// unacceptable to both. The doctor-proposing result is the stable matching every
// doctor likes best, and it is unique, so proposal order cannot change it; the
// solver still takes doctors in id order so that a trace reads the same every time.
import { byId, type PairIds } from './assignment'

export type RankedDoctor = { id: string; ranks?: readonly string[] }
export type RankedManager = { id: string; capacity: number; ranks?: readonly string[] }
export type StablePreferences = {
  doctors: readonly RankedDoctor[]
  managers: readonly RankedManager[]
  exclusions?: readonly PairIds[]
}

export type StablePair = { doctorId: string; managerId: string; doctorRank: number; managerRank: number }
export type StableMatching = { pairs: StablePair[]; unmatched: string[] }

export type BlockingPair = { doctorId: string; managerId: string; explanation: string }


/** Who ranks whom where (1-based), and whether a pair may be matched at all. */
function preferences(prefs: StablePreferences) {
  const rankMaps = (people: readonly { id: string; ranks?: readonly string[] }[]) =>
    new Map(
      people.map(p => {
        const ranks = new Map<string, number>()
        for (const id of p.ranks ?? []) if (!ranks.has(id)) ranks.set(id, ranks.size + 1)
        return [p.id, ranks]
      }),
    )
  const doctorRanks = rankMaps(prefs.doctors)
  const managerRanks = rankMaps(prefs.managers)
  const excluded = new Set((prefs.exclusions ?? []).map(([d, m]) => `${d}\n${m}`))
  const acceptable = (doctorId: string, managerId: string) =>
    doctorRanks.get(doctorId)?.has(managerId) === true &&
    managerRanks.get(managerId)?.has(doctorId) === true &&
    !excluded.has(`${doctorId}\n${managerId}`)
  return { doctorRanks, managerRanks, acceptable }
}

export function deferredAcceptance(prefs: StablePreferences): StableMatching {
  const { doctorRanks, managerRanks, acceptable } = preferences(prefs)
  const capacity = new Map(prefs.managers.map(m => [m.id, m.capacity]))
  const held = new Map<string, string[]>(prefs.managers.map(m => [m.id, []]))
  const nextChoice = new Map<string, number>()
  const lists = new Map(prefs.doctors.map(d => [d.id, [...doctorRanks.get(d.id)!.keys()]]))
  // A stack of free doctors, popped in id order.
  const free = prefs.doctors.map(d => d.id).sort((a, b) => byId(b, a))

  while (free.length) {
    const doctorId = free.pop()!
    const list = lists.get(doctorId)!
    let i = nextChoice.get(doctorId) ?? 0
    while (i < list.length) {
      const managerId = list[i++]!
      if (!acceptable(doctorId, managerId)) continue
      const holding = held.get(managerId)!
      const rankOf = managerRanks.get(managerId)!
      if (holding.length < capacity.get(managerId)!) {
        holding.push(doctorId)
        break
      }
      if (holding.length === 0) continue // a manager with no places
      // Full: the manager keeps the doctor only by letting go of the one they rank lowest.
      const worst = holding.reduce((w, d) => (rankOf.get(d)! > rankOf.get(w)! ? d : w))
      if (rankOf.get(doctorId)! < rankOf.get(worst)!) {
        holding[holding.indexOf(worst)] = doctorId
        free.push(worst)
        break
      }
    }
    nextChoice.set(doctorId, i)
  }

  const pairs: StablePair[] = []
  for (const [managerId, doctors] of held)
    for (const doctorId of doctors)
      pairs.push({
        doctorId,
        managerId,
        doctorRank: doctorRanks.get(doctorId)!.get(managerId)!,
        managerRank: managerRanks.get(managerId)!.get(doctorId)!,
      })
  pairs.sort((a, b) => byId(a.doctorId, b.doctorId))
  const matched = new Set(pairs.map(p => p.doctorId))
  const unmatched = prefs.doctors
    .map(d => d.id)
    .filter(id => !matched.has(id))
    .sort(byId)
  return { pairs, unmatched }
}

/**
 * Every doctor and manager who would both rather be paired with each other than keep
 * what they have: the doctor ranks the manager above their partner (or has none), and
 * the manager has a free place or ranks the doctor above one of theirs. Empty for a
 * stable matching — which is how the lead is shown that one is.
 */
export function blockingPairs(
  result: { pairs: readonly { doctorId: string; managerId: string }[] },
  prefs: StablePreferences,
): BlockingPair[] {
  const { doctorRanks, managerRanks, acceptable } = preferences(prefs)
  const partnerOf = new Map(result.pairs.map(p => [p.doctorId, p.managerId]))
  const doctorsOf = new Map<string, string[]>(prefs.managers.map(m => [m.id, []]))
  for (const p of result.pairs) doctorsOf.get(p.managerId)?.push(p.doctorId)
  const capacity = new Map(prefs.managers.map(m => [m.id, m.capacity]))

  const blocking: BlockingPair[] = []
  for (const doctor of [...prefs.doctors].sort((a, b) => byId(a.id, b.id))) {
    const mine = doctorRanks.get(doctor.id)!
    const partner = partnerOf.get(doctor.id)
    const partnerRank = partner === undefined ? Infinity : (mine.get(partner) ?? Infinity)
    for (const [managerId, rank] of mine) {
      if (rank >= partnerRank || !acceptable(doctor.id, managerId)) continue
      const theirs = managerRanks.get(managerId)!
      const current = doctorsOf.get(managerId) ?? []
      const choice = `${doctor.id} ranks ${managerId} ${rank === 1 ? 'first' : `number ${rank}`}${partner === undefined ? ' and has no partner' : `, above ${partner}`}`
      if (current.length < (capacity.get(managerId) ?? 0)) {
        blocking.push({
          doctorId: doctor.id,
          managerId,
          explanation: `${choice}, and ${managerId} has a free place`,
        })
        continue
      }
      const displaced = current.filter(d => (theirs.get(d) ?? Infinity) > theirs.get(doctor.id)!).sort(byId)
      if (displaced.length)
        blocking.push({
          doctorId: doctor.id,
          managerId,
          explanation: `${choice}, and ${managerId} ranks ${doctor.id} above ${displaced.join(' and ')}`,
        })
    }
  }
  return blocking
}
