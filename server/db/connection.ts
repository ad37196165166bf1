// Connects Mongoose to MONGODB_URI, or to an embedded engine started for us.
import mongoose from 'mongoose'
import { startEmbeddedEngine, type EmbeddedEngine } from './embedded-engine'

export type Database = {
  /** Which engine answered: 'external' for MONGODB_URI, else the embedded engine's name. */
  engine: string
  uri: string
  ping(): Promise<boolean>
  close(): Promise<void>
}

export async function connectDatabase(options: {
  uri?: string
  dataDir: string
  say?: (line: string) => void
}): Promise<Database> {
  let embedded: EmbeddedEngine | undefined
  let uri = options.uri
  if (!uri) {
    embedded = await startEmbeddedEngine({ dataDir: options.dataDir, say: options.say })
    uri = embedded.uri
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
    ping: async () => {
      try {
        const db = mongoose.connection.db
        if (!db || mongoose.connection.readyState !== 1) return false
        await db.command({ ping: 1 }, { timeoutMS: 2000 })
        return true
      } catch {
        return false
      }
    },
    close: async () => {
      await mongoose.disconnect()
      await embedded?.stop()
    },
  }
}
