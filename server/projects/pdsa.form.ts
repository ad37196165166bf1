// The four PDSA forms, one per stage: each reads what was typed (so a form with
// mistakes comes back as it was left) and checks it into what is stored.
import { PDSA_DECISIONS, type PdsaDecision } from '../../models/pdsa-cycle'
import type { FieldError } from '../errors'
import { dateToParts, parseDate, readDateParts, type DateParts } from '../http/date-input'
import { text } from '../http/forms'

export const SHORT_LIMIT = 200
export const PLAN_LIMIT = 1000
export const LONG_LIMIT = 2000

export const DECISION_ITEMS: { value: PdsaDecision; text: string; hint: string }[] = [
  { value: 'adopt', text: 'Adopt', hint: 'The change worked: make it the way things are done' },
  { value: 'adapt', text: 'Adapt', hint: 'Change it and test it again in another cycle' },
  { value: 'abandon', text: 'Abandon', hint: 'It did not work: stop and try a different idea' },
]
export const DECISION_NAMES: Record<PdsaDecision, string> = { adopt: 'Adopt', adapt: 'Adapt', abandon: 'Abandon' }

type Checked<T> = { ok: true; input: T } | { ok: false; errors: FieldError[] }

/** Checkbox values: one string, several, or none. */
export function many(body: unknown, name: string): string[] {
  const value = (body as Record<string, unknown> | undefined)?.[name]
  if (typeof value === 'string') return [value]
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

function required(errors: FieldError[], field: string, value: string, limit: number, missing: string, label: string) {
  if (!value) errors.push({ field, message: missing })
  else if (value.length > limit) errors.push({ field, message: `${label} must be ${limit} characters or fewer` })
}

// ---------------------------------------------------------------- plan

export type PlanValues = { objective: string; changeIdea: string; who: string; where: string; plannedFor: DateParts; prediction: string; measureIds: string[] }
export type PlanInput = Omit<PlanValues, 'plannedFor'> & { plannedFor: Date }

export function readPlan(body: unknown): PlanValues {
  return {
    objective: text(body, 'objective'),
    changeIdea: text(body, 'changeIdea'),
    who: text(body, 'who'),
    where: text(body, 'where'),
    plannedFor: readDateParts(body, 'plannedFor'),
    prediction: text(body, 'prediction'),
    measureIds: many(body, 'measureIds'),
  }
}

export function planValuesOf(cycle: { objective: string; changeIdea: string; who?: string | null; where?: string | null; plannedFor?: Date | null; prediction: string; measureIds?: unknown[] }): PlanValues {
  return {
    objective: cycle.objective,
    changeIdea: cycle.changeIdea,
    who: cycle.who ?? '',
    where: cycle.where ?? '',
    plannedFor: dateToParts(cycle.plannedFor),
    prediction: cycle.prediction,
    measureIds: (cycle.measureIds ?? []).map(String),
  }
}

/** `measureIds` must be among the project's measures. */
export function checkPlan(values: PlanValues, measureIds: string[]): Checked<PlanInput> {
  const errors: FieldError[] = []
  required(errors, 'objective', values.objective, PLAN_LIMIT, 'Enter the objective of this cycle', 'The objective')
  required(errors, 'changeIdea', values.changeIdea, PLAN_LIMIT, 'Enter the change you will test', 'The change idea')
  required(errors, 'who', values.who, SHORT_LIMIT, 'Enter who will carry out the test', 'Who')
  required(errors, 'where', values.where, SHORT_LIMIT, 'Enter where the test will happen', 'Where')
  const date = parseDate(values.plannedFor, 'date the test starts')
  if (!date.ok) errors.push({ field: 'plannedFor-day', message: date.message })
  required(errors, 'prediction', values.prediction, PLAN_LIMIT, 'Enter what you predict will happen', 'The prediction')
  if (values.measureIds.some(id => !measureIds.includes(id))) errors.push({ field: 'measureIds', message: 'Select measures of this project' })
  if (errors.length || !date.ok) return { ok: false, errors }
  return { ok: true, input: { ...values, plannedFor: date.date } }
}

// ---------------------------------------------------------------- do

export type DoValues = { doneOn: DateParts; whatHappened: string }
export type DoInput = { doneOn: Date; whatHappened: string }

export function readDo(body: unknown): DoValues {
  return { doneOn: readDateParts(body, 'doneOn'), whatHappened: text(body, 'whatHappened') }
}

export function checkDo(values: DoValues, today: Date): Checked<DoInput> {
  const errors: FieldError[] = []
  const date = parseDate(values.doneOn, 'date the test was done')
  if (!date.ok) errors.push({ field: 'doneOn-day', message: date.message })
  else if (+date.date > +today) errors.push({ field: 'doneOn-day', message: 'The date the test was done must be today or in the past' })
  required(errors, 'whatHappened', values.whatHappened, LONG_LIMIT, 'Enter what happened when you carried out the test', 'What happened')
  if (errors.length || !date.ok) return { ok: false, errors }
  return { ok: true, input: { doneOn: date.date, whatHappened: values.whatHappened } }
}

// ---------------------------------------------------------------- study

export type StudyValues = { results: string; measureIds: string[] }

export function readStudy(body: unknown): StudyValues {
  return { results: text(body, 'results'), measureIds: many(body, 'measureIds') }
}

/** At least one measure when the project has any: the results are read from them. */
export function checkStudy(values: StudyValues, measureIds: string[]): Checked<StudyValues> {
  const errors: FieldError[] = []
  required(errors, 'results', values.results, LONG_LIMIT, 'Enter the results, compared with your prediction', 'The results')
  if (values.measureIds.some(id => !measureIds.includes(id))) errors.push({ field: 'measureIds', message: 'Select measures of this project' })
  else if (measureIds.length && !values.measureIds.length) errors.push({ field: 'measureIds', message: 'Select the measures that show the results' })
  return errors.length ? { ok: false, errors } : { ok: true, input: values }
}

// ---------------------------------------------------------------- act

export type ActValues = { decision: string; nextSteps: string }
export type ActInput = { decision: PdsaDecision; nextSteps: string }

export function readAct(body: unknown): ActValues {
  return { decision: text(body, 'decision'), nextSteps: text(body, 'nextSteps') }
}

export function checkAct(values: ActValues): Checked<ActInput> {
  const errors: FieldError[] = []
  if (!(PDSA_DECISIONS as readonly string[]).includes(values.decision)) errors.push({ field: 'decision', message: 'Select adopt, adapt or abandon' })
  required(errors, 'nextSteps', values.nextSteps, PLAN_LIMIT, 'Enter what you will do next', 'What next')
  return errors.length ? { ok: false, errors } : { ok: true, input: { decision: values.decision as PdsaDecision, nextSteps: values.nextSteps } }
}
