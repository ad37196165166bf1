// A checked CSV file waiting for the lead to confirm. Nothing from the file is
// written anywhere else until then. Only rows without problems are kept in full.
import { Schema, model, type InferSchemaType } from 'mongoose'

const importPreviewSchema = new Schema(
  {
    cohortId: { type: Schema.Types.ObjectId, ref: 'Cohort', required: true },
    side: { type: String, enum: ['doctor', 'manager'], required: true },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    fileName: { type: String, default: '' },
    totalRows: { type: Number, required: true },
    // Valid rows, ready to write: { line, email, name, profile }.
    valid: { type: [Schema.Types.Mixed], default: [] },
    // Rows that will be skipped: { line, email, problems: [{ column, message }] }.
    invalid: { type: [Schema.Types.Mixed], default: [] },
    createdAt: { type: Date, required: true },
    confirmedAt: { type: Date, default: null },
    result: { type: Schema.Types.Mixed, default: null },
  },
)

export type ImportPreviewFields = InferSchemaType<typeof importPreviewSchema>
export const ImportPreview = model('ImportPreview', importPreviewSchema)
