// npm run bench [-- --doctors 500 --managers 300 --seed 42 --runs 5 --require site,specialty]
//
// Times the matching steps on a seeded random cohort and compares, in the same run,
// the exact solver with the obvious baseline: greedy, taking the highest-scoring pair
// still possible first. Times are medians of several runs; the totals show how much
// score (and how many doctors) greedy leaves on the table. A benchmark, not a test:
// nothing here fails on time. The other benchmarks: npm run bench:match (the solver
// against munkres and scipy) and npm run bench:web (the lead's pages under load).
import { parseArgs } from 'node:util'
import { solveAssignment, type AssignmentProblem } from '../server/matching/assignment'
import { greedyAssignment } from '../server/matching/greedy'
import {
  CRITERIA,
  DEFAULT_WEIGHTS,
  scoreMatrix,
  type Criterion,
  type ScoringSettings,
} from '../server/matching/scoring'
import { randomCohort } from './bench/cohort'
import { seeded } from './bench/random'

const { values } = parseArgs({
  options: {
    doctors: { type: 'string', default: '500' },
    managers: { type: 'string', default: '300' },
    seed: { type: 'string', default: '42' },
    runs: { type: 'string', default: '5' },
    // Hard requirements, e.g. "site": greedy then tends to leave doctors out as well.
    require: { type: 'string', default: '' },
  },
})
const doctorCount = Number(values.doctors)
const managerCount = Number(values.managers)
const runs = Number(values.runs)

const { doctors, managers, exclusions } = randomCohort(seeded(Number(values.seed)), doctorCount, managerCount)
// Nobody has ranked anyone in a generated cohort, so preference is weighed 0 as the
// scoring module advises; the other criteria share the 100 points.
const required = values.require
  .split(',')
  .map(c => c.trim())
  .filter((c): c is Criterion => (CRITERIA as readonly string[]).includes(c))
const settings: ScoringSettings = { weights: { ...DEFAULT_WEIGHTS, preference: 0 }, required }

/** The median wall time of `runs` calls, and the last call's result. */
function time<T>(work: () => T): { ms: number; result: T } {
  const times: number[] = []
  let result!: T
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint()
    result = work()
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  times.sort((a, b) => a - b)
  return { ms: times[Math.floor(times.length / 2)]!, result }
}

const scoring = time(() => scoreMatrix(doctors, managers, settings))
const problem: AssignmentProblem = { doctors, managers, scores: scoring.result, exclusions }
const optimal = time(() => solveAssignment(problem))
const greedy = time(() => greedyAssignment(problem))

const places = managers.reduce((s, m) => s + m.capacity, 0)
const number = (n: number) => n.toLocaleString('en-GB')
const pad = (text: string, width: number, right = false) =>
  right ? text.padStart(width) : text.padEnd(width)
const row = (cells: string[]) =>
  console.log(cells.map((c, i) => pad(c, [34, 12, 10, 13, 14][i]!, i > 0)).join(''))

console.log(
  `Tandem matching benchmark: ${number(doctorCount)} doctors × ${number(managerCount)} managers (${number(places)} places), ` +
    `seed ${values.seed}, ${required.length ? `requiring ${required.join(' and ')}` : 'no hard requirements'}, ` +
    `median of ${runs} runs, Node ${process.version}\n`,
)
row(['step', 'time', 'matched', 'total score', 'mean per pair'])
row([`score all ${number(doctorCount * managerCount)} pairs`, `${scoring.ms.toFixed(1)} ms`, '', '', ''])
for (const [name, run] of [
  ['optimal (exact auction)', optimal],
  ['greedy baseline', greedy],
] as const) {
  const { matched, total } = run.result
  row([
    name,
    `${run.ms.toFixed(1)} ms`,
    number(matched),
    number(total),
    matched ? (total / matched).toFixed(1) : '–',
  ])
}

const gain = optimal.result.total - greedy.result.total
const moved = optimal.result.pairs.filter(
  p => !greedy.result.pairs.some(g => g.doctorId === p.doctorId && g.managerId === p.managerId),
).length
console.log(
  `\nOptimal vs greedy: ${gain >= 0 ? '+' : ''}${number(gain)} points (${((100 * gain) / Math.max(1, greedy.result.total)).toFixed(1)}%), ` +
    `${optimal.result.matched - greedy.result.matched >= 0 ? '+' : ''}${optimal.result.matched - greedy.result.matched} doctors matched, ` +
    `${moved} of ${optimal.result.matched} doctors paired differently.`,
)
