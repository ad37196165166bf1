// Reads kept in this process's memory, for pages whose every read decodes a
// whole collection on the embedded engine (a project's measures and log, a
// calendar feed). A read is kept under its key for one version of what it read
// (a project's revision, a feed's token hash) and, with `maxAgeMs`, for that
// long at most; people asking at the same moment share it while it runs. A
// failed read is not kept. At most `maxEntries` keys: the least recently used
// goes first.
import { systemClock, type Clock } from './clock'

type Kept<V> = { version: string; at: number; value: Promise<V> }

export function createKeptReads<V>(options: { maxEntries: number; maxAgeMs?: number; clock?: Clock }) {
  const entries = new Map<string, Kept<V>>()
  const clock = options.clock ?? systemClock
  const now = () => clock.now().getTime()
  const fresh = (kept: Kept<V>, version: string) => kept.version === version && (options.maxAgeMs === undefined || now() - kept.at < options.maxAgeMs)

  return {
    /** What `read` gives for this key and version: kept, or read now and kept. */
    get(key: string, version: string, read: () => Promise<V>): Promise<V> {
      const kept = entries.get(key)
      // Maps keep insertion order: taking the key out and putting it back makes it the most recently used.
      entries.delete(key)
      if (kept && fresh(kept, version)) {
        entries.set(key, kept)
        return kept.value
      }
      if (entries.size >= options.maxEntries) entries.delete(entries.keys().next().value!)
      const entry: Kept<V> = { version, at: now(), value: read() }
      entries.set(key, entry)
      entry.value.catch(() => entries.get(key) === entry && entries.delete(key))
      return entry.value
    },
  }
}
