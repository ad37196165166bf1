// Starts a MongoDB-compatible server for development and tests when no
// MONGODB_URI is given. Order (DESIGN.md, Database): mongod on the PATH, then
// FerretDB v1 with SQLite (built with Go if need be), then mongodb-memory-server.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdir } from 'node:fs/promises'
import net from 'node:net'
import path from 'node:path'
import { PROJECT_ROOT } from '../paths'
import { findOnPath, isExecutable } from './executables'
import { buildFerretDB } from './ferretdb-build'
import { addIdLookupIndexes } from './ferretdb-id-index'

export type EngineName = 'mongod' | 'ferretdb' | 'mongodb-memory-server'

export type EmbeddedEngine = {
  engine: EngineName
  uri: string
  stop(): Promise<void>
  /** Once the app's collections exist: whatever the engine needs to answer lookups by _id well. */
  afterCollections?(): Promise<void>
}

export type EngineOptions = {
  /** Where the engine keeps its files. */
  dataDir: string
  /** Progress messages for a person (never personal data). */
  say?: (line: string) => void
  /** Skip engines, e.g. to test the fallback order. */
  skip?: EngineName[]
}

export class EngineUnavailableError extends Error {}

export const LOCAL_FERRETDB = path.join(PROJECT_ROOT, '.tools', 'bin', 'ferretdb')

export async function startEmbeddedEngine(options: EngineOptions): Promise<EmbeddedEngine> {
  const say = options.say ?? (() => undefined)
  const skip = new Set(options.skip ?? [])
  const dataDir = path.resolve(options.dataDir)
  await mkdir(dataDir, { recursive: true })

  if (!skip.has('mongod')) {
    const mongod = await findOnPath('mongod')
    if (mongod) {
      const dbPath = path.join(dataDir, 'mongod')
      await mkdir(dbPath, { recursive: true })
      const port = await freePort()
      const engine = await launch('mongod', mongod, ['--dbpath', dbPath, '--bind_ip', '127.0.0.1', '--port', String(port)], port)
      say(`Database: started mongod on 127.0.0.1:${port} (data in ${dbPath})`)
      return engine
    }
  }

  if (!skip.has('ferretdb')) {
    const ferretdb = await findFerretDB(say)
    if (ferretdb) {
      const dir = path.join(dataDir, 'ferretdb')
      await mkdir(dir, { recursive: true })
      const port = await freePort()
      const args = [
        '--handler=sqlite',
        `--sqlite-url=file:${dir}/`,
        `--state-dir=${dir}`,
        `--listen-addr=127.0.0.1:${port}`,
        '--debug-addr=-',
        '--telemetry=disable',
        '--log-level=error',
      ]
      const engine = await launch('ferretdb', ferretdb, args, port)
      say(`Database: started FerretDB v1 (SQLite) on 127.0.0.1:${port} (data in ${dir})`)
      const sqliteFile = path.join(dir, `${new URL(engine.uri).pathname.slice(1)}.sqlite`)
      return { ...engine, afterCollections: async () => void (await addIdLookupIndexes(sqliteFile, say)) }
    }
  }

  if (!skip.has('mongodb-memory-server')) {
    try {
      const { MongoMemoryServer } = await import('mongodb-memory-server-core')
      const dbPath = path.join(dataDir, 'memory-server')
      await mkdir(dbPath, { recursive: true })
      say('Database: starting mongodb-memory-server (downloads mongod on first use)...')
      const server = await MongoMemoryServer.create({ instance: { dbPath, ip: '127.0.0.1', storageEngine: 'wiredTiger' } })
      say(`Database: started mongodb-memory-server (data in ${dbPath})`)
      return {
        engine: 'mongodb-memory-server',
        uri: server.getUri('tandem'),
        stop: async () => {
          await server.stop({ doCleanup: false })
        },
      }
    } catch (error) {
      say(`Database: mongodb-memory-server could not start (${(error as Error).message.split('\n')[0]})`)
    }
  }

  throw new EngineUnavailableError(
    [
      'No database engine could be started. Do one of these:',
      '  - set MONGODB_URI to a MongoDB server, e.g. MONGODB_URI=mongodb://127.0.0.1:27017/tandem',
      '  - install MongoDB so that `mongod` is on the PATH',
      '  - install Go (https://go.dev/dl/) so that Tandem can build FerretDB into .tools/bin, or put a',
      '    FerretDB v1 binary at .tools/bin/ferretdb',
      '  - allow mongodb-memory-server to download mongod (needs internet access on first use)',
    ].join('\n'),
  )
}

async function findFerretDB(say: (line: string) => void): Promise<string | undefined> {
  if (await isExecutable(LOCAL_FERRETDB)) return LOCAL_FERRETDB
  const onPath = await findOnPath('ferretdb')
  if (onPath) return onPath
  if (!(await findOnPath('go'))) return undefined
  try {
    await buildFerretDB(LOCAL_FERRETDB, say)
    return LOCAL_FERRETDB
  } catch (error) {
    say(`Database: building FerretDB failed: ${(error as Error).message.split('\n').slice(0, 3).join(' ')}`)
    return undefined
  }
}

async function launch(engine: EngineName, binary: string, args: string[], port: number): Promise<EmbeddedEngine> {
  const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000)
  })
  const exited = new Promise<number | null>(resolve => child.once('exit', code => resolve(code)))
  const ready = waitForPort(port, 60_000, () => child.exitCode !== null || child.signalCode !== null)
  const outcome = await Promise.race([ready.then(() => 'ready' as const), exited.then(() => 'exited' as const)])
  if (outcome === 'exited') {
    throw new EngineUnavailableError(`${engine} exited before it was ready:\n${stderr.trim()}`)
  }
  return {
    engine,
    uri: `mongodb://127.0.0.1:${port}/tandem`,
    stop: () => stopChild(child, exited),
  }
}

async function stopChild(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
  await exited
  clearTimeout(timer)
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

async function waitForPort(port: number, timeoutMs: number, gaveUp: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!gaveUp()) {
    const open = await new Promise<boolean>(resolve => {
      const socket = net.connect(port, '127.0.0.1')
      socket.once('connect', () => {
        socket.destroy()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
    })
    if (open) return
    if (Date.now() > deadline) throw new EngineUnavailableError(`Nothing listened on port ${port} within ${timeoutMs} ms`)
    await new Promise(r => setTimeout(r, 100))
  }
}
