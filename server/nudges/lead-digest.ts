// The weekly digest for programme leads: concerns partners raised in the last
// week, pairs at risk (no shadowing done or booked for 4 weeks, or this
// month's reflection overdue) and the workshops of the coming week. Sent from Monday 7am London time, once per lead
// per cohort per week; a lead who opted out gets none.
import { DateTime } from 'luxon'
import { CompactReflection } from '../../models/compact-reflection'
import { Pair } from '../../models/pair'
import { ShadowingSession } from '../../models/shadowing-session'
import { User } from '../../models/user'
import { PROGRAMME_ZONE } from '../format'
import { isPairQuiet, lastSessionEnds, LIVE_SESSION_STATUSES } from '../shadowing/quiet-pairs'
import { peopleById } from '../shadowing/session-access'
import { upcomingWorkshopLines } from './digest-workshops'
import type { Occasion } from './nudge-triggers'

const DAY = 86_400_000

export async function leadDigests(cohort: { _id: import('mongoose').Types.ObjectId; name: string; status?: string | null }, { now, baseUrl }: { now: Date; baseUrl: string }): Promise<Occasion[]> {
  if (cohort.status !== 'running') return []
  const london = DateTime.fromJSDate(now, { zone: PROGRAMME_ZONE })
  const monday = london.startOf('week').set({ hour: 7 })
  if (+london < +monday) return []
  const week = london.toFormat("kkkk-'W'WW")

  const pairs = await Pair.find({ cohortId: cohort._id }).lean()
  const people = await peopleById(pairs.flatMap(p => [p.doctorId, p.managerId]))
  const nameOf = (id: unknown) => people.get(String(id))?.name ?? ''
  const concerns = await CompactReflection.find({ cohortId: cohort._id, concern: { $ne: '' }, createdAt: { $gt: new Date(+now - 7 * DAY) } }, { userId: 1, concern: 1 }).lean()
  const lastEnds = lastSessionEnds(await ShadowingSession.find({ cohortId: cohort._id, status: { $in: LIVE_SESSION_STATUSES } }, { pairId: 1, status: 1, end: 1 }).lean())
  const quiet = pairs.filter(p => isPairQuiet(p, lastEnds.get(String(p._id)), now))

  const lines = [
    concerns.length ? `Concerns raised in the last week (${concerns.length}):` : 'No new concerns this week.',
    ...concerns.map(c => `- ${nameOf(c.userId)}: ${c.concern}`),
    '',
    quiet.length ? `Pairs with no shadowing done or booked for 4 weeks (${quiet.length}):` : 'Every pair has shadowing done or booked in the last 4 weeks.',
    ...quiet.map(p => `- ${nameOf(p.doctorId)} and ${nameOf(p.managerId)}`),
    '',
    ...(await upcomingWorkshopLines(cohort._id, now)),
  ]
  const leads = await User.find({ roles: 'lead', status: 'active', digestOptOut: { $ne: true } }, { name: 1, email: 1 }).lean()
  return leads.map(lead => ({
    kind: 'lead-digest' as const,
    cohortId: cohort._id,
    to: { name: lead.name || lead.email, email: lead.email },
    values: { name: lead.name || lead.email, cohort: cohort.name, link: `${baseUrl}/cohorts/${String(cohort._id)}/compact`, summary: lines.join('\n') },
    dedupeKey: `nudge:lead-digest:${String(cohort._id)}:${String(lead._id)}:${week}`,
  }))
}
