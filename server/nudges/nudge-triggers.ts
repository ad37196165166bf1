// When each nudge is due: every function reads the database as it is now and
// returns the occasions — who, about what, with which placeholder values, under
// which dedupe key. Nothing is remembered between runs: an occasion whose email
// is already in the outbox is skipped by its key, so a run after a restart, or
// after the app was down for days, sends what is still due and nothing twice.
import type { Types } from 'mongoose'
import { Cohort } from '../../models/cohort'
import { CompactAgreement } from '../../models/compact-agreement'
import { CompactReflection } from '../../models/compact-reflection'
import { Enrolment } from '../../models/enrolment'
import { Pair } from '../../models/pair'
import { QiProject } from '../../models/qi-project'
import { ShadowingSession } from '../../models/shadowing-session'
import { compactAgreedAt } from '../compact/compact-agreed'
import { monthName, openMonth, showsBothAt } from '../compact/reflection-months'
import { cohortPeople } from '../people/directory.service'
import { isProjectStale } from '../projects/project-staleness'
import { peopleById, type Person } from '../shadowing/session-access'
import type { NudgeKind } from './nudge-kinds'

export type Occasion = { kind: NudgeKind; cohortId: Types.ObjectId; to: { name: string; email: string }; values: Record<string, string>; dedupeKey: string }

const DAY = 86_400_000

type CohortRef = { _id: Types.ObjectId; name: string; startDate: Date; endDate: Date; reflectionDay?: number | null }
type Context = { now: Date; baseUrl: string }

/** Each partner of each pair, with the other as `partner`. */
async function partnersOf<P extends { _id: Types.ObjectId; doctorId: Types.ObjectId; managerId: Types.ObjectId }>(pairs: P[]) {
  const people = await peopleById(pairs.flatMap(p => [p.doctorId, p.managerId]))
  return pairs.flatMap(pair => {
    const doctor = people.get(String(pair.doctorId))
    const manager = people.get(String(pair.managerId))
    if (!doctor || !manager) return []
    return [{ pair, person: doctor, partner: manager }, { pair, person: manager, partner: doctor }]
  })
}

const personValues = (person: Person, cohort: CohortRef, link: string) => ({ name: person.name, cohort: cohort.name, link })

export async function profileIncomplete(cohort: CohortRef, { now, baseUrl }: Context): Promise<Occasion[]> {
  const addedBefore = new Map((await Enrolment.find({ cohortId: cohort._id, createdAt: { $lte: new Date(+now - 7 * DAY) } }, { userId: 1 }).lean()).map(e => [String(e.userId), true]))
  // People who have not yet accepted their invitation cannot sign in to finish it: the lead's "remind" re-invites them.
  return (await cohortPeople(cohort._id))
    .filter(p => p.status === 'active' && !p.complete && addedBefore.has(p.userId))
    .map(p => ({
      kind: 'profile-incomplete' as const,
      cohortId: cohort._id,
      to: p,
      values: { name: p.name || p.email, cohort: cohort.name, link: `${baseUrl}/profile` },
      dedupeKey: `nudge:profile-incomplete:${String(cohort._id)}:${p.userId}`,
    }))
}

export async function shadowingNudges(cohort: CohortRef, { now, baseUrl }: Context): Promise<Occasion[]> {
  const pairs = await Pair.find({ cohortId: cohort._id }).lean()
  const sessions = await ShadowingSession.find({ cohortId: cohort._id, status: { $in: ['proposed', 'confirmed', 'completed'] } }, { pairId: 1, direction: 1, status: 1 }).lean()
  const halfway = +cohort.startDate + (+cohort.endDate - +cohort.startDate) / 2
  const occasions: Occasion[] = []
  for (const { pair, person, partner } of await partnersOf(pairs)) {
    const own = sessions.filter(s => String(s.pairId) === String(pair._id))
    const link = `${baseUrl}/pairs/${String(pair._id)}`
    const values = { ...personValues(person, cohort, link), partner: partner.name }
    if (!own.length && +pair.publishedAt <= +now - 21 * DAY) {
      occasions.push({ kind: 'no-shadowing-booked', cohortId: cohort._id, to: person, values, dedupeKey: `nudge:no-shadowing-booked:${String(pair._id)}:${person.id}` })
    }
    if (+now < halfway) continue
    for (const direction of ['doctor-shadows-manager', 'manager-shadows-doctor'] as const) {
      if (own.some(s => s.direction === direction && s.status !== 'proposed')) continue
      const doctorShadows = direction === 'doctor-shadows-manager'
      const iAmDoctor = String(pair.doctorId) === person.id
      const words = doctorShadows === iAmDoctor ? `you shadow ${partner.name}` : `${partner.name} shadows you`
      occasions.push({ kind: 'direction-missing', cohortId: cohort._id, to: person, values: { ...values, direction: words }, dedupeKey: `nudge:direction-missing:${String(pair._id)}:${direction}:${person.id}` })
    }
  }
  return occasions
}

export async function reflectionNudges(cohort: CohortRef, { now, baseUrl }: Context): Promise<Occasion[]> {
  const day = cohort.reflectionDay ?? 1
  const month = openMonth(now, day)
  const kind = +now >= +showsBothAt(month, day) ? 'reflection-overdue' : 'reflection-due'
  const pairs = await Pair.find({ cohortId: cohort._id }).lean()
  // Only pairs that have agreed a compact (both partners, the same version) have something to reflect on.
  const agreedAt = compactAgreedAt(await CompactAgreement.find({ pairId: { $in: pairs.map(p => p._id) } }, { pairId: 1, version: 1, userId: 1 }).lean())
  const agreed = pairs.filter(p => agreedAt.has(String(p._id)))
  const answered = new Set((await CompactReflection.find({ cohortId: cohort._id, month }, { pairId: 1, userId: 1 }).lean()).map(r => `${String(r.pairId)}:${String(r.userId)}`))
  return (await partnersOf(agreed))
    .filter(({ pair, person }) => !answered.has(`${String(pair._id)}:${person.id}`))
    .map(({ pair, person, partner }) => ({
      kind,
      cohortId: cohort._id,
      to: person,
      values: { ...personValues(person, cohort, `${baseUrl}/pairs/${String(pair._id)}/compact`), partner: partner.name, month: monthName(month) },
      dedupeKey: `nudge:${kind}:${String(pair._id)}:${person.id}:${month}`,
    }))
}

export async function projectNudges(cohort: CohortRef, { now, baseUrl }: Context): Promise<Occasion[]> {
  const stale = (await QiProject.find({ cohortId: cohort._id }).lean()).filter(p => isProjectStale(p, now))
  const pairs = stale.map(p => ({ _id: p.pairId, doctorId: p.doctorId, managerId: p.managerId }))
  return (await partnersOf(pairs)).flatMap(({ pair, person, partner }) => {
    const project = stale.find(p => String(p.pairId) === String(pair._id))!
    return [{
      kind: 'project-stale' as const,
      cohortId: cohort._id,
      to: person,
      values: { ...personValues(person, cohort, `${baseUrl}/projects/${String(project._id)}`), partner: partner.name, project: project.title },
      // Once for each quiet spell: new activity starts a new one.
      dedupeKey: `nudge:project-stale:${String(project._id)}:${project.lastActivityAt.toISOString()}:${person.id}`,
    }]
  })
}

/** The cohorts whose people get nudges: running ones, and those still recruiting for the profile nudge. */
export async function nudgedCohorts() {
  return Cohort.find({ status: { $in: ['recruiting', 'matching', 'running'] } }, { name: 1, startDate: 1, endDate: 1, reflectionDay: 1, status: 1 }).lean()
}
