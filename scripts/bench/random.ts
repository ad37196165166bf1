// A small seeded generator (mulberry32), so every benchmark run builds the same cohort.
import { mulberry32 } from '../seeded-random'
export function seeded(seed: number) {
  const next = mulberry32(seed)
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1))
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!
  /** Picks `count` different items, earlier items more often (popular themes, busy sites). */
  const some = <T>(items: readonly T[], count: number, skew = 1.5) => {
    const chosen = new Set<T>()
    while (chosen.size < Math.min(count, items.length))
      chosen.add(items[Math.floor(next() ** skew * items.length)]!)
    return [...chosen]
  }
  return { next, int, pick, some }
}
export type Random = ReturnType<typeof seeded>
