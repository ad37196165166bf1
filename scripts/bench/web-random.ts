// Seeded choices for the web benchmark's generated cohort, and bulk inserts in
// chunks (one insertMany per few thousand documents keeps generation to seconds).
import type { Model } from 'mongoose'
import { mulberry32 } from '../seeded-random'

export type Pick = ReturnType<typeof chooser>

export function chooser(seed: number) {
  const random = mulberry32(seed)
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1))
  return {
    random,
    int,
    chance: (p: number) => random() < p,
    one: <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!,
    some: <T>(list: readonly T[], min: number, max: number): T[] => {
      const copy = [...list]
      const count = Math.min(copy.length, int(min, max))
      for (let i = copy.length - 1; i > 0; i -= 1) {
        const j = Math.floor(random() * (i + 1))
        ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
      }
      return copy.slice(0, count)
    },
  }
}

const CHUNK = 5000

/**
 * Inserts in chunks of a few thousand. Each document is cast and given its defaults
 * and timestamps by its model, then written by the driver: Mongoose's own insertMany
 * validates and hydrates each one too, which took most of the time (data made here
 * is valid by construction).
 */
export async function insertAll<T>(model: Model<T>, docs: readonly object[]): Promise<void> {
  const at = new Date()
  const stamps = model.schema.get('timestamps') ? { createdAt: at, updatedAt: at } : {}
  const prepared = docs.map(doc => ({ ...stamps, ...(new model(doc).toObject() as object) }))
  for (let i = 0; i < prepared.length; i += CHUNK) await model.collection.insertMany(prepared.slice(i, i + CHUNK), { ordered: false })
}

export const DAY = 24 * 60 * 60 * 1000

/** Midnight UTC of the day an instant falls on: how calendar dates are stored. */
export const calendarDay = (instant: number) => new Date(Math.floor(instant / DAY) * DAY)
