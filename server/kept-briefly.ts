// Reads kept for a short while in this app process (decision 015): who is signed
// in, people's names, a cohort or a priority as pages show them. A write this
// process makes to the collection forgets every copy at once; a write made by
// another process is seen within KEEP_MS.
import { LRUCache } from 'lru-cache'

export const KEEP_MS = 30_000

/** `forgetOn`: how to hear of this process's writes to the collection (models/write-listeners.ts). */
export function keptBriefly<V extends NonNullable<unknown>>(options: {
  max: number
  forgetOn: (listener: () => void) => void
}) {
  const kept = new LRUCache<string, V>({ max: options.max, ttl: KEEP_MS })
  options.forgetOn(() => kept.clear())
  return {
    /** The kept value, or what `read` gives (kept unless it is undefined: nothing found is asked again next time). */
    async get(key: string, read: () => Promise<V | undefined>): Promise<V | undefined> {
      const value = kept.get(key)
      if (value !== undefined) return value
      const fresh = await read()
      if (fresh !== undefined) kept.set(key, fresh)
      return fresh
    },
  }
}
