// MongoDB's duplicate-key error (code 11000) is how a unique index says "someone
// got there first"; Tandem relies on it for every once-only decision (decision 003).

export function isDuplicateKeyError(error: unknown): boolean {
  return (error as { code?: number } | null)?.code === 11000
}

/**
 * Inserts many documents, unordered; documents refused only because their unique key
 * already exists are skipped. Any other failure (a lost connection, say) is thrown.
 * Returns how many were written.
 */
export async function insertManyIgnoringDuplicates(
  model: { insertMany(docs: object[], options: { ordered: false }): Promise<unknown[]> },
  docs: object[],
): Promise<number> {
  if (!docs.length) return 0
  try {
    return (await model.insertMany(docs, { ordered: false })).length
  } catch (error) {
    const result = error as { insertedDocs?: unknown[]; writeErrors?: { code?: number; err?: { code?: number } }[] }
    const writeErrors = result.writeErrors ?? []
    const onlyDuplicates = writeErrors.length ? writeErrors.every(e => (e.code ?? e.err?.code) === 11000) : isDuplicateKeyError(error)
    if (!onlyDuplicates) throw error
    return result.insertedDocs?.length ?? 0
  }
}
