// A measure's data points: one at a time, or a pasted batch that is saved
// whole or not at all. A measure has one value a date (a unique index), so a
// second value for a date is refused with the existing point to change instead.
// No transactions (decision 003): a batch is inserted in one go and, if a
// partner saved one of its dates at the same moment, taken back by its batch id.
import { randomUUID } from 'node:crypto'
import type { Types } from 'mongoose'
import { DataPoint } from '../../models/data-point'
import type { Clock } from '../clock'
import { isDuplicateKeyError } from '../db/duplicate-key'
import { NotFoundError } from '../errors'
import { formatDate } from '../format'
import type { CurrentUser } from '../http/current-user'
import { idParam } from '../http/id-param'
import { parsePaste, todayOf, type LineError, type PointInput } from './data-points.form'
import { touchProject } from './projects.service'
import type { MeasureView } from './measures.service'

export type PointSaved = { ok: true } | { ok: false; existingId: string; date: Date }
export type PasteSaved = { ok: true; count: number; skippedHeader: boolean } | { ok: false; errors: LineError[] }

export type DataPointsService = ReturnType<typeof createDataPointsService>

export function createDataPointsService({ clock }: { clock: Clock }) {
  const touch = (projectId: Types.ObjectId) => touchProject(projectId, clock.now())

  async function clash(measureId: Types.ObjectId, date: Date): Promise<PointSaved> {
    const existing = await DataPoint.findOne({ measureId, date }, { _id: 1 }).lean()
    return { ok: false, existingId: String(existing?._id ?? ''), date }
  }

  return {
    today: () => todayOf(clock.now()),

    /** A point of this measure, or NotFoundError. */
    async pointFor(view: MeasureView, pointId: unknown) {
      const point = await DataPoint.findOne({ _id: idParam(pointId), measureId: view.measure._id }).lean()
      if (!point) throw new NotFoundError()
      return point
    },

    async add(view: MeasureView, user: CurrentUser, input: PointInput): Promise<PointSaved> {
      try {
        await DataPoint.create({ ...input, measureId: view.measure._id, projectId: view.project._id, createdBy: user.id })
      } catch (error) {
        if (isDuplicateKeyError(error)) return clash(view.measure._id, input.date)
        throw error
      }
      await touch(view.project._id)
      return { ok: true }
    },

    async update(view: MeasureView, pointId: Types.ObjectId, input: PointInput): Promise<PointSaved> {
      try {
        await DataPoint.updateOne({ _id: pointId, measureId: view.measure._id }, { $set: input })
      } catch (error) {
        if (isDuplicateKeyError(error)) return clash(view.measure._id, input.date)
        throw error
      }
      await touch(view.project._id)
      return { ok: true }
    },

    async remove(view: MeasureView, pointId: Types.ObjectId) {
      await DataPoint.deleteOne({ _id: pointId, measureId: view.measure._id })
      await touch(view.project._id)
    },

    /** Every line good and no date already there, or nothing saved and every problem named by its line. */
    async paste(view: MeasureView, user: CurrentUser, pasted: string): Promise<PasteSaved> {
      const parsed = parsePaste(pasted, todayOf(clock.now()))
      const errors = [...parsed.errors]
      const existing = await DataPoint.find({ measureId: view.measure._id, date: { $in: parsed.points.map(p => p.date) } }, { date: 1 }).lean()
      const taken = new Set(existing.map(p => +p.date))
      for (const point of parsed.points) {
        if (taken.has(+point.date)) errors.push({ line: point.line, message: `Line ${point.line}: there is already a value for ${formatDate(point.date)}; change or delete that one first` })
      }
      if (!errors.length && !parsed.points.length) errors.push({ line: 0, message: 'Paste at least one line with a date and a value' })
      if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) }

      const batchId = randomUUID()
      const rows = parsed.points.map(p => ({ measureId: view.measure._id, projectId: view.project._id, date: p.date, value: p.value, note: '', batchId, createdBy: user.id }))
      try {
        await DataPoint.insertMany(rows, { ordered: true })
      } catch (error) {
        if (!isDuplicateKeyError(error) && !(error as { writeErrors?: unknown[] }).writeErrors) throw error
        // Someone saved one of these dates between the check and the insert: take the batch back. Part of it
        // was written for a moment, and a page may have read and kept it for this revision: touch the project.
        await DataPoint.deleteMany({ measureId: view.measure._id, batchId })
        await touch(view.project._id)
        const now = await DataPoint.find({ measureId: view.measure._id, date: { $in: parsed.points.map(p => p.date) } }, { date: 1 }).lean()
        const clashes = new Set(now.map(p => +p.date))
        const lost = parsed.points.filter(p => clashes.has(+p.date))
        if (!lost.length) throw error
        return { ok: false, errors: lost.map(p => ({ line: p.line, message: `Line ${p.line}: there is already a value for ${formatDate(p.date)}; change or delete that one first` })) }
      }
      await touch(view.project._id)
      return { ok: true, count: rows.length, skippedHeader: parsed.skippedHeader }
    },
  }
}
