// The project charter form and the progress log and score forms: what they
// accept, and how mistakes are worded. What was typed comes back unchanged.
import { PROJECT_STATUSES, PROGRESS_SCORES, type ProjectStatus } from '../../models/qi-project'
import type { FieldError } from '../errors'
import { dateToParts, parseDate, readDateParts, type DateParts } from '../http/date-input'
import { text } from '../http/forms'

export type CharterValues = { title: string; problem: string; what: string; baseline: string; target: string; by: DateParts; priorityId: string; team: string; status: string; shared: boolean }
export type CharterInput = { title: string; problem: string; aim: { what: string; baseline: string; target: string; by: Date | null }; priorityId: string; team: { name: string; role: string }[]; status: ProjectStatus; shared: boolean }

const LIMITS = { title: 120, problem: 1500, aimPart: 300 }

export function readCharterForm(body: unknown): CharterValues {
  return {
    title: text(body, 'title'),
    problem: text(body, 'problem'),
    what: text(body, 'what'),
    baseline: text(body, 'baseline'),
    target: text(body, 'target'),
    by: readDateParts(body, 'by'),
    priorityId: text(body, 'priorityId'),
    team: text(body, 'team'),
    status: text(body, 'status') || 'planning',
    shared: text(body, 'shared') === 'yes',
  }
}

export function charterValuesOf(project?: { title: string; problem?: string | null; aim?: { what?: string | null; baseline?: string | null; target?: string | null; by?: Date | null } | null; priorityId?: unknown; team?: { name: string; role?: string | null }[]; status?: string | null; shared?: boolean | null }): CharterValues {
  return {
    title: project?.title ?? '',
    problem: project?.problem ?? '',
    what: project?.aim?.what ?? '',
    baseline: project?.aim?.baseline ?? '',
    target: project?.aim?.target ?? '',
    by: dateToParts(project?.aim?.by ?? null),
    priorityId: project?.priorityId ? String(project.priorityId) : '',
    team: (project?.team ?? []).map(m => (m.role ? `${m.name} | ${m.role}` : m.name)).join('\n'),
    status: project?.status ?? 'planning',
    shared: Boolean(project?.shared),
  }
}

export function validateCharter(values: CharterValues, priorityIds: readonly string[]): { ok: true; input: CharterInput } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = []
  const tooLong = (field: string, label: string, value: string, limit: number) => {
    if (value.length > limit) errors.push({ field, message: `${label} must be ${limit} characters or fewer` })
  }
  if (!values.title) errors.push({ field: 'title', message: 'Enter a title for the project' })
  tooLong('title', 'The title', values.title, LIMITS.title)
  tooLong('problem', 'The problem', values.problem, LIMITS.problem)
  tooLong('what', 'What will improve', values.what, LIMITS.aimPart)
  tooLong('baseline', 'The baseline', values.baseline, LIMITS.aimPart)
  tooLong('target', 'The target', values.target, LIMITS.aimPart)
  let by: Date | null = null
  if (values.by.day || values.by.month || values.by.year) {
    const parsed = parseDate(values.by, 'date the aim should be met by')
    if (parsed.ok) by = parsed.date
    else errors.push({ field: 'by-day', message: parsed.message })
  }
  if (!values.priorityId) errors.push({ field: 'priorityId', message: 'Select the organisational priority the project serves' })
  else if (!priorityIds.includes(values.priorityId)) errors.push({ field: 'priorityId', message: 'Select one of the organisational priorities listed' })
  const team: { name: string; role: string }[] = []
  values.team.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return
    const [name = '', role = '', ...rest] = line.split('|').map(p => p.trim())
    if (!name || rest.length) errors.push({ field: 'team', message: `Team, line ${i + 1}: write the name, then | and the role, like Sam Patel | Ward sister` })
    else if (name.length > 80 || role.length > 80) errors.push({ field: 'team', message: `Team, line ${i + 1}: the name and the role must each be 80 characters or fewer` })
    else team.push({ name, role })
  })
  if (team.length > 12) errors.push({ field: 'team', message: 'List 12 colleagues or fewer' })
  if (!(PROJECT_STATUSES as readonly string[]).includes(values.status)) errors.push({ field: 'status', message: 'Select the project’s status' })
  if (errors.length) return { ok: false, errors }
  return {
    ok: true,
    input: { title: values.title, problem: values.problem, aim: { what: values.what, baseline: values.baseline, target: values.target, by }, priorityId: values.priorityId, team, status: values.status as ProjectStatus, shared: values.shared },
  }
}

/** Complete enough for the 1.0 step: the problem, all four parts of the aim and the priority. */
export function isCharterComplete(p: { problem?: string | null; aim?: { what?: string | null; baseline?: string | null; target?: string | null; by?: Date | null } | null; priorityId?: unknown }): boolean {
  return Boolean(p.problem && p.aim?.what && p.aim.baseline && p.aim.target && p.aim.by && p.priorityId)
}

export type LogValues = { date: DateParts; did: string; learned: string; next: string; blockers: string }

export function readLogForm(body: unknown): LogValues {
  return { date: readDateParts(body, 'date'), did: text(body, 'did'), learned: text(body, 'learned'), next: text(body, 'next'), blockers: text(body, 'blockers') }
}

export function validateLog(values: LogValues, today: Date): { ok: true; entry: { date: Date; did: string; learned: string; next: string; blockers: string } } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = []
  const date = parseDate(values.date, 'date')
  if (!date.ok) errors.push({ field: 'date-day', message: date.message })
  else if (+date.date > +today) errors.push({ field: 'date-day', message: 'The date must be today or in the past' })
  if (![values.did, values.learned, values.next, values.blockers].some(Boolean)) errors.push({ field: 'did', message: 'Write what you did, what you learned, your next steps or what is in the way' })
  for (const [field, label] of [['did', 'What you did'], ['learned', 'What you learned'], ['next', 'Next steps'], ['blockers', 'Blockers']] as const) {
    if (values[field].length > 2000) errors.push({ field, message: `${label} must be 2000 characters or fewer` })
  }
  if (errors.length || !date.ok) return { ok: false, errors }
  return { ok: true, entry: { date: date.date, did: values.did, learned: values.learned, next: values.next, blockers: values.blockers } }
}

export function readScore(raw: string): number | undefined {
  const n = Number(raw)
  return (PROGRESS_SCORES as readonly number[]).includes(n) ? n : undefined
}
