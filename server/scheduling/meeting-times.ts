// Reading the day and time of a shadowable meeting from the free words on a
// profile ("08:30 daily", "Mon & Thu 2pm–3.30pm", "first Tuesday of the month"),
// so that weekly meetings can be offered first at their real times. Read on the
// fly from `when` each time: nothing extra is stored, and a better reading here
// applies at once to every profile. What is not weekly is left as words.
import { WEEKDAYS, WEEKDAY_NAMES } from '../people/reference-data'
import type { Weekday } from './availability-windows'
import type { RecurringMeeting } from './meetings'

export type MeetingTimes = { weekdays: Weekday[]; start: string; durationMinutes: number }

/**
 * What Tandem made of the words: a weekly time; not weekly (monthly, fortnightly,
 * ad hoc); unclear (no day, no time, or different times on one line), which is
 * kept as words; or a mistake worth correcting (a time like 25:00).
 */
export type MeetingReading =
  | ({ kind: 'weekly' } & MeetingTimes)
  | { kind: 'not-weekly' }
  | { kind: 'unclear'; missing: 'day' | 'time' | 'one-time' }
  | { kind: 'mistake'; problem: string }

/** Length taken when the words give neither an end time nor a length. */
export const DEFAULT_MEETING_MINUTES = 60
const LONGEST_MINUTES = 12 * 60
const DAY_MINUTES = 24 * 60
const WORKING_WEEK: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri']

export function readMeetingTimes(when: string): MeetingTimes | undefined {
  const reading = readMeeting(when)
  return reading.kind === 'weekly'
    ? { weekdays: reading.weekdays, start: reading.start, durationMinutes: reading.durationMinutes }
    : undefined
}

/** The weekly meetings among a profile's shadowable meetings, one per weekday, for the slot finder. */
export function recurringMeetingsOf(
  meetings: readonly { title: string; when: string }[],
): RecurringMeeting[] {
  return meetings.flatMap(meeting => {
    const times = readMeetingTimes(meeting.when)
    if (!times) return []
    return times.weekdays.map(weekday => ({
      name: meeting.title,
      weekday,
      start: times.start,
      durationMinutes: times.durationMinutes,
    }))
  })
}

export function readMeeting(when: string): MeetingReading {
  const text = normalise(when)
  const length = takeLength(text)
  if (length.problem) return { kind: 'mistake', problem: length.problem }
  const clock = takeTimes(length.rest)
  if (clock.problem) return { kind: 'mistake', problem: clock.problem }
  const days = readDays(clock.rest)
  if (days === 'not-weekly') return { kind: 'not-weekly' }
  if (!days.length) return { kind: 'unclear', missing: 'day' }
  const starts = new Set(clock.times.map(t => t.start))
  if (!starts.size) return { kind: 'unclear', missing: 'time' }
  if (starts.size > 1) return { kind: 'unclear', missing: 'one-time' }
  const time = clock.times.find(t => t.minutes !== undefined) ?? clock.times[0]!
  return {
    kind: 'weekly',
    weekdays: days,
    start: hhmm(time.start),
    durationMinutes: time.minutes ?? length.minutes ?? DEFAULT_MEETING_MINUTES,
  }
}

/** "Monday to Friday at 8:30am for 1 hour", "every Monday and Thursday at 2pm for 1 hour 30 minutes". */
export function describeMeetingTimes(times: MeetingTimes): string {
  return `${describeDays(times.weekdays)} at ${clockLabel(times.start)} for ${describeLength(times.durationMinutes)}`
}

/** NHS style clock times: "08:30" → "8:30am", "14:00" → "2pm", "12:00" → "midday". */
export function clockLabel(start: string): string {
  const [hour = 0, minute = 0] = start.split(':').map(Number)
  if (minute === 0 && hour === 12) return 'midday'
  if (minute === 0 && hour === 0) return 'midnight'
  const h = hour % 12 === 0 ? 12 : hour % 12
  return `${h}${minute ? `:${String(minute).padStart(2, '0')}` : ''}${hour < 12 ? 'am' : 'pm'}`
}

// ——— Words to a common form ———

function normalise(when: string): string {
  return when
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/½/g, '.5')
    .replace(/\b([ap])\.\s?m\b\.?/g, '$1m')
    .replace(/\b12\s*(?:noon|midday)\b/g, '12:00')
    .replace(/\b(?:noon|midday)\b/g, '12:00')
    .replace(/\bmidnight\b/g, '00:00')
    .replace(/\s+/g, ' ')
    .trim()
}

// ——— Lengths: "(90 min)", "1 hour", "1.5 hrs", "1h30", "half an hour" ———

const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4 }
const HOURS = String.raw`(?:hours?|hrs?|h)`
const MINUTES = String.raw`(?:minutes?|mins?|m)`
// Not part of a time or a longer number: "1400hrs" is a time, not 1,400 hours.
const ALONE = String.raw`(?<![\d:.])`

const LENGTHS: [RegExp, (m: RegExpExecArray) => number][] = [
  [/\b(?:an? |one )?hour and a half\b/, () => 90],
  [/\bhalf an? hour\b|\bhalf hour\b/, () => 30],
  [
    new RegExp(String.raw`${ALONE}(\d{1,2})\s*${HOURS}\s*(?:and\s*)?(\d{1,2})\s*${MINUTES}\b`),
    m => +m[1]! * 60 + +m[2]!,
  ],
  [new RegExp(String.raw`${ALONE}\b(\d{1,2})h(\d{2})\b`), m => +m[1]! * 60 + +m[2]!],
  [new RegExp(String.raw`${ALONE}(\d{1,2}(?:\.\d+)?)\s*${HOURS}\b`), m => Math.round(+m[1]! * 60)],
  [new RegExp(String.raw`\b(an?|one|two|three|four)\s+hours?\b`), m => NUMBER_WORDS[m[1]!]! * 60],
  [new RegExp(String.raw`${ALONE}(\d{1,3})\s*${MINUTES}\b`), m => +m[1]!],
]

/** The first stated length, taken out of the words; a problem when no meeting could last that long. */
function takeLength(text: string): { rest: string; minutes?: number; problem?: string } {
  for (const [pattern, toMinutes] of LENGTHS) {
    const match = pattern.exec(text)
    if (!match) continue
    const minutes = toMinutes(match)
    if (minutes < 1 || minutes > LONGEST_MINUTES)
      return {
        rest: text,
        problem: `${match[0]} is not a length Tandem can offer: give between 1 minute and 12 hours`,
      }
    return { rest: text.slice(0, match.index) + ' ' + text.slice(match.index + match[0].length), minutes }
  }
  return { rest: text }
}

// ——— Times: "08:30", "8.30am", "2pm", "0830", "14:00-15:30", "2-3.30pm", "9 to 10am" ———

type Meridiem = 'am' | 'pm'
type ClockPart = {
  hour: number
  minute: number
  meridiem?: Meridiem
  text: string
  timeLike: boolean
  oneDigit: boolean
}
type ReadTime = { start: number; minutes?: number }

const CLOCK = String.raw`(\d{1,2})(?:([:.]\d{2})|(\d{2}))?(?:\s*(am|pm)\b)?(?:\s*(hrs|h)\b)?`
const TIMES = new RegExp(
  String.raw`(?<![\d:]|\d[./])${CLOCK}(?:\s*(?:-|\bto\b|\buntil\b|\btill\b)\s*${CLOCK})?(?![\d:]|[./]\d)`,
  'g',
)

function partOf(m: RegExpMatchArray, at: number): ClockPart | undefined {
  if (m[at] === undefined) return undefined
  const [hours, separated, joined, meridiem, military] = m.slice(at, at + 5) as [
    string,
    ...(string | undefined)[],
  ]
  const hour = +hours
  const minute = +(separated?.slice(1) ?? joined ?? 0)
  const text = `${hours}${separated ?? joined ?? ''}${meridiem ?? ''}`
  // "0830", "1400hrs", "8:30" and "830am" are times; "830", "2026" and "7" alone are numbers.
  const joinedTime = joined !== undefined && (/^[01]/.test(hours) || !!military) && hour < 24 && minute < 60
  const timeLike = separated !== undefined || !!meridiem || (joinedTime && hours.length === 2)
  return {
    hour,
    minute,
    ...(meridiem ? { meridiem: meridiem as Meridiem } : {}),
    text,
    timeLike,
    oneDigit: hours.length === 1,
  }
}

function minutesOf(part: ClockPart, meridiem = part.meridiem): number | undefined {
  if (part.minute > 59) return undefined
  if (meridiem) {
    if (part.hour < 1 || part.hour > 12) return undefined
    return ((part.hour % 12) + (meridiem === 'pm' ? 12 : 0)) * 60 + part.minute
  }
  if (part.hour > 23) return undefined
  // Nobody meets at 2:30 in the morning: "2.30" without am or pm is the afternoon ("02:30" is not).
  const afternoon = part.oneDigit && part.hour >= 1 && part.hour <= 5
  return (part.hour + (afternoon ? 12 : 0)) * 60 + part.minute
}

const notATime = (part: ClockPart) =>
  `${part.text} is not a time of day: write times like 09:30, 14:00 or 2pm`

/**
 * A range where only one end says am or pm ("2-3.30pm", "11-12.30pm"): the other end
 * takes whichever of am and pm makes the meeting end after it starts.
 */
function rangeMinutes(from: ClockPart, to: ClockPart): [number | undefined, number | undefined] {
  const choicesFor = (bare: ClockPart, other: ClockPart): (Meridiem | undefined)[] =>
    bare.meridiem || !other.meridiem || bare.hour > 12
      ? [bare.meridiem]
      : [other.meridiem, other.meridiem === 'am' ? 'pm' : 'am']
  const readings: [number | undefined, number | undefined][] = []
  for (const a of choicesFor(from, to))
    for (const b of choicesFor(to, from)) readings.push([minutesOf(from, a), minutesOf(to, b)])
  return (
    readings.find(([start, end]) => start !== undefined && end !== undefined && end > start) ?? readings[0]!
  )
}

/** A time or range read from one match; undefined when the match is only numbers ("7 days"). */
function timeOf(m: RegExpMatchArray): ReadTime | { problem: string } | undefined {
  const from = partOf(m, 1)!
  const to = partOf(m, 6)
  if (!to) {
    if (!from.timeLike) return undefined
    const start = minutesOf(from)
    return start === undefined ? { problem: notATime(from) } : { start }
  }
  if (!from.timeLike && !to.timeLike) return undefined
  const [start, end] = rangeMinutes(from, to)
  if (start === undefined) return { problem: notATime(from) }
  if (end === undefined) return { problem: notATime(to) }
  // An end before the start crosses midnight, if that makes a meeting of 12 hours or less.
  const minutes = end > start ? end - start : end + DAY_MINUTES - start
  if (end === start || minutes > LONGEST_MINUTES)
    return { problem: `${from.text} to ${to.text} ends before it starts` }
  return { start, minutes }
}

/** The times and ranges in the words, taken out of them; the first impossible one as a problem. */
function takeTimes(text: string): { rest: string; times: ReadTime[]; problem?: string } {
  const times: ReadTime[] = []
  let rest = ''
  let from = 0
  for (const match of text.matchAll(TIMES)) {
    const time = timeOf(match)
    if (!time) continue
    if ('problem' in time) return { rest: text, times, problem: time.problem }
    times.push(time)
    rest += text.slice(from, match.index) + ' '
    from = match.index + match[0].length
  }
  return { rest: rest + text.slice(from), times }
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`

// ——— Days: "daily", "weekdays", "Mon & Thu", "Monday to Friday", "Mondays", "daily except Wed" ———

const DAY_WORDS: Record<string, Weekday> = {}
for (const day of WEEKDAYS) {
  const name = WEEKDAY_NAMES[day].toLowerCase()
  for (const word of [day, name, `${name}s`]) DAY_WORDS[word] = day
}
Object.assign(DAY_WORDS, { tues: 'tue', weds: 'wed', thur: 'thu', thurs: 'thu' })

const NOT_WEEKLY = [
  /\bmonth(?:ly|s)?\b/,
  /\bfortnight(?:ly|s)?\b/,
  /\bquarter(?:ly|s)?\b/,
  /\b(?:annual(?:ly)?|yearly|termly)\b/,
  /\bbi-?(?:weekly|monthly)\b/,
  /\b(?:every|each) (?:other|alternate)\b/,
  /\balternate\b/,
  /\bevery (?:\d+|two|three|four|five|six) weeks\b/,
  /\bad[ -]?hoc\b/,
  /\b(?:as|when) (?:and when )?(?:needed|required)\b/,
  /\bon request\b/,
  /\boccasional(?:ly)?\b/,
  /\bvar(?:ies|iable)\b/,
  /\btb[ac]\b/,
  /\d(?:st|nd|rd|th)\b/,
]
const ORDINALS = new Set(['first', 'second', 'third', 'fourth', 'fifth', 'last'])
const RANGE_WORDS = new Set(['-', 'to', 'through', 'thru', 'till', 'until'])
const EXCEPT_WORDS = new Set(['except', 'excluding', 'exc', 'excl', 'not', 'but'])

function dayRange(from: Weekday, to: Weekday): Weekday[] {
  const days: Weekday[] = []
  for (let i = WEEKDAYS.indexOf(from); ; i = (i + 1) % 7) {
    days.push(WEEKDAYS[i]!)
    if (WEEKDAYS[i] === to) return days
  }
}

/** The weekdays named, in week order; 'not-weekly' for monthly, fortnightly and ad hoc words. */
function readDays(text: string): Weekday[] | 'not-weekly' {
  if (NOT_WEEKLY.some(pattern => pattern.test(text))) return 'not-weekly'
  const words = text.match(/[a-z]+|\d+|-/g) ?? []
  const named = new Set<Weekday>()
  const except = new Set<Weekday>()
  let excepting = false
  const add = (days: Weekday[]) => days.forEach(day => (excepting ? except : named).add(day))
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!
    const next = words[i + 1] ?? ''
    const day = DAY_WORDS[word]
    if (ORDINALS.has(word) && (DAY_WORDS[next] || /^(?:week|working|weekday)/.test(next))) return 'not-weekly'
    if (EXCEPT_WORDS.has(word)) excepting = true
    else if (day && RANGE_WORDS.has(next) && DAY_WORDS[words[i + 2] ?? '']) {
      add(dayRange(day, DAY_WORDS[words[i + 2]!]!))
      i += 2
    } else if (day) add([day])
    else if (word === 'daily' || word === 'everyday' || /^weekdays?$/.test(word)) add(WORKING_WEEK)
    else if ((word === 'every' || word === 'each') && next === 'day') add(WORKING_WEEK)
    else if (word === 'working' && /^days?$/.test(next)) add(WORKING_WEEK)
    else if (/^weekends?$/.test(word)) add(['sat', 'sun'])
    else if ((word === '7' || word === 'seven') && next === 'days') add([...WEEKDAYS])
  }
  return WEEKDAYS.filter(day => named.has(day) && !except.has(day))
}

// ——— Saying what was read ———

function describeDays(weekdays: readonly Weekday[]): string {
  if (weekdays.length === 7) return 'every day'
  const runs: Weekday[][] = []
  for (const day of WEEKDAYS.filter(d => weekdays.includes(d))) {
    const run = runs.at(-1)
    if (run && WEEKDAYS.indexOf(run.at(-1)!) === WEEKDAYS.indexOf(day) - 1) run.push(day)
    else runs.push([day])
  }
  const parts = runs.flatMap(run =>
    run.length >= 3
      ? [`${WEEKDAY_NAMES[run[0]!]} to ${WEEKDAY_NAMES[run.at(-1)!]}`]
      : run.map(day => WEEKDAY_NAMES[day]),
  )
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0]!
  return runs.length === 1 && runs[0]!.length >= 3 ? list : `every ${list}`
}

function describeLength(minutes: number): string {
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  const h = hours ? `${hours} hour${hours === 1 ? '' : 's'}` : ''
  const m = rest ? `${rest} minute${rest === 1 ? '' : 's'}` : ''
  return [h, m].filter(Boolean).join(' ')
}
