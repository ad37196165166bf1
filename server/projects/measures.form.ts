// The measure form: reads exactly what was typed (so a form with mistakes
// comes back as it was left) and checks it into what is stored. Also the one
// way Tandem reads a number typed by a person, for targets and data values.
import { DIRECTIONS, MEASURE_TYPES, type MeasureType } from '../../models/measure'
import type { Direction } from '../charts/spc'
import type { FieldError } from '../errors'
import { text } from '../http/forms'

export const NAME_LIMIT = 120
export const DEFINITION_LIMIT = 1000
export const UNIT_LIMIT = 40

export const TYPE_ITEMS: { value: MeasureType; text: string; hint: string }[] = [
  { value: 'outcome', text: 'Outcome', hint: 'The result the project is for, as patients or staff would notice it' },
  { value: 'process', text: 'Process', hint: 'Whether the change is being done, as planned' },
  { value: 'balancing', text: 'Balancing', hint: 'Something the change might make worse elsewhere' },
]

export const DIRECTION_ITEMS: { value: Direction; text: string }[] = [
  { value: 'up', text: 'Higher is better' },
  { value: 'down', text: 'Lower is better' },
  { value: 'neither', text: 'Neither: a change either way is worth noticing' },
]

export const TYPE_NAMES: Record<MeasureType, string> = { outcome: 'Outcome measure', process: 'Process measure', balancing: 'Balancing measure' }
export const DIRECTION_NAMES: Record<Direction, string> = { up: 'Higher is better', down: 'Lower is better', neither: 'Neither direction is better' }

export type MeasureValues = { name: string; type: string; definition: string; unit: string; direction: string; target: string }

export type MeasureInput = { name: string; type: MeasureType; definition: string; unit: string; direction: Direction; target: number | null }

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)$/

/** A number as people type it: digits with an optional sign and decimal point; no units, no thousands commas. */
export function readNumber(typed: string): number | undefined {
  const compact = typed.replace(/\s+/g, '')
  if (!NUMBER.test(compact)) return undefined
  const value = Number(compact)
  return Number.isFinite(value) && Math.abs(value) < 1e12 ? value : undefined
}

/** Why a typed value is not a number, in words that help to fix it. */
export function notANumberMessage(typed: string, what: string): string {
  if (/^[-+]?[\d.]+\s*%$/.test(typed)) return `${what} must be a number without the % sign, like 45 for 45%`
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(typed)) return `${what} must be a number without commas, like 1200`
  return `${what} must be a number, like 12 or 4.5`
}

export function readMeasure(body: unknown): MeasureValues {
  return {
    name: text(body, 'name'),
    type: text(body, 'type'),
    definition: text(body, 'definition'),
    unit: text(body, 'unit'),
    direction: text(body, 'direction'),
    target: text(body, 'target'),
  }
}

export function measureValuesOf(measure: { name: string; type: string; definition: string; unit: string; direction: string; target?: number | null }): MeasureValues {
  return { ...measure, target: measure.target === null || measure.target === undefined ? '' : String(measure.target) }
}

export function checkMeasure(values: MeasureValues): { ok: true; input: MeasureInput } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = []
  if (!values.name) errors.push({ field: 'name', message: 'Enter the name of the measure' })
  else if (values.name.length > NAME_LIMIT) errors.push({ field: 'name', message: `The name must be ${NAME_LIMIT} characters or fewer` })
  if (!(MEASURE_TYPES as readonly string[]).includes(values.type)) errors.push({ field: 'type', message: 'Select whether this is an outcome, process or balancing measure' })
  if (!values.definition) errors.push({ field: 'definition', message: 'Enter how the measure is defined: what is counted, and how' })
  else if (values.definition.length > DEFINITION_LIMIT) errors.push({ field: 'definition', message: `The definition must be ${DEFINITION_LIMIT} characters or fewer` })
  if (values.unit.length > UNIT_LIMIT) errors.push({ field: 'unit', message: `The unit must be ${UNIT_LIMIT} characters or fewer` })
  if (!(DIRECTIONS as readonly string[]).includes(values.direction)) errors.push({ field: 'direction', message: 'Select which direction is an improvement' })
  const target = values.target ? readNumber(values.target) : null
  if (target === undefined) errors.push({ field: 'target', message: notANumberMessage(values.target, 'The target') })
  if (errors.length) return { ok: false, errors }
  return {
    ok: true,
    input: {
      name: values.name,
      type: values.type as MeasureType,
      definition: values.definition,
      unit: values.unit,
      direction: values.direction as Direction,
      target: target ?? null,
    },
  }
}
