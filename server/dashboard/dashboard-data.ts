// Loads a cohort's dashboard facts in a fixed number of queries, whatever its
// size: plain find()s with tight projections, joined in memory (FerretDB v1 has
// no $lookup). The chains run side by side — people, pairs and compacts,
// projects and their measures, workshops — and nothing is read once per person
// or pair. Reflection comments are never read.
import type { Types } from 'mongoose'
import { CompactAgreement } from '../../models/compact-agreement'
import { CompactReflection } from '../../models/compact-reflection'
import { DataPoint } from '../../models/data-point'
import { Enrolment } from '../../models/enrolment'
import { Measure } from '../../models/measure'
import { Pair } from '../../models/pair'
import { PdsaCycle } from '../../models/pdsa-cycle'
import { Profile } from '../../models/profile'
import { QiProject } from '../../models/qi-project'
import { ShadowingSession } from '../../models/shadowing-session'
import { User } from '../../models/user'
import { Workshop } from '../../models/workshop'
import { WorkshopRegistration } from '../../models/workshop-registration'
import { WorkshopSeries } from '../../models/workshop-series'
import { compactAgreedAt } from '../compact/compact-agreed'
import { groupBy } from '../group-by'
import { isProfileComplete } from '../people/profile-completeness'
import { seriesOf } from '../projects/chart-data'
import { measureSignals } from '../projects/measures-evidence'
import { LIVE_SESSION_STATUSES } from '../shadowing/quiet-pairs'
import type { CohortFacts, PersonFact, ProjectFact, SessionFact } from './cohort-facts'
import { recentMonths } from './reflection-summary'

export type DashboardCohort = {
  _id: Types.ObjectId
  name: string
  targetDoctorShadowsManager?: number | null
  targetManagerShadowsDoctor?: number | null
  reflectionDay?: number | null
}

const PROFILE_FIELDS = { userId: 1, site: 1, interests: 1, tags: 1, availability: 1, grade: 1, specialty: 1, jobTitle: 1, band: 1, directorate: 1, specialtiesCovered: 1 }

async function loadPeople(cohortId: Types.ObjectId): Promise<PersonFact[]> {
  const enrolments = await Enrolment.find({ cohortId }, { userId: 1, side: 1 }).lean()
  const ids = enrolments.map(e => e.userId)
  const [users, profiles] = await Promise.all([User.find({ _id: { $in: ids } }, { name: 1, email: 1 }).lean(), Profile.find({ userId: { $in: ids } }, PROFILE_FIELDS).lean()])
  const userOf = new Map(users.map(u => [String(u._id), u]))
  const profileOf = new Map(profiles.map(p => [String(p.userId), p]))
  return enrolments.flatMap(e => {
    const user = userOf.get(String(e.userId))
    if (!user) return []
    return [{ userId: String(e.userId), name: user.name, email: user.email, side: e.side, profileComplete: isProfileComplete(profileOf.get(String(e.userId)), e.side) }]
  })
}

async function loadPairs(cohortId: Types.ObjectId) {
  const pairs = await Pair.find({ cohortId }, { doctorId: 1, managerId: 1, publishedAt: 1 }).lean()
  const agreements = await CompactAgreement.find({ pairId: { $in: pairs.map(p => p._id) } }, { pairId: 1, version: 1, userId: 1, createdAt: 1 }).lean()
  return {
    pairs: pairs.map(p => ({ pairId: String(p._id), doctorId: String(p.doctorId), managerId: String(p.managerId), publishedAt: p.publishedAt })),
    compactAgreedAt: compactAgreedAt(agreements),
  }
}

/** Per project, what its PDSA cycles and measures said when its `updatedAt` was `stamp`. */
export type ProjectMemo = Map<string, { stamp: number; hasPdsa: boolean; improving: boolean }>

/**
 * The cohort's projects. Whether a project has a PDSA cycle and whether a measure
 * shows improvement are read again only for projects changed since the memo was
 * written: every change to a cycle, measure or data point touches the project
 * (touchProject), which moves its `updatedAt`. On FerretDB v1 any query reads its
 * whole collection, and the data points are the largest one by far, so a refresh
 * in which no project changed does not read them at all. `improving` is worked out
 * only for projects with a PDSA cycle: the funnel counts improvement only after it.
 */
async function loadProjects(cohortId: Types.ObjectId, memo: ProjectMemo): Promise<ProjectFact[]> {
  const projects = await QiProject.find({ cohortId }, { pairId: 1, title: 1, status: 1, lastActivityAt: 1, updatedAt: 1 }).lean()
  const changed = projects.filter(p => memo.get(String(p._id))?.stamp !== +p.updatedAt)
  if (changed.length) {
    const [withPdsa, measures] = await Promise.all([
      PdsaCycle.distinct('projectId', { projectId: { $in: changed.map(p => p._id) } }),
      // A measure with no better direction can show no improvement.
      Measure.find({ projectId: { $in: changed.map(p => p._id) }, direction: { $in: ['up', 'down'] } }, { projectId: 1, direction: 1, rebaseDates: 1, baselinePoints: 1 }).lean(),
    ])
    const cycled = new Set(withPdsa.map(String))
    const measured = measures.filter(m => cycled.has(String(m.projectId)))
    const points = measured.length ? await DataPoint.find({ measureId: { $in: measured.map(m => m._id) } }, { measureId: 1, date: 1, value: 1 }).lean() : []
    const pointsOf = groupBy(points, p => String(p.measureId))
    const improving = new Set(measured.filter(m => measureSignals(seriesOf({ ...m, name: '' }, pointsOf.get(String(m._id)) ?? [])).improvement).map(m => String(m.projectId)))
    for (const p of changed) {
      const id = String(p._id)
      memo.set(id, { stamp: +p.updatedAt, hasPdsa: cycled.has(id), improving: improving.has(id) })
    }
  }
  return projects.map(p => {
    const { hasPdsa, improving } = memo.get(String(p._id))!
    return { projectId: String(p._id), pairId: String(p.pairId), title: p.title, status: p.status, lastActivityAt: p.lastActivityAt, hasPdsa, improving }
  })
}

async function loadWorkshops(cohortId: Types.ObjectId) {
  const [series, workshops, places] = await Promise.all([
    WorkshopSeries.find({ cohortId }, { title: 1 }).sort({ createdAt: 1, _id: 1 }).lean(),
    Workshop.find({ cohortId, status: 'scheduled' }, { seriesId: 1, moduleNumber: 1, title: 1, start: 1 }).sort({ start: 1 }).lean(),
    WorkshopRegistration.find({ cohortId, status: 'confirmed' }, { workshopId: 1, attendance: 1 }).lean(),
  ])
  const order = new Map(series.map((s, i) => [String(s._id), i]))
  const titleOf = new Map(series.map(s => [String(s._id), s.title]))
  return {
    workshops: workshops
      .filter(w => order.has(String(w.seriesId)))
      .sort((a, b) => order.get(String(a.seriesId))! - order.get(String(b.seriesId))! || +a.start - +b.start)
      .map(w => ({ workshopId: String(w._id), seriesId: String(w.seriesId), seriesTitle: titleOf.get(String(w.seriesId))!, moduleNumber: w.moduleNumber ?? null, title: w.title, start: w.start })),
    places: places.map(p => ({ workshopId: String(p.workshopId), attendance: p.attendance ?? null })),
  }
}

/** `memo` is kept by the caller between loads (see loadProjects); a new Map reads everything. */
export async function loadCohortFacts(cohort: DashboardCohort, now: Date, memo: ProjectMemo = new Map()): Promise<CohortFacts> {
  const cohortId = cohort._id
  const reflectionDay = cohort.reflectionDay ?? 1
  const [people, { pairs, compactAgreedAt }, projects, sessions, reflections, { workshops, places }] = await Promise.all([
    loadPeople(cohortId),
    loadPairs(cohortId),
    loadProjects(cohortId, memo),
    ShadowingSession.find({ cohortId, status: { $in: LIVE_SESSION_STATUSES } }, { pairId: 1, direction: 1, status: 1, end: 1 }).lean(),
    // Every month's, in one read: FerretDB v1 reads the whole collection for any filter, so a second
    // query to count the concerns ever raised would cost as much again. The concern is read (for the
    // lead's "needs attention"); the comment is not, so it cannot reach a page.
    CompactReflection.find({ cohortId }, { pairId: 1, userId: 1, month: 1, concern: 1, createdAt: 1 }).lean(),
    loadWorkshops(cohortId),
  ])
  const recent = new Set(recentMonths(now, reflectionDay))
  return {
    now,
    cohort: {
      id: String(cohortId),
      name: cohort.name,
      targets: { 'doctor-shadows-manager': cohort.targetDoctorShadowsManager ?? 2, 'manager-shadows-doctor': cohort.targetManagerShadowsDoctor ?? 2 },
      reflectionDay,
    },
    people,
    pairs,
    sessions: sessions.map(s => ({ pairId: String(s.pairId), direction: s.direction, status: s.status as SessionFact['status'], end: s.end })),
    projects,
    reflections: reflections.filter(r => recent.has(r.month)).map(r => ({ pairId: String(r.pairId), userId: String(r.userId), month: r.month, concern: r.concern ?? '', at: r.createdAt })),
    concernsEver: reflections.filter(r => r.concern).length,
    compactAgreedAt,
    workshops,
    places,
  }
}
