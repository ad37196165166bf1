// FerretDB v1 on SQLite asks SQLite for a document by _id with
// `WHERE _ferretdb_sjson->'$._id' = ?`, but indexes _id on `_ferretdb_sjson->"_id"`.
// SQLite matches an index to a query by the expression as written, so it never
// uses that index: every lookup by _id (a session, a person, a project) reads the
// whole table (explain: "SCAN"), about 3 ms at 2,000 documents, and the engine
// answered no more than about 650 such lookups a second. An index on the very
// expression the query uses turns the scan into a search.
//
// FerretDB does not know of this index and does not need to: SQLite keeps it with
// the table and drops it with it. It is added with Python's sqlite3 module, where
// Python is installed (Node 20 has no SQLite of its own); without it the engine
// works as before, only slower, and says so.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { findOnPath } from './executables'

const run = promisify(execFile)

// Table names come from FerretDB's own catalogue: letters, digits and underscores.
const ADD_INDEXES = `
import sqlite3, sys
con = sqlite3.connect(sys.argv[1], timeout=60)
tables = [t for (t,) in con.execute("SELECT table_name FROM _ferretdb_collections")]
for t in tables:
    con.execute('CREATE UNIQUE INDEX IF NOT EXISTS "%s_tandem_id_lookup" ON "%s" (_ferretdb_sjson->\\'$._id\\')' % (t, t))
con.commit()
print(len(tables))
`

/** Adds the index to every collection's table in `sqliteFile`; how many tables have it, or undefined if it could not be added. */
export async function addIdLookupIndexes(sqliteFile: string, say: (line: string) => void): Promise<number | undefined> {
  const python = await findOnPath('python3')
  if (!python) {
    say('Database: python3 was not found, so lookups by _id on FerretDB read whole collections (slower, still correct)')
    return undefined
  }
  try {
    const { stdout } = await run(python, ['-c', ADD_INDEXES, sqliteFile], { timeout: 120_000 })
    return Number(stdout.trim())
  } catch (error) {
    say(`Database: the _id lookup index could not be added (${(error as Error).message.split('\n')[0]}); lookups by _id read whole collections`)
    return undefined
  }
}
