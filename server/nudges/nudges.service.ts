// Sending the nudges that are due (a job every process runs; the outbox's dedupe
// keys make each go once) and the lead's per-cohort settings: on or off, and the
// wording with its placeholders.
import type { Types } from 'mongoose'
import { NudgeSetting } from '../../models/nudge-setting'
import type { Clock } from '../clock'
import type { Outbox, OutgoingEmail } from '../mail/outbox.service'
import { leadDigests } from './lead-digest'
import { fillNudge, NUDGE_KINDS, NUDGES, type NudgeKind } from './nudge-kinds'
import { nudgedCohorts, profileIncomplete, projectNudges, reflectionNudges, shadowingNudges } from './nudge-triggers'

export type NudgeWording = { enabled: boolean; subject: string; body: string; changed: boolean }

export function createNudges(deps: { outbox: Outbox; clock: Clock; baseUrl: string }) {
  async function settingsFor(cohortId: Types.ObjectId): Promise<Record<NudgeKind, NudgeWording>> {
    const rows = await NudgeSetting.find({ cohortId }).lean()
    return Object.fromEntries(
      NUDGE_KINDS.map(kind => {
        const row = rows.find(r => r.kind === kind)
        return [kind, row ? { enabled: row.enabled, subject: row.subject, body: row.body, changed: true } : { enabled: true, subject: NUDGES[kind].subject, body: NUDGES[kind].body, changed: false }]
      }),
    ) as Record<NudgeKind, NudgeWording>
  }

  return {
    settingsFor,

    async save(cohortId: Types.ObjectId, kind: NudgeKind, wording: { enabled: boolean; subject: string; body: string }, by: string) {
      await NudgeSetting.updateOne({ cohortId, kind }, { $set: { ...wording, updatedBy: by } }, { upsert: true })
    },

    async reset(cohortId: Types.ObjectId, kind: NudgeKind) {
      await NudgeSetting.deleteOne({ cohortId, kind })
    },

    /** Writes every nudge now due; returns how many emails were new. */
    async sendDue(): Promise<number> {
      const context = { now: deps.clock.now(), baseUrl: deps.baseUrl }
      let written = 0
      for (const cohort of await nudgedCohorts()) {
        const settings = await settingsFor(cohort._id)
        const running = cohort.status === 'running'
        const occasions = [
          ...(await profileIncomplete(cohort, context)),
          ...(running ? [...(await shadowingNudges(cohort, context)), ...(await reflectionNudges(cohort, context)), ...(await projectNudges(cohort, context))] : []),
          ...(await leadDigests(cohort, context)),
        ]
        const emails: OutgoingEmail[] = occasions
          .filter(o => settings[o.kind].enabled)
          .map(o => ({ to: o.to.email, subject: fillNudge(settings[o.kind].subject, o.values), text: fillNudge(settings[o.kind].body, o.values), dedupeKey: o.dedupeKey }))
        written += await deps.outbox.enqueueMany(emails)
      }
      return written
    },
  }
}

export type Nudges = ReturnType<typeof createNudges>
