// One embedded engine per test run, on a temporary directory that is removed
// afterwards; every collection is emptied before each test.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import mongoose from 'mongoose'
import { connectDatabase, type Database } from '../../server/db/connection'
import { SESSIONS_COLLECTION } from '../../server/http/sessions'

let database: Database | undefined
let dataDir: string | undefined

export async function startTestDatabase(): Promise<Database> {
  if (database) return database
  dataDir = await mkdtemp(path.join(tmpdir(), 'tandem-test-db-'))
  database = await connectDatabase({
    uri: process.env.TEST_MONGODB_URI,
    dataDir,
    say: line => process.stderr.write(`${line}\n`),
  })
  await database.prepareCollections([SESSIONS_COLLECTION])
  return database
}

export async function clearDatabase(): Promise<void> {
  if (!database) return
  await Promise.all(Object.values(mongoose.models).map(m => m.deleteMany({})))
}

export async function stopTestDatabase(): Promise<void> {
  await database?.close()
  database = undefined
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
}
