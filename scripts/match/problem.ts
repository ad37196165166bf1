// The JSON problem `npm run match` reads, checked with zod, and turned into the
// solver's AssignmentProblem. The format is described at the top of scripts/match.ts.
import { z } from 'zod'
import type { AssignmentProblem } from '../../server/matching/assignment'
import { CRITERIA, DEFAULT_WEIGHTS, scoreMatrix, type ScoringSettings } from '../../server/matching/scoring'

const id = z.string().min(1, 'an id cannot be empty')
const words = z.array(z.string()).default([])
const profile = {
  site: z.string().default(''),
  interests: words,
  tags: words,
  availability: words,
  ranks: z.array(id).optional(),
}
const pair = z.tuple([id, id])

export const problemSchema = z
  .object({
    doctors: z.array(z.object({ id, specialty: z.string().default(''), ...profile })),
    managers: z.array(
      z.object({
        id,
        capacity: z.number().int().min(0),
        specialtiesCovered: words,
        ...profile,
      }),
    ),
    /** scores[d][m], whole points 0–100; null where a hard requirement rules the pair out. */
    scores: z.array(z.array(z.number().int().min(0).max(100).nullable())).optional(),
    weights: z.partialRecord(z.enum(CRITERIA), z.number().min(0).max(10)).optional(),
    required: z.array(z.enum(CRITERIA)).default([]),
    exclusions: z.array(pair).default([]),
    locks: z.array(pair).default([]),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (!p.scores) return
    if (p.scores.length !== p.doctors.length)
      ctx.addIssue({
        code: 'custom',
        path: ['scores'],
        message: `has ${p.scores.length} rows but there are ${p.doctors.length} doctors`,
      })
    p.scores.forEach((row, d) => {
      if (row.length !== p.managers.length)
        ctx.addIssue({
          code: 'custom',
          path: ['scores', d],
          message: `has ${row.length} scores but there are ${p.managers.length} managers`,
        })
    })
    if (p.weights || p.required.length > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['weights'],
        message: 'weights and required apply to profile scoring; leave them out when giving scores',
      })
  })

export type ProblemFile = z.infer<typeof problemSchema>

/** Scores from the file, or worked out from the profiles with the cohort's weights. */
export function toAssignmentProblem(file: ProblemFile): AssignmentProblem {
  const base = {
    doctors: file.doctors,
    managers: file.managers,
    exclusions: file.exclusions,
    locked: file.locks,
  }
  if (file.scores) {
    const rows = file.scores
    return {
      ...base,
      scores: {
        points: rows.flatMap(row => row.map(s => s ?? 0)),
        eligible: rows.flatMap(row => row.map(s => (s === null ? 0 : 1))),
      },
    }
  }
  const settings: ScoringSettings = {
    weights: { ...DEFAULT_WEIGHTS, ...file.weights },
    required: file.required,
  }
  return { ...base, scores: scoreMatrix(file.doctors, file.managers, settings) }
}

/** zod's issues as lines a person can act on: "managers.2.capacity: expected a number". */
export const describeIssues = (error: z.ZodError) =>
  error.issues.map(issue => `  ${issue.path.join('.') || '(top level)'}: ${issue.message}`).join('\n')
