// Booking a shadowing session, one question a page: who shadows whom, the
// activity, how long, where, and when, then a check of the answers. The answers
// so far travel in each page's query, so nothing is kept on the server until
// the proposal is sent.
import { SHADOWING_DIRECTIONS, type ShadowingDirection } from '../../models/shadowing-session'
import type { FieldError } from '../errors'
import { text } from '../http/forms'
import { DURATIONS } from './time.form'

export const ACTIVITY_LIMIT = 120
export const LOCATION_LIMIT = 200
/** Longest session the check page accepts: a full day, or a longer meeting of the host's. */
const LONGEST_MINUTES = 24 * 60

export const BOOKING_STEPS = ['direction', 'activity', 'duration', 'location', 'time', 'check'] as const
export type BookingStep = (typeof BOOKING_STEPS)[number]

/** Every answer as it travels between pages: `start` is an ISO instant, `meeting` names the host's meeting at that time. */
export type BookingAnswers = { direction: string; activity: string; duration: string; location: string; start: string; meeting: string }

const ANSWER_NAMES = ['direction', 'activity', 'duration', 'location', 'start', 'meeting'] as const

export function readAnswers(source: unknown): BookingAnswers {
  return Object.fromEntries(ANSWER_NAMES.map(name => [name, text(source, name)])) as BookingAnswers
}

export const isDirection = (value: string): value is ShadowingDirection => (SHADOWING_DIRECTIONS as readonly string[]).includes(value)

export function startOf(answers: BookingAnswers): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(answers.start)) return undefined
  const start = new Date(answers.start)
  return Number.isNaN(+start) ? undefined : start
}

export function durationOf(answers: BookingAnswers): number | undefined {
  const minutes = /^\d{1,4}$/.test(answers.duration) ? Number(answers.duration) : NaN
  return minutes > 0 && minutes <= LONGEST_MINUTES && minutes % 15 === 0 ? minutes : undefined
}

const answered: Record<Exclude<BookingStep, 'check'>, (a: BookingAnswers) => boolean> = {
  direction: a => isDirection(a.direction),
  activity: a => a.activity !== '' && a.activity.length <= ACTIVITY_LIMIT,
  duration: a => durationOf(a) !== undefined,
  location: a => a.location !== '' && a.location.length <= LOCATION_LIMIT,
  time: a => startOf(a) !== undefined && a.meeting.length <= ACTIVITY_LIMIT,
}

/** The first page whose answer is missing or not usable ('check' once all are there). */
export function firstUnanswered(answers: BookingAnswers): BookingStep {
  return BOOKING_STEPS.find(step => step !== 'check' && !answered[step](answers)) ?? 'check'
}

/** The path of a booking page with these answers in its query. */
export function stepPath(pairId: string, step: BookingStep, answers: Partial<BookingAnswers>): string {
  const query = new URLSearchParams()
  for (const name of ANSWER_NAMES) if (answers[name]) query.set(name, answers[name])
  const path = `/pairs/${pairId}/book${step === 'direction' ? '' : `/${step}`}`
  const search = query.toString()
  return search ? `${path}?${search}` : path
}

export const previousStep = (step: BookingStep): BookingStep | undefined => BOOKING_STEPS[BOOKING_STEPS.indexOf(step) - 1]

type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] }

export function checkDirection(body: unknown): Checked<ShadowingDirection> {
  const direction = text(body, 'direction')
  return isDirection(direction) ? { ok: true, value: direction } : { ok: false, errors: [{ field: 'direction', message: 'Select who will shadow whom' }] }
}

/** The activity: one of the host's meetings by its title, or words of the person's own ("other"). */
export function checkActivity(body: unknown, meetingTitles: readonly string[]): Checked<string> {
  const choice = meetingTitles.length ? text(body, 'activityChoice') : 'other'
  const other = text(body, 'activityOther')
  if (choice !== 'other') {
    return meetingTitles.includes(choice) ? { ok: true, value: choice } : { ok: false, errors: [{ field: 'activityChoice', message: 'Select what you will shadow, or choose Something else' }] }
  }
  if (!other) return { ok: false, errors: [{ field: 'activityOther', message: 'Enter what you will shadow, for example a ward round or clinic' }] }
  if (other.length > ACTIVITY_LIMIT) return { ok: false, errors: [{ field: 'activityOther', message: `What you will shadow must be ${ACTIVITY_LIMIT} characters or fewer` }] }
  return { ok: true, value: other }
}

export function checkDuration(body: unknown): Checked<number> {
  const minutes = Number(text(body, 'duration'))
  return DURATIONS.some(d => d.minutes === minutes) ? { ok: true, value: minutes } : { ok: false, errors: [{ field: 'duration', message: 'Select how long the session will last' }] }
}

export function checkLocation(body: unknown): Checked<string> {
  const location = text(body, 'location')
  if (!location) return { ok: false, errors: [{ field: 'location', message: 'Enter where the session will be, for example Ward 7 or the site office' }] }
  if (location.length > LOCATION_LIMIT) return { ok: false, errors: [{ field: 'location', message: `Where the session will be must be ${LOCATION_LIMIT} characters or fewer` }] }
  return { ok: true, value: location }
}
