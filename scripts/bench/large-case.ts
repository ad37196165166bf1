// bench:match --large runs this in a process of its own, so that its peak memory is the
// large case's alone: 20,000 doctors × 10,000 managers, generated, scored (a 200 MB
// byte matrix of points and another of eligibility) and solved by Tandem. Prints JSON.
// Usage: tsx scripts/bench/large-case.ts seed
import { solveAssignment } from '../../server/matching/assignment'
import { scoredCase } from './cases'
import { randomCohort } from './cohort'
import { seeded } from './random'

const seed = Number(process.argv[2] ?? 42)
const cohort = randomCohort(seeded(seed), 20000, 10000)
let start = performance.now()
const { name, problem, places } = scoredCase(cohort, false)
const scoringMs = performance.now() - start
start = performance.now()
const result = solveAssignment(problem)
const solveMs = performance.now() - start
const peakMB = process.resourceUsage().maxRSS / 1024
process.stdout.write(
  JSON.stringify({ name, places, scoringMs, solveMs, matched: result.matched, total: result.total, peakMB }),
)
