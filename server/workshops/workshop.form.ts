// The lead's forms: a series (title, description, whether pairs attend
// together) and a session (title, module, description, London date and
// times, a room and site or an online link, capacity, facilitators).
import { DateTime } from 'luxon'
import { MAX_CAPACITY } from '../../models/workshop'
import type { FieldError } from '../errors'
import { PROGRAMME_ZONE } from '../format'
import { parseDate, readDateParts, type DateParts } from '../http/date-input'
import { text } from '../http/forms'

export const TITLE_LIMIT = 120
export const DESCRIPTION_LIMIT = 2000
const FACILITATORS_LIMIT = 10

type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] }

export type SeriesValues = { title: string; description: string; pairsTogether: string }
export type SeriesInput = { title: string; description: string; pairsTogether: boolean }

export const readSeries = (body: unknown): SeriesValues => ({ title: text(body, 'title'), description: text(body, 'description'), pairsTogether: text(body, 'pairsTogether') })

export function checkSeries(values: SeriesValues): Checked<SeriesInput> {
  const errors: FieldError[] = []
  if (!values.title) errors.push({ field: 'title', message: 'Enter a title for the series' })
  else if (values.title.length > TITLE_LIMIT) errors.push({ field: 'title', message: `The title must be ${TITLE_LIMIT} characters or fewer` })
  if (values.description.length > DESCRIPTION_LIMIT) errors.push({ field: 'description', message: `The description must be ${DESCRIPTION_LIMIT} characters or fewer` })
  if (values.pairsTogether !== 'yes' && values.pairsTogether !== 'no') errors.push({ field: 'pairsTogether', message: 'Select whether pairs should attend together' })
  if (errors.length) return { ok: false, errors }
  return { ok: true, value: { title: values.title, description: values.description, pairsTogether: values.pairsTogether === 'yes' } }
}

export const seriesValuesOf = (series: SeriesInput): SeriesValues => ({ title: series.title, description: series.description, pairsTogether: series.pairsTogether ? 'yes' : 'no' })

export type WorkshopValues = {
  title: string
  moduleNumber: string
  description: string
  date: DateParts
  startTime: string
  endTime: string
  where: string
  room: string
  site: string
  onlineLink: string
  capacity: string
  facilitators: string
}

export type WorkshopInput = {
  title: string
  moduleNumber: number | null
  description: string
  start: Date
  end: Date
  room: string
  site: string
  onlineLink: string
  capacity: number
  facilitators: string[]
}

export function readWorkshop(body: unknown): WorkshopValues {
  const field = (name: string) => text(body, name)
  return {
    title: field('title'),
    moduleNumber: field('moduleNumber'),
    description: field('description'),
    date: readDateParts(body, 'date'),
    startTime: field('startTime'),
    endTime: field('endTime'),
    where: field('where'),
    room: field('room'),
    site: field('site'),
    onlineLink: field('onlineLink'),
    capacity: field('capacity'),
    facilitators: typeof (body as Record<string, unknown>)?.facilitators === 'string' ? String((body as Record<string, unknown>).facilitators) : '',
  }
}

export function workshopValuesOf(workshop: Omit<WorkshopInput, 'moduleNumber'> & { moduleNumber?: number | null }): WorkshopValues {
  const start = DateTime.fromJSDate(workshop.start, { zone: PROGRAMME_ZONE })
  const end = DateTime.fromJSDate(workshop.end, { zone: PROGRAMME_ZONE })
  return {
    title: workshop.title,
    moduleNumber: workshop.moduleNumber ? String(workshop.moduleNumber) : '',
    description: workshop.description,
    date: { day: String(start.day), month: String(start.month), year: String(start.year) },
    startTime: start.toFormat('HH:mm'),
    endTime: end.toFormat('HH:mm'),
    where: workshop.onlineLink ? 'online' : 'in-person',
    room: workshop.room,
    site: workshop.site,
    onlineLink: workshop.onlineLink,
    capacity: String(workshop.capacity),
    facilitators: workshop.facilitators.join('\n'),
  }
}

/** "09:30" on a London date → the instant; a time in the spring-forward gap does not exist. */
function londonAt(date: Date, hhmm: string): { ok: true; at: Date } | { ok: false; message: string } {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(hhmm)
  const hour = Number(match?.[1])
  const minute = Number(match?.[2])
  if (!match || hour > 23 || minute > 59) return { ok: false, message: 'as hours and minutes on the 24-hour clock, like 09:30 or 14:00' }
  const day = DateTime.fromJSDate(date, { zone: 'utc' })
  const london = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone: PROGRAMME_ZONE })
  if (london.hour !== hour || london.minute !== minute) return { ok: false, message: 'at a time that exists on that day: the clocks go forward at 1am' }
  return { ok: true, at: london.toJSDate() }
}

/** Checks a session; `now` refuses a new time in the past (an unchanged time may be, when editing after the day). */
export function checkWorkshop(values: WorkshopValues, options: { now: Date; unchangedTime?: { start: Date; end: Date } }): Checked<WorkshopInput> {
  const errors: FieldError[] = []
  if (!values.title) errors.push({ field: 'title', message: 'Enter a title for the session' })
  else if (values.title.length > TITLE_LIMIT) errors.push({ field: 'title', message: `The title must be ${TITLE_LIMIT} characters or fewer` })
  let moduleNumber: number | null = null
  if (values.moduleNumber) {
    moduleNumber = /^\d{1,2}$/.test(values.moduleNumber) ? Number(values.moduleNumber) : NaN
    if (!(moduleNumber >= 1 && moduleNumber <= 99)) errors.push({ field: 'moduleNumber', message: 'The module number must be a whole number from 1 to 99' })
  }
  if (values.description.length > DESCRIPTION_LIMIT) errors.push({ field: 'description', message: `The description must be ${DESCRIPTION_LIMIT} characters or fewer` })

  const date = parseDate(values.date, 'date')
  if (!date.ok) errors.push({ field: 'date-day', message: date.message })
  const start = values.startTime ? (date.ok ? londonAt(date.date, values.startTime) : undefined) : ({ ok: false, message: '' } as const)
  const end = values.endTime ? (date.ok ? londonAt(date.date, values.endTime) : undefined) : ({ ok: false, message: '' } as const)
  if (!values.startTime) errors.push({ field: 'startTime', message: 'Enter the start time, like 09:30' })
  else if (start && !start.ok) errors.push({ field: 'startTime', message: `Enter the start time ${start.message}` })
  if (!values.endTime) errors.push({ field: 'endTime', message: 'Enter the end time, like 12:30' })
  else if (end && !end.ok) errors.push({ field: 'endTime', message: `Enter the end time ${end.message}` })
  if (start?.ok && end?.ok) {
    if (+end.at <= +start.at) errors.push({ field: 'endTime', message: 'The end time must be after the start time' })
    const unchanged = options.unchangedTime && +options.unchangedTime.start === +start.at && +options.unchangedTime.end === +end.at
    if (!unchanged && +start.at <= +options.now) errors.push({ field: 'date-day', message: 'The date and start time must be in the future' })
  }

  let room = ''
  let site = ''
  let onlineLink = ''
  if (values.where === 'in-person') {
    room = values.room
    site = values.site
    if (!room) errors.push({ field: 'room', message: 'Enter the room' })
    else if (room.length > TITLE_LIMIT) errors.push({ field: 'room', message: `The room must be ${TITLE_LIMIT} characters or fewer` })
    if (!site) errors.push({ field: 'site', message: 'Enter the site' })
    else if (site.length > TITLE_LIMIT) errors.push({ field: 'site', message: `The site must be ${TITLE_LIMIT} characters or fewer` })
  } else if (values.where === 'online') {
    onlineLink = values.onlineLink
    let url: URL | undefined
    try {
      url = new URL(onlineLink)
    } catch {
      url = undefined
    }
    if (!onlineLink) errors.push({ field: 'onlineLink', message: 'Enter the link to join online' })
    else if (url?.protocol !== 'https:' || onlineLink.length > 500) errors.push({ field: 'onlineLink', message: 'Enter the link to join online as a web address starting https://' })
  } else {
    errors.push({ field: 'where', message: 'Select whether the session is in person or online' })
  }

  const capacity = /^\d{1,3}$/.test(values.capacity) ? Number(values.capacity) : NaN
  if (!values.capacity) errors.push({ field: 'capacity', message: 'Enter the number of places' })
  else if (!(capacity >= 1 && capacity <= MAX_CAPACITY)) errors.push({ field: 'capacity', message: `The number of places must be a whole number from 1 to ${MAX_CAPACITY}` })

  const facilitators = values.facilitators.split(/\r?\n/).map(line => line.trim()).filter(Boolean)
  if (facilitators.length > FACILITATORS_LIMIT) errors.push({ field: 'facilitators', message: `Enter ${FACILITATORS_LIMIT} facilitators or fewer` })
  else if (facilitators.some(name => name.length > 100)) errors.push({ field: 'facilitators', message: 'Each facilitator’s name must be 100 characters or fewer' })

  if (errors.length || !start?.ok || !end?.ok) return { ok: false, errors }
  return { ok: true, value: { title: values.title, moduleNumber, description: values.description, start: start.at, end: end.at, room, site, onlineLink, capacity, facilitators } }
}
