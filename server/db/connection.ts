// Connects Mongoose to MONGODB_URI, or to an embedded engine started for us.
import { readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import mongoose from 'mongoose'
import { startEmbeddedEngine, type EmbeddedEngine } from './embedded-engine'

export type Database = {
  /** Which engine answered: 'external' for MONGODB_URI, else the embedded engine's name. */
  engine: string
  uri: string
  ping(): Promise<boolean>
  /**
   * Creates every registered model's collection and indexes, and `others` (collections
   * that are not models, such as the sessions), then lets the engine prepare them.
   */
  prepareCollections(others?: string[]): Promise<void>
  close(): Promise<void>
}

export async function connectDatabase(options: {
  uri?: string
  dataDir: string
  say?: (line: string) => void
  /** For scripts beside a running app: use the engine the app started on the same data directory. */
  reuseRunningEngine?: boolean
}): Promise<Database> {
  let embedded: EmbeddedEngine | undefined
  let uri = options.uri ?? (options.reuseRunningEngine ? await runningEngineUri(options.dataDir) : undefined)
  if (!uri) {
    embedded = await startEmbeddedEngine({ dataDir: options.dataDir, say: options.say })
    uri = embedded.uri
    await writeFile(engineFile(options.dataDir), JSON.stringify({ uri, pid: process.pid, engine: embedded.engine }))
  } else if (!options.uri) {
    options.say?.(`Database: using the engine already running for ${options.dataDir}`)
  } else {
    options.say?.('Database: using MONGODB_URI')
  }
  try {
    await mongoose.connect(uri, { serverSelectionTimeoutMS: 10_000 })
  } catch (error) {
    await embedded?.stop()
    throw error
  }
  return {
    engine: embedded?.engine ?? 'external',
    uri,
    ping: () => pingConnection(mongoose.connection),
    prepareCollections: async (others = []) => {
      await Promise.all(Object.values(mongoose.models).map(model => model.init()))
      const existing = new Set((await mongoose.connection.db!.listCollections({}, { nameOnly: true }).toArray()).map(c => c.name))
      for (const name of others.filter(n => !existing.has(n))) await mongoose.connection.db!.createCollection(name)
      await embedded?.afterCollections?.()
    },
    close: async () => {
      await mongoose.disconnect()
      if (embedded) {
        await embedded.stop()
        await rm(engineFile(options.dataDir), { force: true })
      }
    },
  }
}

/** True when the server behind a connection answers a ping within two seconds. */
export async function pingConnection(connection: mongoose.Connection): Promise<boolean> {
  try {
    const db = connection.db
    if (!db || connection.readyState !== 1) return false
    await db.command({ ping: 1 }, { timeoutMS: 2000 })
    return true
  } catch {
    return false
  }
}

const engineFile = (dataDir: string) => path.join(path.resolve(dataDir), 'engine.json')

/** The URI of an embedded engine that a live app process started on this data directory. */
async function runningEngineUri(dataDir: string): Promise<string | undefined> {
  try {
    const { uri, pid } = JSON.parse(await readFile(engineFile(dataDir), 'utf8')) as { uri: string; pid: number }
    process.kill(pid, 0) // throws if that process has gone
    return uri
  } catch {
    return undefined
  }
}
