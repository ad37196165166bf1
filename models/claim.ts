// A claim on something that must happen once: set-up, spending a token, one
// delivery attempt of an email, confirming an import. Inserting a claim whose
// _id exists fails, atomically, on every engine. FerretDB v1 does NOT make
// conditional updates atomic between concurrent clients (measured: two workers
// both "won" the same findOneAndUpdate), so once-only decisions rest on this
// unique insert instead. See docs/decisions/003-no-transactions.md.
import { Schema, model } from 'mongoose'

const claimSchema = new Schema({
  _id: { type: String, required: true },
  at: { type: Date, required: true },
})

export const Claim = model('Claim', claimSchema)
