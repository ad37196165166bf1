// The columns of the people CSV files, for doctors and for managers: what each
// holds, how a header is recognised, and the downloadable template.
import type { Side } from '../../models/enrolment'

export type Column = { key: string; header: string; required?: boolean; description: string; example: string }

const shared: Column[] = [
  { key: 'email', header: 'email', required: true, description: 'Work email address; the key, so re-importing updates rather than duplicates', example: 'a.doctor@example.nhs.uk' },
  { key: 'name', header: 'name', description: 'Full name (people can change it when they accept their invitation)', example: 'Alex Doctor' },
]
const common: Column[] = [
  { key: 'site', header: 'site', description: 'One of the cohort’s sites', example: 'St Thomas’ Hospital' },
  { key: 'interests', header: 'interests', description: 'QI themes from Tandem’s list, separated by semicolons', example: 'Patient flow; Discharge' },
  { key: 'tags', header: 'tags', description: 'Other interests, separated by semicolons', example: 'frailty; sepsis' },
  { key: 'availability', header: 'availability', description: 'Usual free half-days, separated by semicolons: day (mon…sun) and part (am, pm, eve)', example: 'mon-am; wed-pm; thu-eve' },
  { key: 'unavailable', header: 'unavailable', description: 'Date ranges, separated by semicolons, with an optional reason (nights, leave, rota, other)', example: '1/12/2026 - 14/12/2026 leave' },
  { key: 'note', header: 'note', description: 'What they want from the programme (500 characters or fewer)', example: 'Understand how bed management decisions are made' },
]

export const COLUMNS: Record<Side, Column[]> = {
  doctor: [
    ...shared,
    { key: 'grade', header: 'grade', description: 'FY1, FY2, CT1–3, IMT1–3, ST1–8, Specialty doctor / SAS, Locally employed doctor', example: 'FY2' },
    { key: 'specialty', header: 'specialty', description: 'A specialty from Tandem’s list (GMC specialties)', example: 'Geriatric medicine' },
    ...common,
  ],
  manager: [
    ...shared,
    { key: 'jobTitle', header: 'job_title', description: 'Job title', example: 'General manager, medicine' },
    { key: 'band', header: 'band', description: '6, 7, 8a, 8b, 8c, 8d, 9 or VSM', example: '8b' },
    { key: 'directorate', header: 'directorate', description: 'Directorate or service', example: 'Medicine' },
    { key: 'specialtiesCovered', header: 'specialties_covered', description: 'Specialties their service covers, separated by semicolons', example: 'Geriatric medicine; Acute internal medicine' },
    { key: 'capacity', header: 'capacity', description: 'How many doctors they can take: 1, 2 or 3 (1 if empty)', example: '2' },
    ...common,
    { key: 'meetings', header: 'meetings', description: 'Meetings a doctor could shadow, separated by semicolons, each as meeting | when | where', example: 'Bed meeting | 08:30 daily | Site office' },
  ],
}

/** "Job title", "job_title" and "JOB-TITLE" are the same header. */
export function normaliseHeader(header: string): string {
  return header.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_')
}

export function columnForHeader(side: Side, header: string): Column | undefined {
  const wanted = normaliseHeader(header)
  return COLUMNS[side].find(c => c.header === wanted || normaliseHeader(c.key) === wanted)
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** A template with the header row and one example row, UTF-8 with a BOM so that Excel reads it right. */
export function templateCsv(side: Side): string {
  const columns = COLUMNS[side]
  return `\uFEFF${columns.map(c => c.header).join(',')}\r\n${columns.map(c => csvField(c.example)).join(',')}\r\n`
}
