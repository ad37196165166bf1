// One-off facts about the installation, keyed by name, e.g. "setup-complete".
// The unique _id makes "only the first one wins" races safe without transactions.
import { Schema, model } from 'mongoose'

const appFlagSchema = new Schema({ _id: { type: String, required: true } }, { timestamps: true })

export const AppFlag = model('AppFlag', appFlagSchema)
