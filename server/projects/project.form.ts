// The project charter form: what it accepts, and how mistakes are worded. What
// was typed comes back unchanged. The log and score forms are log.form.ts and
// progress.form.ts.
import { DateTime } from 'luxon'
import { PROJECT_STATUSES, type ProjectStatus } from '../../models/qi-project'
import type { FieldError } from '../errors'
import { PROGRAMME_ZONE } from '../format'
import { dateToParts, parseDate, readDateParts, type DateParts } from '../http/date-input'
import { text } from '../http/forms'

export type CharterValues = { title: string; problem: string; what: string; baseline: string; target: string; by: DateParts; priorityId: string; team: string; status: string; shared: boolean }
export type TeamMember = { name: string; role: string }
export type CharterInput = { title: string; problem: string; aim: { what: string; baseline: string; target: string; by: Date | null }; priorityId: string; team: TeamMember[]; status: ProjectStatus; shared: boolean }

export const CHARTER_LIMITS = { title: 120, problem: 1500, aimPart: 300, teamPart: 80, teamSize: 12 }

/** The saved charter, as far as the form and the completeness check need it. */
type SavedCharter = { title: string; problem?: string | null; aim?: { what?: string | null; baseline?: string | null; target?: string | null; by?: Date | null } | null; priorityId?: unknown; team?: { name: string; role?: string | null }[]; status?: string | null; shared?: boolean | null }

/** Today's date in London, as date inputs store dates (midnight UTC of that date). */
export function londonToday(now: Date): Date {
  const day = DateTime.fromJSDate(now, { zone: PROGRAMME_ZONE })
  return DateTime.utc(day.year, day.month, day.day).toJSDate()
}

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

export function charterValuesOf(project?: SavedCharter): CharterValues {
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

/** "Name | Role" a line; blank lines are skipped; each bad line is its own error, by its number. */
export function readTeam(raw: string): { team: TeamMember[]; errors: FieldError[] } {
  const team: TeamMember[] = []
  const errors: FieldError[] = []
  const { teamPart, teamSize } = CHARTER_LIMITS
  raw.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return
    const [name = '', role = '', ...rest] = line.split('|').map(p => p.trim())
    if (!name) errors.push({ field: 'team', message: `Team, line ${i + 1}: write the colleague’s name before the |` })
    else if (rest.length) errors.push({ field: 'team', message: `Team, line ${i + 1}: write the name, then one | and the role, like Sam Patel | Ward sister` })
    else if (name.length > teamPart || role.length > teamPart) errors.push({ field: 'team', message: `Team, line ${i + 1}: the name and the role must each be ${teamPart} characters or fewer` })
    else team.push({ name, role })
  })
  if (team.length > teamSize) errors.push({ field: 'team', message: `List ${teamSize} colleagues or fewer` })
  return { team, errors }
}

/**
 * `priorityIds`: the priorities the project may serve. `today`: London's date. A date
 * for the aim that is typed now must not be in the past; the date already saved may
 * be (a project runs past its aim date, and its charter must stay editable).
 */
export function validateCharter(values: CharterValues, context: { priorityIds: readonly string[]; today: Date; savedBy?: Date | null }): { ok: true; input: CharterInput } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = []
  const tooLong = (field: string, label: string, value: string, limit: number) => {
    if (value.length > limit) errors.push({ field, message: `${label} must be ${limit} characters or fewer` })
  }
  if (!values.title) errors.push({ field: 'title', message: 'Enter a title for the project' })
  tooLong('title', 'The title', values.title, CHARTER_LIMITS.title)
  tooLong('problem', 'The problem', values.problem, CHARTER_LIMITS.problem)
  tooLong('what', 'What will improve', values.what, CHARTER_LIMITS.aimPart)
  tooLong('baseline', 'The baseline', values.baseline, CHARTER_LIMITS.aimPart)
  tooLong('target', 'The target', values.target, CHARTER_LIMITS.aimPart)
  let by: Date | null = null
  if (values.by.day || values.by.month || values.by.year) {
    const parsed = parseDate(values.by, 'date the aim should be met by')
    if (!parsed.ok) errors.push({ field: 'by-day', message: parsed.message })
    else if (+parsed.date < +context.today && +parsed.date !== +(context.savedBy ?? 0)) errors.push({ field: 'by-day', message: 'The date the aim should be met by must be today or in the future' })
    else by = parsed.date
  }
  if (!values.priorityId) errors.push({ field: 'priorityId', message: 'Select the organisational priority the project serves' })
  else if (!context.priorityIds.includes(values.priorityId)) errors.push({ field: 'priorityId', message: 'Select one of the organisational priorities listed' })
  const team = readTeam(values.team)
  errors.push(...team.errors)
  if (!(PROJECT_STATUSES as readonly string[]).includes(values.status)) errors.push({ field: 'status', message: 'Select the project’s status' })
  if (errors.length) return { ok: false, errors }
  return {
    ok: true,
    input: { title: values.title, problem: values.problem, aim: { what: values.what, baseline: values.baseline, target: values.target, by }, priorityId: values.priorityId, team: team.team, status: values.status as ProjectStatus, shared: values.shared },
  }
}

/** Complete enough for the 1.0 step: the problem, all four parts of the aim and the priority. */
export function isCharterComplete(p: Pick<SavedCharter, 'problem' | 'aim' | 'priorityId'>): boolean {
  return Boolean(p.problem && p.aim?.what && p.aim.baseline && p.aim.target && p.aim.by && p.priorityId)
}
