// What a board or the dashboard shows of a cohort, worked out at most once a
// minute and shared by everyone who opens it (decision 014). Building it reads every pair,
// session, attendance, project and measure of the cohort — seconds for 2,000
// people on the embedded engine — and even asking whether anything changed
// costs about a second there, so the answer is kept for `maxAgeMs`. After that
// the next visitor still gets the kept answer at once while a fresh one is
// built behind it; people asking at the same moment share one build.
import type { Clock } from './clock'

export type Fresh<V> = { value: V; at: Date }

type Entry<V> = { kept?: Fresh<V>; building?: Promise<Fresh<V>> }

export function createRefreshingCache<V>(options: { clock: Clock; maxAgeMs: number; maxEntries: number; build: (key: string) => Promise<V>; onError?: (error: unknown) => void }) {
  const entries = new Map<string, Entry<V>>()

  function rebuild(key: string, entry: Entry<V>): Promise<Fresh<V>> {
    const at = options.clock.now()
    entry.building = options
      .build(key)
      .then(value => {
        entry.kept = { value, at }
        return entry.kept
      })
      .finally(() => {
        entry.building = undefined
      })
    return entry.building
  }

  return {
    async get(key: string): Promise<Fresh<V>> {
      let entry = entries.get(key)
      if (!entry) {
        // The oldest cohort goes when there are too many: Maps keep insertion order.
        if (entries.size >= options.maxEntries) entries.delete(entries.keys().next().value!)
        entry = {}
        entries.set(key, entry)
      }
      if (!entry.kept) return entry.building ?? rebuild(key, entry)
      const stale = options.clock.now().getTime() - entry.kept.at.getTime() >= options.maxAgeMs
      // A failed refresh keeps the last answer; the next visit after it tries again.
      if (stale && !entry.building) rebuild(key, entry).catch(error => options.onError?.(error))
      return entry.kept
    },
  }
}
