// One place at a workshop, held by one registration. The _id names the place,
// "place:<workshopId>:<n>" for n = 1…capacity, so taking a place is a unique
// insert: of two people taking the same place at once, one insert fails, on
// MongoDB and FerretDB v1 alike. There are only `capacity` place ids, so the
// places taken can never outnumber them (decision 011).
import { Schema, model, type InferSchemaType } from 'mongoose'

const workshopPlaceSchema = new Schema({
  _id: { type: String, required: true },
  workshopId: { type: Schema.Types.ObjectId, ref: 'Workshop', required: true },
  number: { type: Number, required: true },
  registrationId: { type: Schema.Types.ObjectId, ref: 'WorkshopRegistration', required: true },
  at: { type: Date, required: true },
})
workshopPlaceSchema.index({ workshopId: 1, number: 1 })
workshopPlaceSchema.index({ registrationId: 1 })

export type WorkshopPlaceFields = InferSchemaType<typeof workshopPlaceSchema>
export const WorkshopPlace = model('WorkshopPlace', workshopPlaceSchema)
