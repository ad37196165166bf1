// Workshop places: "place:<workshopId>:<n>" for n = 1…capacity, each taken by a
// unique insert naming the registration that holds it (models/workshop-place.ts,
// decision 011). Only ids up to the capacity are ever taken, so the places
// taken cannot outnumber the capacity however many people arrive at once.
import { createHash } from 'node:crypto'
import type { Types } from 'mongoose'
import { WorkshopPlace } from '../../models/workshop-place'
import { isDuplicateKeyError } from '../db/duplicate-key'

export const placeId = (workshopId: Types.ObjectId | string, n: number) => `place:${String(workshopId)}:${n}`

export type HeldPlace = { number: number; registrationId: Types.ObjectId }

export async function heldPlaces(workshopId: Types.ObjectId | string): Promise<HeldPlace[]> {
  return WorkshopPlace.find({ workshopId }, { number: 1, registrationId: 1 }).lean()
}

/** Place numbers up to the capacity that nobody holds, in order. */
export function freeNumbers(capacity: number, held: readonly HeldPlace[]): number[] {
  const taken = new Set(held.map(p => p.number))
  return Array.from({ length: capacity }, (_, i) => i + 1).filter(n => !taken.has(n))
}

/** Whether anyone holds a place above the capacity (it was lowered): nobody new gets a place until the lead decides. */
export const overCapacity = (capacity: number, held: readonly HeldPlace[]) => held.some(p => p.number > capacity)

/** Takes place n for a registration; false when someone holds it. */
export async function takePlace(workshopId: Types.ObjectId, n: number, registrationId: Types.ObjectId, at: Date): Promise<boolean> {
  try {
    await WorkshopPlace.create({ _id: placeId(workshopId, n), workshopId, number: n, registrationId, at })
    return true
  } catch (error) {
    if (isDuplicateKeyError(error)) return false
    throw error
  }
}

/**
 * Takes one of the free places for a registration, trying them from an offset
 * given by the registration's id, so that a crowd arriving at once spreads over
 * the places instead of all trying place 1 first. Returns the place number, or
 * null when the `tries` it made were all taken first.
 */
export async function takeAFreePlace(workshopId: Types.ObjectId, free: readonly number[], registrationId: Types.ObjectId, at: Date, tries = free.length): Promise<number | null> {
  if (!free.length) return null
  const offset = createHash('sha256').update(String(registrationId)).digest().readUInt32BE(0) % free.length
  for (let i = 0; i < Math.min(tries, free.length); i += 1) {
    const n = free[(offset + i) % free.length]!
    if (await takePlace(workshopId, n, registrationId, at)) return n
  }
  return null
}

/** Gives back whatever place a registration holds. */
export async function releasePlacesOf(registrationId: Types.ObjectId): Promise<void> {
  await WorkshopPlace.deleteMany({ registrationId })
}
