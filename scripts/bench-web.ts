// npm run bench:web [-- --seconds 10 --warmup 3 --connections 50 --doctors 1200 --managers 800 --seed 42 --profile missed --only dashboard,feed]
//
// How fast the lead's heaviest pages are on a large cohort. Generates a cohort of
// 2,000 people with six months of shadowing, reflections, workshops and QI data
// into a fresh embedded database (the launcher the tests use), starts the real app
// in its own process with production settings, signs in as a lead through the
// form, and drives each page with autocannon at 50 connections for a fixed time:
// the dashboard, the golden-thread board, the network view, a project page and a
// calendar feed, beside a bare Express page rendering the same layout with no data
// (the ceiling on this machine), measured first and last in the same run, and
// that bare page again behind the app's own pipeline for someone signed in, light
// and as heavy as the network view: what any page costs before it reads anything
// (not judged). Target:
// p95 ≤ 100 ms and at least 40% of the bare page's throughput. Pages that miss it
// (or every page, with --profile all) are driven again under the CPU profiler, and
// where the time went is printed; the .cpuprofile files are kept for DevTools.
// A benchmark, not a test: nothing here fails on time.
import { randomBytes } from 'node:crypto'
import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import '../models/index'
import { createCalendarFeedsService } from '../server/calendar/calendar-feeds.service'
import { systemClock } from '../server/clock'
import { startTestDatabase, stopTestDatabase } from '../test/support/database'
import { check, drive, PROXY_HEADERS, signIn, type Measured } from './bench/web-drive'
import { generateBenchCohort } from './bench/web-generate'
import { LEAD_EMAIL, LEAD_PASSWORD } from './bench/web-people'
import { FILLER_KIB, markWindow, settle, startServer, stopServer, type ServerProcess, type ServerSettings } from './bench/web-process'
import { summariseDbTimings, summariseProfile } from './bench/web-profile'
import type { DbTimings } from './bench/web-server'

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    doctors: { type: 'string', default: '1200' },
    managers: { type: 'string', default: '800' },
    seed: { type: 'string', default: '42' },
    // missed: profile the pages that miss the target; all; none.
    profile: { type: 'string', default: 'missed' },
    // Only the pages whose names contain one of these words (the bare page is always measured).
    only: { type: 'string', default: '' },
  },
})
const seconds = Number(values.seconds)
const connections = Number(values.connections)
const TARGET = { p95: 100, share: 40 }

/** app: the real app; bare: the bare Express page (the ceiling); pipeline: the bare page behind the app's own pipeline, signed in. */
type Target = { name: string; path: string; origin: 'app' | 'bare' | 'pipeline'; headers: Record<string, string> }
type Row = Target & { status: number; bytes: number; alone: number; measured?: Measured }

const urlOf = (server: ServerProcess, target: Target) => `http://127.0.0.1:${server[target.origin]}${target.path}`

/** One page: checked first, warmed up, then measured; the server settles before and after. */
async function measure(server: ServerProcess, target: Target): Promise<Row> {
  await settle(server)
  const url = urlOf(server, target)
  const first = await check(url, target.headers)
  if (first.status !== 200) {
    console.log(`${target.name}: answers ${first.status}, so it is not driven`)
    return { ...target, ...first }
  }
  await drive(url, target.headers, { connections, seconds: Number(values.warmup) })
  await settle(server)
  const measured = await drive(url, target.headers, { connections, seconds })
  console.log(`${target.name}: ${Math.round(measured.requestsPerSecond)} requests/s, p95 ${ms(measured.p95)}; ${(first.bytes / 1024).toFixed(0)} KiB a response, ${ms(first.alone)} for one request alone`)
  return { ...target, ...first, measured }
}

/** The page driven again in a server of its own under node --cpu-prof, with its database commands timed. */
async function profile(settings: ServerSettings, target: Target, dir: string): Promise<string[]> {
  const name = target.name.replace(/\W+/g, '-')
  const timingsFile = path.join(dir, `${name}.db.json`)
  const profiles = path.join(dir, name)
  const server = await startServer(settings, { dir: profiles, timingsFile })
  try {
    await drive(urlOf(server, target), target.headers, { connections, seconds: Number(values.warmup) })
    await settle(server)
    markWindow(server, 'start')
    await drive(urlOf(server, target), target.headers, { connections, seconds })
    markWindow(server, 'end')
  } finally {
    await stopServer(server)
  }
  const timings = JSON.parse(await readFile(timingsFile, 'utf8')) as DbTimings
  // CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile: thread 0 serves the requests (others load modules).
  const main = (await readdir(profiles)).find(f => /\.\d+\.0\.\d+\.cpuprofile$/.test(f))
  if (!main) return ['no profile of the main thread was written', ...summariseDbTimings(timings)]
  return [...(await summariseProfile(path.join(profiles, main), timings.window)), ...summariseDbTimings(timings)]
}

const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(n < 10 ? 1 : 0)} ms` : '–')
const columns = [22, 10, 10, 10, 10, 10, 9, 6]
const line = (cells: string[]) => console.log(cells.map((c, i) => (i === 0 ? c.padEnd(columns[i]!) : c.padStart(columns[i]!))).join(' '))

async function main() {
  console.log(`Tandem web benchmark: ${connections} connections, ${seconds} s a page after ${values.warmup} s warming up; Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}`)
  const database = await startTestDatabase()
  let server: ServerProcess | undefined
  try {
    const cohort = await generateBenchCohort({ doctors: Number(values.doctors), managers: Number(values.managers), seed: Number(values.seed) })
    console.log(`Generated in ${cohort.seconds.toFixed(1)} s into ${database.engine}: ${cohort.summary}`)
    const settings: ServerSettings = { mongodbUri: database.uri, sessionSecret: randomBytes(32).toString('hex'), baseUrl: 'https://tandem.bench.example' }
    const feed = await createCalendarFeedsService({ clock: systemClock, baseUrl: settings.baseUrl }).create(cohort.feedPersonId)

    server = await startServer(settings)
    // Sessions live in the database, so the cookie serves the profiling servers too.
    const signedIn = { ...PROXY_HEADERS, cookie: await signIn(`http://127.0.0.1:${server.app}`, LEAD_EMAIL, LEAD_PASSWORD) }
    const cohortPath = `/cohorts/${String(cohort.cohortId)}`
    const bare = (name: string): Target => ({ name, path: '/', origin: 'bare', headers: {} })
    // Not judged: what a signed-in page costs before it reads anything, light and as heavy as the network view.
    const pipeline: Target[] = [
      { name: 'bare, app pipeline', path: '/', origin: 'pipeline', headers: signedIn },
      { name: `bare ${FILLER_KIB} KiB, pipeline`, path: '/heavy', origin: 'pipeline', headers: signedIn },
    ]
    const pages: Target[] = [
      { name: 'dashboard', path: `${cohortPath}/dashboard`, origin: 'app', headers: signedIn },
      { name: 'golden-thread board', path: `${cohortPath}/golden-thread`, origin: 'app', headers: signedIn },
      { name: 'network view', path: `${cohortPath}/network`, origin: 'app', headers: signedIn },
      { name: 'project page', path: `/projects/${String(cohort.projectId)}`, origin: 'app', headers: signedIn },
      { name: 'calendar feed', path: `/calendar/${feed.token}.ics`, origin: 'app', headers: {} },
    ]
    const words = values.only.split(',').map(w => w.trim()).filter(Boolean)
    const chosen = words.length ? pages.filter(page => words.some(word => page.name.includes(word))) : pages
    const rows: Row[] = []
    for (const target of [bare('bare page (first)'), ...pipeline, ...chosen, bare('bare page (last)')]) rows.push(await measure(server, target))
    await stopServer(server)

    const ceilings = rows.filter(r => r.origin === 'bare' && r.measured).map(r => r.measured!.requestsPerSecond)
    const ceiling = ceilings.reduce((a, b) => a + b, 0) / Math.max(1, ceilings.length)
    const missed: Row[] = []
    console.log(`\nTarget: p95 ≤ ${TARGET.p95} ms and at least ${TARGET.share}% of the bare page's ${Math.round(ceiling)} requests/s (the mean of its two runs)\n`)
    line(['page', 'requests/s', 'p50', 'p95', 'p99', '% of bare', 'non-2xx', 'target'])
    for (const row of rows) {
      const m = row.measured
      if (!m) {
        line([row.name, '–', '–', '–', '–', '–', `${row.status}`, 'fail'])
        continue
      }
      const share = (100 * m.requestsPerSecond) / ceiling
      const pass = m.p95 <= TARGET.p95 && share >= TARGET.share && m.non2xx === 0 && m.errors === 0
      if (!pass && row.origin === 'app') missed.push(row)
      line([row.name, Math.round(m.requestsPerSecond).toLocaleString('en-GB'), ms(m.p50), ms(m.p95), ms(m.p99), `${share.toFixed(0)}%`, `${m.non2xx + m.errors}`, row.origin !== 'app' ? '' : pass ? 'pass' : 'FAIL'])
    }

    const measuredPages = rows.filter(r => r.measured && r.origin !== 'bare')
    const toProfile = values.profile === 'all' ? measuredPages : values.profile === 'none' ? [] : missed.filter(r => r.measured)
    if (toProfile.length) {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'tandem-bench-profiles-'))
      console.log(`\nWhere the time goes: each page driven ${seconds} s more under node --cpu-prof (profiles in ${dir}, for Chrome DevTools)`)
      for (const row of toProfile) {
        console.log(`\n${row.name}:`)
        for (const text of await profile(settings, row, dir)) console.log(`  ${text}`)
      }
    }
  } finally {
    if (server) await stopServer(server)
    await stopTestDatabase()
  }
}

main().catch(error => {
  console.error(error)
  process.exitCode = 1
})
