// Checks each CSV row and turns it into what would be written: the person's
// email and name, and their profile. Every problem names its line and column.
import { z } from 'zod'
import type { Side } from '../../models/enrolment'
import { readProfileForm, validateProfileForm, type ProfileInput } from '../people/profile.form'
import { AVAILABILITY_SLOTS, DOCTOR_GRADES, MANAGER_BANDS, QI_THEMES, findSpecialty } from '../people/reference-data'
import { COLUMNS } from './import-columns'
import type { ImportRow } from './import-file'

export type RowProblem = { column: string; message: string }
// `provided`: the profile fields the file gave a value for; only those are written, so
// a file with fewer columns never wipes what people entered themselves.
export type ValidRow = { line: number; email: string; name: string; profile: ProfileInput; provided: string[] }
export type InvalidRow = { line: number; email: string; problems: RowProblem[] }

const emailSchema = z.email()
const split = (value: string | undefined) => (value ?? '').split(';').map(v => v.trim()).filter(Boolean)

/** Finds each value in a list ignoring case; unknown ones are reported by name. */
function canonical(values: string[], known: readonly string[]): { found: string[]; unknown: string[] } {
  const byLower = new Map(known.map(k => [k.toLowerCase(), k]))
  const found: string[] = []
  const unknown: string[] = []
  for (const v of values) {
    const match = byLower.get(v.toLowerCase())
    if (match) found.push(match)
    else unknown.push(v)
  }
  return { found, unknown }
}

export function checkRows(rows: ImportRow[], side: Side, sites: string[]): { valid: ValidRow[]; invalid: InvalidRow[] } {
  const headerOf = new Map(COLUMNS[side].map(c => [c.key, c.header]))
  const firstLineOf = new Map<string, number>()
  const valid: ValidRow[] = []
  const invalid: InvalidRow[] = []

  for (const row of rows) {
    const v = row.values
    const problems: RowProblem[] = []
    const problem = (key: string, message: string) => problems.push({ column: headerOf.get(key) ?? key, message })
    const email = (v.email ?? '').toLowerCase()

    if (!email) problem('email', 'Email is missing')
    else if (!emailSchema.safeParse(email).success) problem('email', `“${v.email}” is not a valid email address`)
    else if (firstLineOf.has(email)) problem('email', `${email} is also on line ${firstLineOf.get(email)}: each person once only`)
    else firstLineOf.set(email, row.line)
    if ((v.name ?? '').length > 100) problem('name', 'Name must be 100 characters or fewer')
    if (row.extraCells) problem('email', 'The row has more cells than the header: check for an unquoted comma')

    const interests = canonical(split(v.interests), QI_THEMES)
    if (interests.unknown.length) problem('interests', `Unknown QI interest: ${interests.unknown.join(', ')}`)
    const availability = canonical(split(v.availability).map(s => s.replace(/\s+/g, '')), AVAILABILITY_SLOTS)
    if (availability.unknown.length) problem('availability', `Unknown half-day: ${availability.unknown.join(', ')} (use mon-am, tue-pm, sun-eve…)`)
    const site = v.site ? canonical([v.site], sites.length ? sites : [v.site]) : { found: [''], unknown: [] }
    if (site.unknown.length) problem('site', `“${v.site}” is not one of this cohort’s sites: ${sites.join(', ')}`)

    const form = readProfileForm({
      site: site.found[0] ?? '',
      interests: interests.found,
      tags: split(v.tags).join(', '),
      availability: availability.found,
      unavailable: split(v.unavailable).join('\n'),
      note: v.note ?? '',
    })

    if (side === 'doctor') {
      const grade = v.grade ? canonical([v.grade], DOCTOR_GRADES) : { found: [''], unknown: [] }
      if (grade.unknown.length) problem('grade', `Unknown grade “${v.grade}”`)
      const specialty = v.specialty ? findSpecialty(v.specialty) : undefined
      if (v.specialty && !specialty) problem('specialty', `Unknown specialty “${v.specialty}”`)
      Object.assign(form, { grade: grade.found[0] ?? '', specialty: specialty?.name ?? '' })
    } else {
      const band = v.band ? canonical([v.band.replace(/^band\s*/i, '')], MANAGER_BANDS) : { found: [''], unknown: [] }
      if (band.unknown.length) problem('band', `Unknown band “${v.band}” (use 6, 7, 8a–8d, 9 or VSM)`)
      const covered = split(v.specialtiesCovered).map(s => ({ s, found: findSpecialty(s) }))
      const unknownCovered = covered.filter(c => !c.found).map(c => c.s)
      if (unknownCovered.length) problem('specialtiesCovered', `Unknown specialty: ${unknownCovered.join(', ')}`)
      const capacity = v.capacity ?? ''
      if (capacity && !/^[123]$/.test(capacity)) problem('capacity', `Capacity must be 1, 2 or 3, not “${capacity}”`)
      Object.assign(form, {
        jobTitle: v.jobTitle ?? '',
        band: band.found[0] ?? '',
        directorate: v.directorate ?? '',
        specialtiesCovered: covered.flatMap(c => (c.found ? [c.found.name] : [])),
        capacity: /^[123]$/.test(capacity) ? capacity : '1',
        meetings: split(v.meetings).join('\n'),
      })
    }

    // The profile rules themselves (lengths, date ranges, meetings) are the form's.
    const checked = validateProfileForm(form, side, [])
    if (!checked.ok) {
      for (const error of checked.errors) {
        if (!problems.some(p => p.column === (headerOf.get(error.field) ?? error.field))) problem(error.field, error.message)
      }
    }
    if (problems.length || !checked.ok) invalid.push({ line: row.line, email, problems })
    else {
      const provided = Object.keys(v).filter(key => v[key] && key !== 'email' && key !== 'name').map(key => (key === 'meetings' ? 'shadowableMeetings' : key))
      valid.push({ line: row.line, email, name: (v.name ?? '').trim(), profile: checked.input, provided })
    }
  }
  return { valid, invalid }
}
