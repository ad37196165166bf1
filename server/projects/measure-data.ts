// A project's measures, data points and PDSA cycles as the project page reads
// them. Its evidence panel and its progress suggestion both need them for the
// same page, and on the embedded engine each read decodes a whole collection,
// so parts asking at the same moment share one read. A read is shared only
// while it is running and only for the same version of the project (its
// updatedAt, which every change to a measure, value or cycle moves), so nobody
// is shown data from before their own change.
import type { Types } from 'mongoose'
import { DataPoint } from '../../models/data-point'
import { Measure } from '../../models/measure'
import { PdsaCycle } from '../../models/pdsa-cycle'

export type ProjectVersion = { _id: Types.ObjectId; updatedAt?: Date | null }

function read(projectId: Types.ObjectId) {
  return Promise.all([
    Measure.find({ projectId }).sort({ createdAt: 1, _id: 1 }).lean(),
    DataPoint.find({ projectId }, { measureId: 1, date: 1, value: 1 }).sort({ date: 1 }).lean(),
    PdsaCycle.find({ projectId }).sort({ number: 1 }).lean(),
  ]).then(([measures, points, cycles]) => ({ measures, points, cycles }))
}

export type MeasureData = Awaited<ReturnType<typeof read>>

const running = new Map<string, Promise<MeasureData>>()

export function measureDataOf(project: ProjectVersion): Promise<MeasureData> {
  // Without a version there is nothing to tell an old read from a new one: read afresh.
  if (!project.updatedAt) return read(project._id)
  const key = `${String(project._id)}:${+project.updatedAt}`
  const shared = running.get(key)
  if (shared) return shared
  const reading = read(project._id)
  running.set(key, reading)
  const done = () => running.delete(key)
  reading.then(done, done)
  return reading
}
