// Starting and stopping the benchmark's server process (web-server.ts) from the
// load generator's side: production settings, the database URI, and for a
// profiling run node --cpu-prof with the database commands timed.
import { fork, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { PROJECT_ROOT } from '../../server/paths'
import type { ParentMessage, ServerMessage } from './web-server'

/** How heavy the pipeline's heavy bare page is: about as heavy as the network view at 2,000 people. */
export const FILLER_KIB = 400

export type ServerProcess = { child: ChildProcess; app: number; bare: number; pipeline: number }

export type ServerSettings = { mongodbUri: string; sessionSecret: string; baseUrl: string }

/** `dir`: where node --cpu-prof writes one profile per thread (the main thread's is the one with thread id 0). */
export type Profiling = { dir: string; timingsFile: string }

export function startServer(settings: ServerSettings, profiling?: Profiling): Promise<ServerProcess> {
  const child = fork(path.join(PROJECT_ROOT, 'scripts', 'bench', 'web-server.ts'), [], {
    execArgv: ['--import', 'tsx', ...(profiling ? ['--cpu-prof', '--cpu-prof-dir', profiling.dir] : [])],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      MONGODB_URI: profiling ? `${settings.mongodbUri}?monitorCommands=true` : settings.mongodbUri,
      SESSION_SECRET: settings.sessionSecret,
      BASE_URL: settings.baseUrl,
      // Behind "a proxy" that says the request came over https, as production sits.
      TRUST_PROXY: '1',
      LOG_LEVEL: 'warn',
      PORT: '0',
      ...(profiling ? { BENCH_DB_TIMINGS: profiling.timingsFile } : {}),
    },
  })
  return new Promise((resolve, reject) => {
    const early = (code: number | null) => reject(new Error(`The app exited (${code}) before it was ready`))
    child.once('exit', early)
    child.on('message', (message: ServerMessage) => {
      if (!('ready' in message)) return
      child.off('exit', early)
      resolve({ child, ...message.ready })
    })
  })
}

const tell = (child: ChildProcess, message: ParentMessage) => child.send(message)

/** Resolves once the server has finished every request it was given (a driven page's backlog), or has given up waiting. */
export function settle(server: ServerProcess): Promise<void> {
  return new Promise(resolve => {
    const listener = (message: ServerMessage) => {
      if (!('settled' in message)) return
      server.child.off('message', listener)
      if (message.settled.left) console.log(`  (the server still had ${message.settled.left} requests in hand after five minutes; carrying on)`)
      resolve()
    }
    server.child.on('message', listener)
    tell(server.child, { settle: true })
  })
}

/** Marks the start or end of the part of a profiling run that counts. */
export const markWindow = (server: ServerProcess, edge: 'start' | 'end') => tell(server.child, { window: edge })

export async function stopServer(server: ServerProcess): Promise<void> {
  if (server.child.exitCode !== null) return
  const exited = new Promise(resolve => server.child.once('exit', resolve))
  tell(server.child, { stop: true })
  await exited
}
