// An organisational priority of the trust: the "golden thread" each QI project links to.
import { Schema, model, type InferSchemaType } from 'mongoose'
import { announceWrites } from './write-listeners'

const prioritySchema = new Schema(
  {
    title: { type: String, required: true, trim: true },
    description: { type: String, default: '', trim: true },
    archived: { type: Boolean, default: false },
  },
  { timestamps: true },
)

export type PriorityFields = InferSchemaType<typeof prioritySchema>
// Project pages keep a priority's title briefly (server/projects/projects.service.ts): they forget on any change.
export const onPrioritiesChanged = announceWrites(prioritySchema)

export const Priority = model('Priority', prioritySchema)
