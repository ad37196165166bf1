// Single-use links sent by email: invitations, password resets and the admin CLI's
// set-password links. Only a SHA-256 hash of the token is stored.
import { Schema, model, type InferSchemaType } from 'mongoose'

export const TOKEN_PURPOSES = ['invitation', 'password-reset'] as const
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number]

const accountTokenSchema = new Schema(
  {
    tokenHash: { type: String, required: true, unique: true },
    purpose: { type: String, enum: TOKEN_PURPOSES, required: true },
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true, index: true },
    // From the service's clock (not wall time), so tests can move time.
    issuedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date, default: null },
  },
  { timestamps: true },
)

export type AccountTokenFields = InferSchemaType<typeof accountTokenSchema>
export const AccountToken = model('AccountToken', accountTokenSchema)
