// The server side of `npm run bench:web`, in a process of its own so that the
// load generator never shares its event loop: the real app (createApp with the
// real services, production settings, sessions in the database) and a bare
// Express app that renders the same layout with no data, and that bare page again
// behind everything a signed-in request passes through in the app (createPipeline:
// logging, security headers, the session, the person, CSRF), plain and carrying
// filler as heavy as the network view, each on a free port of 127.0.0.1. No
// background workers run: they would add work no request asked for.
//
// Its parent asks it to settle (answer once no request is in flight, so that one
// page's backlog never slows the next) and to stop. Started for profiling (under
// node --cpu-prof, with BENCH_DB_TIMINGS naming a file and the database URI asking
// for command monitoring), it also counts each database command's time by kind
// and collection, and writes that file as it stops.
import { writeFile } from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import express from 'express'
import mongoose from 'mongoose'
import '../../models/index'
import { createApp, createPipeline } from '../../server/app'
import { systemClock } from '../../server/clock'
import { loadConfig } from '../../server/config'
import { connectDatabase } from '../../server/db/connection'
import { requireSignIn } from '../../server/http/guards'
import { SESSIONS_COLLECTION } from '../../server/http/sessions'
import { sendWithKept } from '../../server/http/fragment-cache'
import { createLogger } from '../../server/logger'
import { PROJECT_ROOT } from '../../server/paths'
import { setUpViews } from '../../server/http/views'
import { createServices } from '../../server/services'
import { FILLER_KIB } from './web-process'

export type ServerMessage = { ready: { app: number; bare: number; pipeline: number } } | { settled: { left: number } }
export type ParentMessage = { stop: true } | { settle: true } | { window: 'start' | 'end' }
/** What the database was asked between the two window marks (microseconds on the profile's clock). */
export type DbTimings = { requests: number; commands: Record<string, { count: number; ms: number }>; window: [number, number] }

const BARE_PAGE = path.join(PROJECT_ROOT, 'scripts', 'bench', 'web-bare.ejs')
const filler = Buffer.from('<p>Filler as heavy as the network view, sent as the app sends kept content.</p>\n'.repeat((FILLER_KIB * 1024) / 80))

function bareApp() {
  const app = express()
  setUpViews(app)
  app.disable('x-powered-by')
  app.get('/', (_req, res) => res.render(BARE_PAGE))
  return app
}

/** The bare page behind the app's own pipeline, for someone signed in: what any page costs before it reads anything. */
function pipelineApp(services: ReturnType<typeof createServices>) {
  const pages = express.Router()
  pages.get('/', requireSignIn, (_req, res) => res.render(BARE_PAGE))
  pages.get('/heavy', requireSignIn, (_req, res) => sendWithKept(res, BARE_PAGE, {}, filler))
  return createPipeline(services, {}, { withoutSession: [], beforeCsrf: [], pages: [pages] })
}

let inFlight = 0
let served = 0
const now = () => Number(process.hrtime.bigint() / 1000n)

async function listen(handler: http.RequestListener): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    inFlight += 1
    served += 1
    // Counted out when the app ends its response, which it does even for a client that
    // has gone: 'close' would come as autocannon hangs up, with the page still being made.
    const end = res.end.bind(res) as (...args: unknown[]) => typeof res
    let ended = false
    res.end = ((...args: unknown[]) => {
      if (!ended) inFlight -= 1
      ended = true
      return end(...args)
    }) as typeof res.end
    handler(req, res)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return server
}

/** Time in each kind of database command (e.g. "find shadowingsessions"), from the driver's command monitoring. */
function timeCommands() {
  let timings: DbTimings['commands'] = {}
  const started = new Map<number, string>()
  const client = mongoose.connection.getClient()
  client.on('commandStarted', event => {
    const target = (event.command as Record<string, unknown>)[event.commandName]
    started.set(event.requestId, `${event.commandName} ${typeof target === 'string' ? target : ''}`.trim())
  })
  const finished = (event: { requestId: number; duration: number }) => {
    const key = started.get(event.requestId) ?? 'other'
    started.delete(event.requestId)
    const entry = (timings[key] ??= { count: 0, ms: 0 })
    entry.count += 1
    entry.ms += event.duration
  }
  client.on('commandSucceeded', finished)
  client.on('commandFailed', finished)
  return {
    restart: () => (timings = {}),
    get: () => timings,
  }
}

/** Once nothing is in flight, or after five minutes of a backlog that will not clear (how much is left is said). */
const settled = () =>
  new Promise<number>(resolve => {
    const giveUp = Date.now() + 300_000
    const poll = () => (inFlight === 0 || Date.now() > giveUp ? resolve(inFlight) : setTimeout(poll, 20))
    poll()
  })

async function main() {
  const config = loadConfig(process.env)
  const database = await connectDatabase({ uri: config.mongodbUri, dataDir: config.dataDir })
  // Indexes are checked at start-up, not in the middle of the first page driven.
  await database.prepareCollections([SESSIONS_COLLECTION])
  const services = createServices({ config, clock: systemClock, database, logger: createLogger(config.logLevel) })
  const timingsFile = process.env.BENCH_DB_TIMINGS
  const commands = timingsFile ? timeCommands() : undefined
  const servers = [await listen(createApp(services)), await listen(bareApp()), await listen(pipelineApp(services))]
  const [app, bare, pipeline] = servers.map(s => (s.address() as AddressInfo).port) as [number, number, number]
  const send = (message: ServerMessage) => process.send?.(message)

  // The profiled window: after start-up and warming up, so that neither is counted.
  const window: [number, number] = [0, 0]
  let windowRequests = 0
  process.on('message', async (message: ParentMessage) => {
    if ('window' in message) {
      if (message.window === 'start') {
        commands?.restart()
        windowRequests = served
        window[0] = now()
      } else {
        windowRequests = served - windowRequests
        window[1] = now()
      }
      return
    }
    const left = await settled()
    if ('settle' in message) return send({ settled: { left } })
    if (timingsFile && commands) await writeFile(timingsFile, JSON.stringify({ requests: windowRequests, commands: commands.get(), window } satisfies DbTimings))
    for (const server of servers) server.close()
    await database.close()
    // node --cpu-prof writes its profile as the process exits.
    process.exit(0)
  })
  send({ ready: { app, bare, pipeline } })
}

main().catch(error => {
  console.error(error)
  process.exit(1)
})
