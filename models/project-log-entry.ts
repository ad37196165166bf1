// One dated entry in a QI project's progress log, by either partner. Its own
// collection, so that two partners writing at once both keep their entry.
import { Schema, model } from 'mongoose'

const projectLogEntrySchema = new Schema(
  {
    projectId: { type: Schema.Types.ObjectId, ref: 'QiProject', required: true },
    by: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    // The day the work happened (a calendar date, stored as midnight UTC).
    date: { type: Date, required: true },
    did: { type: String, default: '', trim: true },
    learned: { type: String, default: '', trim: true },
    next: { type: String, default: '', trim: true },
    blockers: { type: String, default: '', trim: true },
  },
  { timestamps: true },
)
projectLogEntrySchema.index({ projectId: 1, date: -1 })

export const ProjectLogEntry = model('ProjectLogEntry', projectLogEntrySchema)
