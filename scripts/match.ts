// npm run match -- problem.json
//
// Solves one assignment problem from a JSON file and prints the answer as JSON. The file:
//
//   {
//     "doctors":  [{ "id": "d1", ...profile }],
//     "managers": [{ "id": "m1", "capacity": 2, ...profile }],
//     "scores":   [[80, null], [55, 70]],      // optional: scores[doctor][manager], 0–100,
//                                             // null = ruled out by a hard requirement
//     "weights":  { "specialty": 4, ... },    // optional, without "scores": 0–10 per criterion
//     "required": ["site"],                   // optional, without "scores": hard requirements
//     "exclusions": [["d1", "m2"]],           // optional: never pair these
//     "locks":      [["d2", "m1"]]            // optional: keep these pairs
//   }
//
// Without "scores", pairs are scored from profiles as Tandem scores them (scoring.ts):
// doctors have "specialty", managers "specialtiesCovered", and both may have "site",
// "interests", "tags", "availability" (half-days such as "mon-am") and "ranks" (ids in
// order of preference). Unknown fields are refused, so a typo is not silently ignored.
//
// Output: { "pairs": [{ doctorId, managerId, score, locked }], "unmatched": [{ doctorId,
// reason, explanation }], "matched", "total" }, doctors in id order. Exit code 1 with a
// message on standard error when the file cannot be read or does not fit the format.
import { readFileSync } from 'node:fs'
import { solveAssignment } from '../server/matching/assignment'
import { describeIssues, problemSchema, toAssignmentProblem } from './match/problem'

function fail(message: string): never {
  process.stderr.write(`${message}\n`)
  process.exit(1)
}

const path = process.argv[2]
if (!path || process.argv.length > 3) fail('Usage: npm run match -- problem.json')

let text: string
try {
  text = readFileSync(path, 'utf8')
} catch (error) {
  fail(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
}
let json: unknown
try {
  json = JSON.parse(text)
} catch (error) {
  fail(`${path} is not valid JSON: ${(error as Error).message}`)
}
const parsed = problemSchema.safeParse(json)
if (!parsed.success) fail(`${path} does not fit the problem format:\n${describeIssues(parsed.error)}`)

try {
  const result = solveAssignment(toAssignmentProblem(parsed.data))
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
} catch (error) {
  // Duplicate ids, locks that cannot be kept and the like: the solver says which.
  fail(`Cannot solve ${path}: ${(error as Error).message}`)
}
