// An organisational priority of the trust: the "golden thread" each QI project links to.
import { Schema, model, type InferSchemaType } from 'mongoose'

const prioritySchema = new Schema(
  {
    title: { type: String, required: true, trim: true },
    description: { type: String, default: '', trim: true },
    archived: { type: Boolean, default: false },
  },
  { timestamps: true },
)

export type PriorityFields = InferSchemaType<typeof prioritySchema>
export const Priority = model('Priority', prioritySchema)
