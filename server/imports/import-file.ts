// Reads an uploaded people CSV into rows keyed by column, each with the line it
// started on. Copes with a UTF-8 BOM, Windows line endings and quoted commas
// and line breaks (csv-parse does the parsing).
import { parse } from 'csv-parse/sync'
import type { Side } from '../../models/enrolment'
import { columnForHeader, COLUMNS } from './import-columns'

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024
export const MAX_IMPORT_ROWS = 10_000

export type ImportRow = { line: number; values: Record<string, string>; extraCells: boolean }

export type ReadResult = { ok: true; rows: ImportRow[]; ignoredHeaders: string[] } | { ok: false; message: string }

export function readImportFile(content: Buffer, side: Side): ReadResult {
  const text = content.toString('utf8')
  if (text.includes('\uFFFD')) return { ok: false, message: 'The file must be saved as CSV UTF-8. In Excel, choose Save As, then “CSV UTF-8 (Comma delimited)”' }
  let records: { record: string[]; raw: string }[]
  try {
    records = parse(text, { bom: true, relax_column_count: true, raw: true, trim: true }) as unknown as typeof records
  } catch (error) {
    const line = (error as { lines?: number }).lines
    return { ok: false, message: `The file could not be read as CSV${line ? ` (near line ${line})` : ''}: check that quotes are closed` }
  }
  // The line a record starts on, as a spreadsheet shows it: one more than the line breaks
  // in every record before it (quoted cells may span lines; CRLF counts once).
  let line = 1
  const located = records.map(r => {
    const start = line
    line += (r.raw.match(/\r\n|\r|\n/g) ?? []).length
    return { record: r.record, line: start }
  })
  const nonEmpty = located.filter(r => r.record.some(cell => cell !== ''))
  const [header, ...body] = nonEmpty
  if (!header) return { ok: false, message: 'The file is empty' }
  const columns = header.record.map(h => columnForHeader(side, h))
  if (!columns.some(c => c?.key === 'email')) {
    const expected = COLUMNS[side].map(c => c.header).join(', ')
    return { ok: false, message: `The first row must name the columns, including email. Expected columns: ${expected}` }
  }
  if (body.length === 0) return { ok: false, message: 'The file has a header row but no people' }
  if (body.length > MAX_IMPORT_ROWS) return { ok: false, message: `The file has ${body.length} rows: import ${MAX_IMPORT_ROWS} or fewer at a time` }
  const ignoredHeaders = header.record.filter((h, i) => !columns[i] && h !== '')
  const rows = body.map(({ record, line }) => {
    const values: Record<string, string> = {}
    record.forEach((cell, i) => {
      const column = columns[i]
      if (column) values[column.key] = cell
    })
    return { line, values, extraCells: record.length > header.record.length && record.slice(header.record.length).some(Boolean) }
  })
  return { ok: true, rows, ignoredHeaders }
}
