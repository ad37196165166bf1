// What the dashboard knows about one cohort, as plain values: loaded from the
// database in a handful of queries (dashboard-data.ts) and read by the pure
// counting modules beside this file, which unit tests feed by hand.
import type { Side } from '../../models/enrolment'
import type { ShadowingDirection } from '../../models/shadowing-session'
import type { Attendance } from '../../models/workshop-registration'

export type PersonFact = { userId: string; name: string; email: string; side: Side; profileComplete: boolean }

/** A published pair. Ending a pair deletes it, so every pair here is current. */
export type PairFact = { pairId: string; doctorId: string; managerId: string; publishedAt: Date }

/** Confirmed and completed sessions only: proposals, declines and cancellations say nothing here. */
export type SessionFact = { pairId: string; direction: ShadowingDirection; status: 'confirmed' | 'completed'; end: Date }

export type ProjectFact = {
  projectId: string
  pairId: string
  title: string
  status: string
  lastActivityAt: Date
  /** At least one PDSA cycle (every cycle starts with its plan). */
  hasPdsa: boolean
  /** A measure's XmR chart shows special-cause improvement (measureSignals in server/projects/measures-evidence.ts). */
  improving: boolean
}

/** A monthly compact reflection: never its comment. `concern` is the text raised with the lead, '' when none. */
export type ReflectionFact = { pairId: string; userId: string; month: string; concern: string; at: Date }

export type WorkshopFact = { workshopId: string; seriesId: string; seriesTitle: string; moduleNumber: number | null; title: string; start: Date }

/** A confirmed place at a workshop, with its attendance once marked. */
export type PlaceFact = { workshopId: string; attendance: Attendance | null }

export type CohortFacts = {
  now: Date
  cohort: { id: string; name: string; targets: Record<ShadowingDirection, number>; reflectionDay: number }
  people: PersonFact[]
  pairs: PairFact[]
  sessions: SessionFact[]
  projects: ProjectFact[]
  /** Reflections of the months the dashboard shows (the open month and the two before). */
  reflections: ReflectionFact[]
  /** Concerns raised in the cohort over its whole life. */
  concernsEver: number
  /** Pair id → when both partners first agreed its compact. */
  compactAgreedAt: Map<string, Date>
  /** Scheduled (not cancelled) workshops of the cohort's series. */
  workshops: WorkshopFact[]
  places: PlaceFact[]
}
