// npm run bench:match [-- --runs 3 --seed 42 --munkres-max 5000 --large]
//
// Times Tandem's exact solver against two general-purpose ones in the same run, on
// realistic cohorts (500, 2,000 and 5,000 doctors; managers half as many with 1–3
// places; scores from random profiles) and square problems (2,000² and 5,000², one
// place each): the npm package munkres (JavaScript) and scipy's linear_sum_assignment
// (C++, in .tools/bench-venv, created on first run). The baselines get one column per
// place and the same rules (baseline-matrix.ts); all must reach the same matched count
// and total. Times are medians; munkres runs once, and only up to --munkres-max places,
// beyond which its time is estimated from its largest run (it grows as about n³).
// --large adds 20,000 × 10,000 for Tandem alone, in a process of its own (large-case.ts),
// with scoring and solving timed apart and the process's peak memory. A benchmark, not
// a test: nothing fails on time.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { solveAssignment } from '../server/matching/assignment'
import { baselineMatrix } from './bench/baseline-matrix'
import { benchCase } from './bench/cases'
import { runMunkres } from './bench/munkres-baseline'
import { median, runScipy, scipyPython } from './bench/scipy-baseline'

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '42' },
    'munkres-max': { type: 'string', default: '5000' },
    large: { type: 'boolean', default: false },
  },
})
const runs = Number(values.runs)
const seed = Number(values.seed)
const munkresMax = Number(values['munkres-max'])

type Result = { ms: number; matched: number; total: number }
const number = (n: number) => n.toLocaleString('en-GB')
const time = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`)
const ratio = (theirs: number, ours: number) => `${(theirs / ours).toFixed(1)}×`
const columns = [16, 8, 15, 11, 11, 16, 10, 10]
const row = (cells: string[]) =>
  console.log(cells.map((c, i) => (i === 0 ? c.padEnd(columns[i]!) : c.padStart(columns[i]!))).join(' '))

function tandem(problem: Parameters<typeof solveAssignment>[0], times: number): Result {
  const ms: number[] = []
  let result = solveAssignment(problem)
  for (let r = 0; r < times; r++) {
    const start = performance.now()
    result = solveAssignment(problem)
    ms.push(performance.now() - start)
  }
  return { ms: median(ms), matched: result.matched, total: result.total }
}

const scipy = scipyPython()
console.log(
  `Tandem matching solver vs munkres ${'(npm)'} and scipy linear_sum_assignment: seed ${seed}, ` +
    `median of ${runs} runs (munkres: 1 run), Node ${process.version}, ` +
    `scipy: ${'python' in scipy ? 'available' : `not available (${scipy.unavailable})`}\n`,
)
row(['problem', 'places', 'Tandem', 'scipy', 'munkres', 'matched/total', 'vs scipy', 'vs munkres'])

const cases: [number, number, boolean][] = [
  [500, 250, false],
  [2000, 1000, false],
  [5000, 2500, false],
  [2000, 2000, true],
  [5000, 5000, true],
]
let agree = true
let munkresLargest: { size: number; ms: number } | undefined
for (const [doctors, managers, square] of cases) {
  const { name, problem, places } = benchCase(doctors, managers, square, seed)
  const ours = tandem(problem, runs)
  const matrix = baselineMatrix(problem)
  const theirs = 'python' in scipy ? runScipy(scipy.python, matrix, runs) : undefined
  const size = Math.max(matrix.rows, matrix.columns)
  let munkresCell: string
  let munkres: Result | undefined
  if (size <= munkresMax) {
    munkres = runMunkres(matrix)
    munkresLargest = { size, ms: munkres.ms }
    munkresCell = time(munkres.ms)
  } else if (munkresLargest) {
    const estimate = munkresLargest.ms * (size / munkresLargest.size) ** 3
    munkresCell = `~${time(estimate)} est`
  } else munkresCell = 'skipped'
  for (const other of [theirs, munkres])
    if (other && (other.matched !== ours.matched || other.total !== ours.total)) agree = false
  row([
    name,
    number(places),
    time(ours.ms),
    theirs ? time(theirs.ms) : 'n/a',
    munkresCell,
    `${number(ours.matched)}/${number(ours.total)}`,
    theirs ? ratio(theirs.ms, ours.ms) : 'n/a',
    munkres ? ratio(munkres.ms, ours.ms) : munkresLargest && munkresCell.startsWith('~') ? 'est' : 'n/a',
  ])
  if (theirs && (theirs.matched !== ours.matched || theirs.total !== ours.total))
    console.log(`  scipy reached ${theirs.matched}/${theirs.total}`)
  if (munkres && (munkres.matched !== ours.matched || munkres.total !== ours.total))
    console.log(`  munkres reached ${munkres.matched}/${munkres.total}`)
}
console.log(
  `\n${agree ? 'All solvers that ran reached the same matched count and total on every problem.' : 'TOTALS DIFFER: see the lines above.'}` +
    ` "vs" columns: how many times longer the other solver took.`,
)

if (values.large) {
  // A process of its own, so that the peak memory is this case's and not the table's.
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, join(import.meta.dirname, 'bench', 'large-case.ts'), String(seed)],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  )
  if (child.status !== 0) throw new Error(`The large case failed: ${child.stderr.trim().split('\n').pop()}`)
  const large = JSON.parse(child.stdout) as {
    name: string
    places: number
    scoringMs: number
    solveMs: number
    matched: number
    total: number
    peakMB: number
  }
  console.log(
    `\nLarge: ${large.name} (${number(large.places)} places): Tandem solves in ${time(large.solveMs)} ` +
      `(scoring the cohort took ${time(large.scoringMs)} more), ${number(large.matched)} matched, ` +
      `total ${number(large.total)}; peak memory of that process ${large.peakMB.toFixed(0)} MB, ` +
      `with the 400 MB of score and eligibility bytes.`,
  )
}
