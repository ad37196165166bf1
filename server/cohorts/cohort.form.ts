// The cohort form: what it accepts and how mistakes are worded.
import { z } from 'zod'
import { COHORT_STATUSES } from '../../models/cohort'
import type { FieldError } from '../errors'
import { dateToParts, parseDate, readDateParts, type DateParts } from '../http/date-input'
import { fromZodError, text } from '../http/forms'

export type CohortInput = {
  name: string
  startDate: Date
  endDate: Date
  sites: string[]
  targetDoctorShadowsManager: number
  targetManagerShadowsDoctor: number
  status: (typeof COHORT_STATUSES)[number]
}

/** What the form shows: exactly what the person typed. */
export type CohortFormValues = {
  name: string
  start: DateParts
  end: DateParts
  sites: string
  targetDoctorShadowsManager: string
  targetManagerShadowsDoctor: string
  status: string
}

const target = (label: string) =>
  z.coerce
    .number({ error: `Enter ${label} as a number, like 2` })
    .int(`Enter ${label} as a whole number, like 2`)
    .min(0, `${label[0]!.toUpperCase()}${label.slice(1)} must be 0 or more`)
    .max(20, `${label[0]!.toUpperCase()}${label.slice(1)} must be 20 or fewer`)

const schema = z.object({
  name: z.string().trim().min(1, 'Enter a name for the cohort').max(120, 'Cohort name must be 120 characters or fewer'),
  targetDoctorShadowsManager: target('the sessions in which the doctor shadows the manager'),
  targetManagerShadowsDoctor: target('the sessions in which the manager shadows the doctor'),
  status: z.enum(COHORT_STATUSES, 'Select a status'),
})

export function readCohortForm(body: unknown): CohortFormValues {
  return {
    name: text(body, 'name'),
    start: readDateParts(body, 'start'),
    end: readDateParts(body, 'end'),
    sites: text(body, 'sites'),
    targetDoctorShadowsManager: text(body, 'targetDoctorShadowsManager'),
    targetManagerShadowsDoctor: text(body, 'targetManagerShadowsDoctor'),
    status: text(body, 'status') || 'draft',
  }
}

export function cohortFormFrom(cohort?: Partial<CohortInput>): CohortFormValues {
  return {
    name: cohort?.name ?? '',
    start: dateToParts(cohort?.startDate),
    end: dateToParts(cohort?.endDate),
    sites: (cohort?.sites ?? []).join('\n'),
    targetDoctorShadowsManager: String(cohort?.targetDoctorShadowsManager ?? 2),
    targetManagerShadowsDoctor: String(cohort?.targetManagerShadowsDoctor ?? 2),
    status: cohort?.status ?? 'draft',
  }
}

export function validateCohortForm(values: CohortFormValues): { ok: true; input: CohortInput } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = []
  const parsed = schema.safeParse(values)
  if (!parsed.success) errors.push(...fromZodError(parsed.error))
  const start = parseDate(values.start, 'start date')
  const end = parseDate(values.end, 'end date')
  if (!start.ok) errors.push({ field: 'start-day', message: start.message })
  if (!end.ok) errors.push({ field: 'end-day', message: end.message })
  if (start.ok && end.ok && end.date <= start.date) errors.push({ field: 'end-day', message: 'The end date must be after the start date' })
  const sites = [...new Set(values.sites.split(/[\n,]/).map(s => s.trim()).filter(Boolean))]
  if (sites.length === 0) errors.push({ field: 'sites', message: 'Enter at least one site taking part' })
  if (sites.some(s => s.length > 80)) errors.push({ field: 'sites', message: 'Each site name must be 80 characters or fewer' })
  // Keep the summary in the order of the fields on the page.
  const order = ['name', 'start-day', 'end-day', 'sites', 'targetDoctorShadowsManager', 'targetManagerShadowsDoctor', 'status']
  errors.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field))
  if (errors.length || !parsed.success || !start.ok || !end.ok) return { ok: false, errors }
  return { ok: true, input: { ...parsed.data, startDate: start.date, endDate: end.date, sites } }
}
