// CSV import of doctors or managers: check a file into a preview, then, when the
// lead confirms, write every valid row. Writing is in bulk (thousands of rows)
// and idempotent: email is the key, so importing a file again updates people and
// profiles, never duplicates them, and sends no second invitation.
import { isValidObjectId, type Types } from 'mongoose'
import type { CohortDocument } from '../../models/cohort'
import { Enrolment, type Side } from '../../models/enrolment'
import { ImportPreview } from '../../models/import-preview'
import { Profile } from '../../models/profile'
import { User } from '../../models/user'
import type { Clock } from '../clock'
import { claimOnce } from '../db/claims'
import { insertManyIgnoringDuplicates } from '../db/duplicate-key'
import { ConflictError, NotFoundError } from '../errors'
import type { InvitationsService } from '../accounts/invitations.service'
import { readImportFile } from './import-file'
import { checkRows, type InvalidRow, type ValidRow } from './import-rows'

export type ImportResult = {
  imported: number
  newPeople: number
  invitationsQueued: number
  skipped: InvalidRow[]
}

export type ImportService = ReturnType<typeof createImportService>

export function createImportService(deps: { clock: Clock; invitations: InvitationsService }) {
  return {
    /** Checks a file; on success stores a preview and returns its id. Nothing else is written. */
    async preview(cohort: CohortDocument, side: Side, file: { buffer: Buffer; originalname: string }, createdBy: string) {
      const read = readImportFile(file.buffer, side)
      if (!read.ok) return { ok: false as const, message: read.message }
      const { valid, invalid } = checkRows(read.rows, side, cohort.sites)
      const preview = await ImportPreview.create({
        cohortId: cohort._id,
        side,
        createdBy,
        fileName: file.originalname.slice(0, 200),
        totalRows: read.rows.length,
        valid,
        invalid,
        createdAt: deps.clock.now(),
      })
      return { ok: true as const, previewId: String(preview._id), ignoredHeaders: read.ignoredHeaders }
    },

    async get(cohortId: Types.ObjectId, previewId: unknown) {
      if (typeof previewId !== 'string' || !isValidObjectId(previewId)) throw new NotFoundError()
      const preview = await ImportPreview.findOne({ _id: previewId, cohortId }).lean()
      if (!preview) throw new NotFoundError()
      return { ...preview, valid: preview.valid as ValidRow[], invalid: preview.invalid as InvalidRow[], result: preview.result as ImportResult | null }
    },

    /**
     * Writes the preview's valid rows. Claimed with a conditional update first, so a
     * double-click imports once; returns the result (the stored one if already done).
     */
    async confirm(cohort: CohortDocument, previewId: string, invitedBy: string): Promise<ImportResult> {
      const preview = await this.get(cohort._id, previewId)
      if (!(await claimOnce(`import:${previewId}`, deps.clock.now()))) {
        if (preview.result) return preview.result
        throw new ConflictError('This import is already being written: wait a moment and reload the page')
      }
      await ImportPreview.updateOne({ _id: preview._id }, { $set: { confirmedAt: deps.clock.now() } })
      const claimed = preview
      const side = claimed.side as Side
      const rows = claimed.valid as ValidRow[]
      const skipped = [...(claimed.invalid as InvalidRow[])]
      const emails = rows.map(r => r.email)

      // FerretDB v1 finds documents by _id quickly and by any other field only by scanning,
      // so thousands of rows are written as inserts and updates by _id: one scan per
      // collection, not one per row.
      const existingUsers = await User.find({ email: { $in: emails } }).lean()
      const before = new Set(existingUsers.map(u => u.email))
      await insertManyIgnoringDuplicates(
        User,
        rows.filter(r => !before.has(r.email)).map(r => ({ email: r.email, name: r.name, roles: [side], status: 'invited' })),
      )
      const users = await User.find({ email: { $in: emails } }).lean()
      const userOf = new Map(users.map(u => [u.email, u]))
      const userUpdates = rows.flatMap(r => {
        const user = userOf.get(r.email)!
        const set: Record<string, unknown> = {}
        if (!user.roles.includes(side)) set.roles = [...user.roles, side]
        // An invited person who has not chosen a name yet takes the name in the file.
        if (r.name && user.status === 'invited' && user.name !== r.name) set.name = r.name
        return Object.keys(set).length ? [{ updateOne: { filter: { _id: user._id }, update: { $set: set } } }] : []
      })
      if (userUpdates.length) await User.bulkWrite(userUpdates, { ordered: false })

      // Someone already in the cohort on the other side is skipped, not moved.
      const enrolled = await Enrolment.find({ cohortId: cohort._id }).lean()
      const sideOf = new Map(enrolled.map(e => [String(e.userId), e.side]))
      const writable = rows.filter(r => {
        const other = sideOf.get(String(userOf.get(r.email)!._id))
        if (other && other !== side) {
          skipped.push({ line: r.line, email: r.email, problems: [{ column: 'email', message: `Already in this cohort as a ${other}` }] })
          return false
        }
        return true
      })
      await insertManyIgnoringDuplicates(
        Enrolment,
        writable.filter(r => !sideOf.has(String(userOf.get(r.email)!._id))).map(r => ({ cohortId: cohort._id, userId: userOf.get(r.email)!._id, side })),
      )

      const writableIds = writable.map(r => userOf.get(r.email)!._id)
      const profileOf = new Map((await Profile.find({ userId: { $in: writableIds } }).lean()).map(p => [String(p.userId), p]))
      const fieldsOf = (r: ValidRow) => Object.fromEntries(r.provided.map(key => [key, (r.profile as Record<string, unknown>)[key]]))
      await insertManyIgnoringDuplicates(
        Profile,
        writable.filter(r => !profileOf.has(String(userOf.get(r.email)!._id))).map(r => ({ userId: userOf.get(r.email)!._id, ...fieldsOf(r) })),
      )
      // Only profiles the file changes are updated: re-importing the same file writes nothing.
      const profileUpdates = writable.flatMap(r => {
        const existing = profileOf.get(String(userOf.get(r.email)!._id)) as Record<string, unknown> | undefined
        if (!existing) return []
        const fields = fieldsOf(r)
        const changed = Object.fromEntries(Object.entries(fields).filter(([key, value]) => !sameValue(existing[key], value)))
        return Object.keys(changed).length ? [{ updateOne: { filter: { _id: existing._id }, update: { $set: changed } } }] : []
      })
      if (profileUpdates.length) await Profile.bulkWrite(profileUpdates, { ordered: false })

      const invitationsQueued = await deps.invitations.inviteImported(
        cohort,
        writable.map(r => userOf.get(r.email)!).map(u => ({ _id: u._id, email: u.email, status: u.status as 'invited' | 'active' })),
        side,
        invitedBy,
      )
      skipped.sort((a, b) => a.line - b.line)
      const result: ImportResult = { imported: writable.length, newPeople: writable.filter(r => !before.has(r.email)).length, invitationsQueued, skipped }
      await ImportPreview.updateOne({ _id: claimed._id }, { $set: { result, valid: [] } })
      return result
    },
  }
}

/** Stored and imported values compared as JSON (dates as ISO strings, arrays in order). */
function sameValue(stored: unknown, incoming: unknown): boolean {
  return JSON.stringify(stored ?? null) === JSON.stringify(incoming ?? null)
}
