// The profile form, for both sides. Reads exactly what was typed (so a form
// with mistakes comes back as the person left it), and validates it into what
// is stored. Alongside, what Tandem tells the person about their answers: the
// hours the half-days stand for, and how it read each meeting's day and time.
import { z } from 'zod'
import type { Side } from '../../models/enrolment'
import type { ProfileFields } from '../../models/profile'
import type { FieldError } from '../errors'
import { text } from '../http/forms'
import { DAY_PART_HOURS } from '../scheduling/availability-windows'
import { clockLabel } from '../scheduling/meeting-times'
import { formatMeetings, formatUnavailable, howMeetingsRead, parseMeetings, parseUnavailable, type ShadowableMeeting, type UnavailableRange } from './profile-lists'
import { AVAILABILITY_SLOTS, DAY_PARTS, DAY_PART_NAMES, DOCTOR_GRADES, MANAGER_BANDS, QI_THEMES, findSpecialty } from './reference-data'

/** Shown with the form, not typed into it. */
export type ProfileFormGuidance = {
  /** "Morning is 8am to 1pm, afternoon is 1pm to 6pm and evening is 6pm to 10pm." */
  dayPartHours: string
  /** One sentence for each meeting on the form, saying whether and when it is offered first. */
  meetings: string[]
}

export type ProfileFormValues = {
  site: string
  interests: string[]
  tags: string
  availability: string[]
  unavailable: string
  note: string
  grade: string
  specialty: string
  jobTitle: string
  band: string
  directorate: string
  specialtiesCovered: string[]
  capacity: string
  meetings: string
  readonly guidance: ProfileFormGuidance
}

export type ProfileInput = {
  site: string
  interests: string[]
  tags: string[]
  availability: string[]
  unavailable: UnavailableRange[]
  note: string
  grade?: string
  specialty?: string
  jobTitle?: string
  band?: string
  directorate?: string
  specialtiesCovered?: string[]
  capacity?: number
  shadowableMeetings?: ShadowableMeeting[]
}

const many = (body: unknown, name: string): string[] => {
  const value = (body as Record<string, unknown> | undefined)?.[name]
  if (typeof value === 'string') return [value]
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

// The slot finder's hours for each half-day, so that the form says what the boxes mean.
const dayPartHours = DAY_PARTS.map((part, i) => {
  const name = i === 0 ? DAY_PART_NAMES[part] : DAY_PART_NAMES[part].toLowerCase()
  return `${name} is ${clockLabel(DAY_PART_HOURS[part].start)} to ${clockLabel(DAY_PART_HOURS[part].end)}`
})
const DAY_PART_HOURS_TEXT = `${dayPartHours.slice(0, -1).join(', ')} and ${dayPartHours.at(-1)}.`

// Worked out when shown, so it always matches the meetings as they stand.
function withGuidance(typed: Omit<ProfileFormValues, 'guidance'>): ProfileFormValues {
  return {
    ...typed,
    get guidance() {
      return { dayPartHours: DAY_PART_HOURS_TEXT, meetings: howMeetingsRead(parseMeetings(this.meetings.split('\n')).items) }
    },
  }
}

export function readProfileForm(body: unknown): ProfileFormValues {
  return withGuidance({
    site: text(body, 'site'),
    interests: many(body, 'interests'),
    tags: text(body, 'tags'),
    availability: many(body, 'availability'),
    unavailable: text(body, 'unavailable'),
    note: text(body, 'note'),
    grade: text(body, 'grade'),
    specialty: text(body, 'specialty'),
    jobTitle: text(body, 'jobTitle'),
    band: text(body, 'band'),
    directorate: text(body, 'directorate'),
    specialtiesCovered: many(body, 'specialtiesCovered'),
    capacity: text(body, 'capacity'),
    meetings: text(body, 'meetings'),
  })
}

type StoredProfile = Partial<Pick<ProfileFields, 'site' | 'interests' | 'tags' | 'availability' | 'note' | 'grade' | 'specialty' | 'jobTitle' | 'band' | 'directorate' | 'specialtiesCovered' | 'capacity'>> & {
  unavailable?: readonly { from: Date; to: Date; reason?: string | null }[]
  shadowableMeetings?: readonly { title: string; when: string; location?: string | null }[]
}

export function profileFormFrom(profile: StoredProfile | null | undefined): ProfileFormValues {
  const p = profile ?? {}
  return withGuidance({
    site: p.site ?? '',
    interests: [...(p.interests ?? [])],
    tags: (p.tags ?? []).join(', '),
    availability: [...(p.availability ?? [])],
    unavailable: formatUnavailable(p.unavailable ?? []),
    note: p.note ?? '',
    grade: p.grade ?? '',
    specialty: p.specialty ?? '',
    jobTitle: p.jobTitle ?? '',
    band: p.band ?? '',
    directorate: p.directorate ?? '',
    specialtiesCovered: [...(p.specialtiesCovered ?? [])],
    capacity: String(p.capacity ?? 1),
    meetings: formatMeetings(p.shadowableMeetings ?? []),
  })
}

/** Free tags: comma-separated, trimmed, de-duplicated ignoring case. */
export function parseTags(value: string): string[] {
  const seen = new Set<string>()
  return value
    .split(/[,;]/)
    .map(t => t.trim().replace(/\s+/g, ' '))
    .filter(t => t && !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()))
}

/**
 * Validates for saving. A profile may be saved incomplete (people fill it in over
 * several visits); only what is there must be right. `sites` limits the site to the
 * cohort's sites when known.
 */
export function validateProfileForm(values: ProfileFormValues, side: Side, sites: string[]): { ok: true; input: ProfileInput } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = []
  if (values.site && sites.length && !sites.includes(values.site)) errors.push({ field: 'site', message: 'Select a site from the list' })
  if (values.site.length > 80) errors.push({ field: 'site', message: 'Site must be 80 characters or fewer' })
  if (values.interests.some(i => !(QI_THEMES as readonly string[]).includes(i))) errors.push({ field: 'interests', message: 'Select QI interests from the list' })
  const tags = parseTags(values.tags)
  if (tags.length > 10 || tags.some(t => t.length > 40)) errors.push({ field: 'tags', message: 'Enter up to 10 tags, each 40 characters or fewer' })
  if (values.availability.some(slot => !AVAILABILITY_SLOTS.includes(slot))) errors.push({ field: 'availability', message: 'Select times from the table' })
  const unavailable = parseUnavailable(values.unavailable.split('\n'))
  if (unavailable.problems.length) errors.push({ field: 'unavailable', message: unavailable.problems[0]! })
  if (values.note.length > 500) errors.push({ field: 'note', message: 'What you want from the programme must be 500 characters or fewer' })

  const input: ProfileInput = {
    site: values.site,
    interests: [...new Set(values.interests)],
    tags,
    availability: AVAILABILITY_SLOTS.filter(slot => values.availability.includes(slot)),
    unavailable: unavailable.items,
    note: values.note,
  }

  if (side === 'doctor') {
    if (values.grade && !(DOCTOR_GRADES as readonly string[]).includes(values.grade)) errors.push({ field: 'grade', message: 'Select your grade from the list' })
    if (values.specialty && !findSpecialty(values.specialty)) errors.push({ field: 'specialty', message: 'Select your specialty from the list' })
    Object.assign(input, { grade: values.grade, specialty: findSpecialty(values.specialty)?.name ?? '' })
  } else {
    const capacity = z.coerce.number().int().min(1).max(3).safeParse(values.capacity || '1')
    if (values.jobTitle.length > 100) errors.push({ field: 'jobTitle', message: 'Job title must be 100 characters or fewer' })
    if (values.band && !(MANAGER_BANDS as readonly string[]).includes(values.band)) errors.push({ field: 'band', message: 'Select your band from the list' })
    if (values.directorate.length > 100) errors.push({ field: 'directorate', message: 'Directorate or service must be 100 characters or fewer' })
    if (values.specialtiesCovered.some(s => !findSpecialty(s))) errors.push({ field: 'specialtiesCovered', message: 'Select specialties from the list' })
    if (!capacity.success) errors.push({ field: 'capacity', message: 'Select how many doctors you can take: 1, 2 or 3' })
    const meetings = parseMeetings(values.meetings.split('\n'))
    if (meetings.problems.length) errors.push({ field: 'meetings', message: meetings.problems[0]! })
    Object.assign(input, {
      jobTitle: values.jobTitle,
      band: values.band,
      directorate: values.directorate,
      specialtiesCovered: [...new Set(values.specialtiesCovered)],
      capacity: capacity.success ? capacity.data : 1,
      shadowableMeetings: meetings.items,
    })
  }
  return errors.length ? { ok: false, errors } : { ok: true, input }
}
