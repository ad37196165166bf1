// Writing CSV downloads for spreadsheets, as they are read from the database:
// UTF-8 with a byte-order mark so that Excel reads names right, RFC 4180
// quoting, text that a spreadsheet would run as a formula neutralised, and
// backpressure respected so that a slow client never makes a large export sit
// in memory. Times go out twice: ISO 8601 with the UK offset for machines,
// and the UK date and time of day in their own columns for people.
import type { Writable } from 'node:stream'
import type { Response } from 'express'
import { DateTime } from 'luxon'
import { PROGRAMME_ZONE } from '../format'

export type CsvValue = string | number | null | undefined

/** Rows a query's cursor is read in: big enough for few round trips, small enough to hold. */
export const CSV_BATCH = 200

/**
 * One field: quoted when it holds a quote, comma or line break (quotes doubled);
 * text that a spreadsheet would run as a formula (= + - @ or a tab or return
 * first) is prefixed with an apostrophe. Numbers are numbers, never formulas.
 */
export function csvField(value: CsvValue): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  let text = value ?? ''
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export const csvRow = (fields: readonly CsvValue[]) => `${fields.map(csvField).join(',')}\r\n`

/** The person stopped the download (closed the tab, lost the connection): stop reading. */
export class ReaderGoneError extends Error {}

/** Resolves when `out` can take more; rejects with ReaderGoneError if it closes first. */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (gone: boolean) => () => {
      out.off('drain', onDrain).off('close', onClose)
      if (gone) reject(new ReaderGoneError())
      else resolve()
    }
    const onDrain = settle(false)
    const onClose = settle(true)
    out.on('drain', onDrain).on('close', onClose)
  })
}

/** Writes to `out` as fast as it drains: the BOM and header first, then rows as they come. */
export function csvWriter(out: Writable) {
  const write = async (chunk: string) => {
    if (out.destroyed || out.writableEnded) throw new ReaderGoneError()
    if (!out.write(chunk)) await drained(out)
  }
  return {
    header: (columns: readonly string[]) => write(`\uFEFF${csvRow(columns)}`),
    rows: async (rows: readonly (readonly CsvValue[])[]) => {
      if (rows.length) await write(rows.map(csvRow).join(''))
    },
  }
}

export type CsvWriter = ReturnType<typeof csvWriter>

/** A cursor's documents in arrays of up to `size`, so that each batch's people can be looked up at once. */
export async function* inBatches<T>(source: AsyncIterable<T>, size = CSV_BATCH): AsyncGenerator<T[]> {
  let batch: T[] = []
  for await (const item of source) {
    batch.push(item)
    if (batch.length >= size) {
      yield batch
      batch = []
    }
  }
  if (batch.length) yield batch
}

/**
 * A download, streamed: headers (an attachment, never cached: exports hold
 * personal data), then whatever `write` writes as it reads. A reader who goes
 * away ends the work quietly; the cursor behind it is closed as the loop unwinds.
 */
export async function sendCsv(res: Response, fileName: string, write: (csv: CsvWriter) => Promise<void>): Promise<void> {
  res.attachment(fileName).type('text/csv; charset=utf-8').set('Cache-Control', 'no-store')
  try {
    await write(csvWriter(res))
  } catch (error) {
    if (error instanceof ReaderGoneError) return
    throw error
  }
  res.end()
}

/** Letters, digits and hyphens from a title, for a file name. */
export function fileSlug(title: string, fallback: string): string {
  const slug = title.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/[\s_-]+/g, '-').toLowerCase().slice(0, 60).replace(/-$/, '')
  return slug || fallback
}

const london = (instant: Date) => DateTime.fromJSDate(instant, { zone: PROGRAMME_ZONE })

/** e.g. 2026-06-07T09:30:00+01:00: the instant, as UK clocks showed it. */
export const isoLondon = (instant: Date | null | undefined) => (instant ? (london(instant).toISO({ suppressMilliseconds: true }) ?? '') : '')

/** The UK calendar date of an instant, 2026-06-07. */
export const londonDate = (instant: Date | null | undefined) => (instant ? london(instant).toFormat('yyyy-MM-dd') : '')

/** The UK time of day of an instant, 09:30. */
export const londonTime = (instant: Date | null | undefined) => (instant ? london(instant).toFormat('HH:mm') : '')

/** A calendar date kept as midnight UTC (a data point's, an aim's), 2026-06-07: no zone to convert. */
export const calendarDate = (date: Date | null | undefined) => (date ? date.toISOString().slice(0, 10) : '')
