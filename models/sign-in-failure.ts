// One failed sign-in, counted per account and per IP address to throttle guessing.
// `key` is a hash, so neither the email nor the address is stored in clear.
// FerretDB v1 has no TTL indexes: old rows are removed by a periodic sweep.
import { Schema, model } from 'mongoose'

const signInFailureSchema = new Schema({
  key: { type: String, required: true },
  at: { type: Date, required: true },
})
signInFailureSchema.index({ key: 1, at: 1 })

export const SignInFailure = model('SignInFailure', signInFailureSchema)
