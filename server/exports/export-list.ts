// Every CSV a lead can download for a cohort, in the order the exports page lists them.
import { fileSlug, londonDate } from '../http/csv-stream'
import { attendanceExport } from './attendance.export'
import type { CohortExport } from './cohort-export'
import { pairsExport } from './pairs.export'
import { peopleExport } from './people.export'
import { projectsExport } from './projects.export'
import { reflectionsExport } from './reflections.export'
import { shadowingExport } from './shadowing.export'

export const COHORT_EXPORTS: readonly CohortExport[] = [peopleExport, pairsExport, shadowingExport, attendanceExport, projectsExport, reflectionsExport]

export const exportNamed = (key: string): CohortExport | undefined => COHORT_EXPORTS.find(e => e.key === key)

/** e.g. surgery-and-medicine-spring-2027-people-2026-11-23.csv: the cohort, what, and the UK date it was made. */
export const exportFileName = (cohortName: string, key: string, now: Date) => `${fileSlug(cohortName, 'cohort')}-${key}-${londonDate(now)}.csv`
