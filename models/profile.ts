// What a person tells the programme about themselves, for matching and booking.
// One profile per person; the doctor and manager parts are filled by whichever
// side they take part on.
import { Schema, model, type HydratedDocument, type InferSchemaType } from 'mongoose'

const unavailableSchema = new Schema(
  {
    from: { type: Date, required: true },
    to: { type: Date, required: true },
    reason: { type: String, enum: ['nights', 'leave', 'rota', 'other'], default: 'other' },
  },
  { _id: false },
)

const shadowableMeetingSchema = new Schema(
  {
    title: { type: String, required: true, trim: true },
    // Free words a person understands, e.g. "08:30 daily" or "first Tuesday, 14:00".
    when: { type: String, required: true, trim: true },
    location: { type: String, default: '', trim: true },
  },
  { _id: false },
)

const profileSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true, unique: true },
    site: { type: String, default: '', trim: true },
    interests: { type: [String], default: [] },
    tags: { type: [String], default: [] },
    // Half-day slots when the person is usually free, e.g. "mon-am", "thu-eve".
    availability: { type: [String], default: [] },
    unavailable: { type: [unavailableSchema], default: [] },
    note: { type: String, default: '', trim: true },
    // Doctor side
    grade: { type: String, default: '' },
    specialty: { type: String, default: '' },
    // Manager side
    jobTitle: { type: String, default: '', trim: true },
    band: { type: String, default: '' },
    directorate: { type: String, default: '', trim: true },
    specialtiesCovered: { type: [String], default: [] },
    capacity: { type: Number, default: 1, min: 1, max: 3 },
    shadowableMeetings: { type: [shadowableMeetingSchema], default: [] },
  },
  { timestamps: true },
)

export type ProfileFields = InferSchemaType<typeof profileSchema>
export type ProfileDocument = HydratedDocument<ProfileFields>
export const Profile = model('Profile', profileSchema)
