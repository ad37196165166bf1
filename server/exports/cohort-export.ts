// What every cohort export is: a file the lead can download, what it holds in
// words (shown on the exports page), its columns, and how its rows are written
// as they are read. Each export lives in its own file beside this one.
import type { Types } from 'mongoose'
import type { CohortFields } from '../../models/cohort'
import type { CsvWriter } from '../http/csv-stream'

export type ExportCohort = CohortFields & { _id: Types.ObjectId }

export type CohortExport = {
  /** The file's name after the cohort's: people → surgery-and-medicine-people-2026-11-23.csv */
  key: string
  title: string
  /** What a row is and what it holds, for the exports page. */
  holds: string
  columns: readonly string[]
  write(cohort: ExportCohort, csv: CsvWriter, now: Date): Promise<void>
}

/** "Doctor" for "doctor": sides and words read better capitalised in a spreadsheet. */
export const capitalised = (word: string) => (word ? word[0]!.toUpperCase() + word.slice(1) : '')

export const yesNo = (value: boolean) => (value ? 'Yes' : 'No')
