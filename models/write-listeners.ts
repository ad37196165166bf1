// Lets in-process copies of a collection's documents (server/http/current-user.ts,
// the cohorts service) hear of every write this process makes through its model,
// whichever way it is made: a document saved, a query that updates or deletes, a
// bulk write. Writes by another process are not heard; such copies are kept only
// briefly for that reason (decision 015).
import type { Schema } from 'mongoose'

const QUERY_WRITES = ['updateOne', 'updateMany', 'findOneAndUpdate', 'findOneAndReplace', 'findOneAndDelete', 'replaceOne', 'deleteOne', 'deleteMany'] as const

/** Call before the model is made from the schema; returns how to listen. */
export function announceWrites(schema: Schema): (listener: () => void) => void {
  const listeners = new Set<() => void>()
  const changed = () => listeners.forEach(listener => listener())
  schema.post('save', changed)
  for (const write of QUERY_WRITES) schema.post(write, changed)
  schema.post('bulkWrite', changed)
  schema.post('insertMany', changed)
  return listener => {
    listeners.add(listener)
  }
}
