// Reads a .cpuprofile (the format node --cpu-prof writes; Chrome DevTools opens
// it too) into a few lines a person can act on: how busy the server was, which
// packages and files the busy time was spent in, which of our own files were on
// the stack while it was spent, and the hottest functions; and from the
// server's command monitoring, what the database was asked and how long it took.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { PROJECT_ROOT } from '../../server/paths'
import type { DbTimings } from './web-server'

type CallFrame = { functionName: string; url: string; lineNumber: number }
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] }
type CpuProfile = { nodes: ProfileNode[]; startTime: number; samples: number[]; timeDeltas: number[] }

const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)'])

/** Which package, Node itself, or which of our files a frame belongs to. */
function areaOf(frame: CallFrame): string {
  if (SPECIAL.has(frame.functionName) && !frame.url) return frame.functionName
  const url = frame.url.replace(/^file:\/\//, '')
  if (!url) return '(native)'
  if (url.startsWith('node:')) return 'node internals'
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1]
  if (pkg) return pkg
  return url.startsWith(PROJECT_ROOT) ? path.relative(PROJECT_ROOT, url) : url
}

const ours = (area: string) => /^(server|models|views|scripts)\//.test(area)

const top = (totals: Map<string, number>, of: number, count: number) =>
  [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, t]) => `${name} ${((100 * t) / of).toFixed(0)}%`)
    .join(', ')

/** `window`: the part of the run that counts, in microseconds on the profile's clock (the process's monotonic clock). */
export async function summariseProfile(file: string, window: [number, number]): Promise<string[]> {
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile
  const byId = new Map(profile.nodes.map(n => [n.id, n]))
  // Our files on the path from the root to each node, for time "with our file on the stack".
  const onStack = new Map<number, Set<string>>()
  const root = profile.nodes[0]!
  const walk: [ProfileNode, Set<string>][] = [[root, new Set()]]
  while (walk.length) {
    const [node, above] = walk.pop()!
    const area = areaOf(node.callFrame)
    const here = ours(area) && !above.has(area) ? new Set([...above, area]) : above
    onStack.set(node.id, here)
    for (const child of node.children ?? []) walk.push([byId.get(child)!, here])
  }
  const self = new Map<string, number>()
  const functions = new Map<string, number>()
  const inclusive = new Map<string, number>()
  let total = 0
  let idle = 0
  let at = profile.startTime
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0
    at += dt
    if (at < window[0] || at > window[1]) return
    const node = byId.get(id)!
    total += dt
    if (node.callFrame.functionName === '(idle)') {
      idle += dt
      return
    }
    const area = areaOf(node.callFrame)
    self.set(area, (self.get(area) ?? 0) + dt)
    const fn = `${node.callFrame.functionName || '(anonymous)'} (${area}${ours(area) ? `:${node.callFrame.lineNumber + 1}` : ''})`
    functions.set(fn, (functions.get(fn) ?? 0) + dt)
    for (const file of onStack.get(id) ?? []) inclusive.set(file, (inclusive.get(file) ?? 0) + dt)
  })
  const busy = total - idle
  return [
    `${(total / 1e6).toFixed(1)} s profiled (${((window[1] - window[0]) / 1e6).toFixed(1)} s window); the server's thread was busy ${((100 * busy) / total).toFixed(0)}% of it (the rest it waited, mostly on the database)`,
    `busy time spent in (self): ${top(self, busy, 8)}`,
    `busy time with our files on the stack: ${top(inclusive, busy, 8)}`,
    `hottest functions (self): ${top(functions, busy, 8)}`,
  ]
}

/** The database's side: commands per request and where their time went, from the server's command monitoring. */
export function summariseDbTimings({ requests, commands }: DbTimings): string[] {
  const entries = Object.entries(commands).filter(([key]) => !/^(hello|isMaster|ping|endSessions)\b/.test(key))
  const count = entries.reduce((s, [, e]) => s + e.count, 0)
  const ms = entries.reduce((s, [, e]) => s + e.ms, 0)
  const per = (n: number) => (requests ? n / requests : 0)
  return [
    `database: ${per(count).toFixed(1)} commands and ${per(ms).toFixed(0)} ms of command time a request (over ${requests} requests, summed across concurrent commands)`,
    `database time by command: ${entries
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, 8)
      .map(([key, e]) => `${key} ${((100 * e.ms) / ms).toFixed(0)}% (${per(e.count).toFixed(1)} a request, ${(e.ms / e.count).toFixed(1)} ms each)`)
      .join(', ')}`,
  ]
}
