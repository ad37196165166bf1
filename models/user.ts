// A person who can sign in. One person may hold several roles.
import { Schema, model, type HydratedDocument, type InferSchemaType } from 'mongoose'
import { announceWrites } from './write-listeners'

// A sponsor (e.g. a trust executive) reads the programme dashboard and boards; they change nothing.
export const ROLES = ['lead', 'doctor', 'manager', 'sponsor'] as const
export type Role = (typeof ROLES)[number]

const userSchema = new Schema(
  {
    email: { type: String, required: true, unique: true, lowercase: true, trim: true },
    name: { type: String, trim: true, default: '' },
    // Absent until the person sets a password from an invitation or set-up link.
    passwordHash: { type: String },
    roles: { type: [{ type: String, enum: ROLES }], default: [] },
    status: { type: String, enum: ['invited', 'active'], default: 'invited' },
    // Digests can be switched off; invitations, invites and reminders cannot.
    digestOptOut: { type: Boolean, default: false },
  },
  { timestamps: true },
)

// The signed-in person is kept briefly (server/http/current-user.ts): it forgets on any change.
export const onUsersChanged = announceWrites(userSchema)

export type UserFields = InferSchemaType<typeof userSchema>
export type UserDocument = HydratedDocument<UserFields>
export const User = model('User', userSchema)
