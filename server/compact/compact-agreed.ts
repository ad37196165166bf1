// When a pair's compact was first agreed: the moment the second partner agreed
// a version the other had also agreed. Monthly reflections (and their nudges)
// are for pairs with an agreed compact only; the dashboard also needs the
// moment, to know which months a pair could have reflected on.

type Agreement = { pairId: unknown; version: number; userId: unknown; createdAt?: Date | null }

/** Pair id → when its compact was first agreed by both partners; pairs never agreed are absent. */
export function compactAgreedAt(agreements: readonly Agreement[]): Map<string, Date> {
  const firstBy = new Map<string, { users: Map<string, number> }>()
  for (const a of agreements) {
    const key = `${String(a.pairId)}:${a.version}`
    const entry = firstBy.get(key) ?? { users: new Map<string, number>() }
    const at = a.createdAt ? +a.createdAt : 0
    const user = String(a.userId)
    entry.users.set(user, Math.min(entry.users.get(user) ?? Infinity, at))
    firstBy.set(key, entry)
  }
  const agreed = new Map<string, Date>()
  for (const [key, { users }] of firstBy) {
    if (users.size < 2) continue
    const pairId = key.slice(0, key.lastIndexOf(':'))
    const at = Math.max(...users.values())
    const held = agreed.get(pairId)
    if (!held || at < +held) agreed.set(pairId, new Date(at))
  }
  return agreed
}
