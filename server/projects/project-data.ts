// A project's measures, data points, PDSA cycles and progress log as the
// project page reads them: its evidence panel, its progress suggestion and its
// log all need them, and on the embedded engine each read decodes a whole
// collection (about a second each for 2,000 people). So they are read together
// and kept in this process for the 200 most recently used projects, keyed by
// the project's revision; parts asking at the same moment share one read.
//
// Every change to a measure, value, cycle or log entry moves the revision in
// the database after it is written (touchProject), and every page reads the
// project before its data. So a page opened after a change, in this process or
// any other, sees the new revision and reads afresh: nobody is shown data from
// before their own change, and a process that did not make the change is not
// left with an old copy. A write that does not touch the project is not seen
// until the next one that does.
import type { Types } from 'mongoose'
import { DataPoint } from '../../models/data-point'
import { Measure } from '../../models/measure'
import { PdsaCycle } from '../../models/pdsa-cycle'
import { ProjectLogEntry } from '../../models/project-log-entry'
import { createKeptReads } from '../kept-reads'

/** A project as read from the database: stored before revisions were counted, it has none until its next change. */
export type ProjectVersion = { _id: Types.ObjectId; revision?: number | null }

function read(projectId: Types.ObjectId) {
  return Promise.all([
    Measure.find({ projectId }).sort({ createdAt: 1, _id: 1 }).lean(),
    DataPoint.find({ projectId }, { measureId: 1, date: 1, value: 1 }).sort({ date: 1 }).lean(),
    PdsaCycle.find({ projectId }).sort({ number: 1 }).lean(),
    // Newest first: by the date of the work, then by when it was written.
    ProjectLogEntry.find({ projectId }).sort({ date: -1, createdAt: -1, _id: -1 }).lean(),
  ]).then(([measures, points, cycles, logEntries]) => ({ measures, points, cycles, logEntries }))
}

/** Shared by every page that asks for the same revision: read it, never change it. */
export type ProjectData = Awaited<ReturnType<typeof read>>

const kept = createKeptReads<ProjectData>({ maxEntries: 200 })

export function projectDataOf(project: ProjectVersion): Promise<ProjectData> {
  // Without a revision there is nothing to tell an old read from a new one: read afresh.
  if (typeof project.revision !== 'number') return read(project._id)
  return kept.get(String(project._id), String(project.revision), () => read(project._id))
}
