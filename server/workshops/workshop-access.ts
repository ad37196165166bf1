// Who may see a cohort's workshops: its members (doctors and managers enrolled
// in it) and programme leads. Everyone else gets "not found" rather than
// "forbidden", so that an id guessed from a link reveals nothing. Only leads
// change workshops; members register for them.
import type { Types } from 'mongoose'
import { Cohort } from '../../models/cohort'
import { Enrolment, type Side } from '../../models/enrolment'
import { Workshop } from '../../models/workshop'
import { WorkshopSeries } from '../../models/workshop-series'
import { NotFoundError } from '../errors'
import type { CurrentUser } from '../http/current-user'
import { idParam } from '../http/id-param'

export const isLead = (user: CurrentUser) => user.roles.includes('lead')

/** The reader's side in the cohort, if they take part in it. */
export async function sideIn(user: CurrentUser, cohortId: Types.ObjectId): Promise<Side | undefined> {
  const enrolment = await Enrolment.findOne({ cohortId, userId: user.id }, { side: 1 }).lean()
  return enrolment?.side
}

/** A series and its cohort, for a lead. */
export async function seriesForLead(seriesId: unknown) {
  const series = await WorkshopSeries.findById(idParam(seriesId)).lean()
  if (!series) throw new NotFoundError()
  const cohort = await Cohort.findById(series.cohortId).lean()
  if (!cohort) throw new NotFoundError()
  return { series, cohort }
}

/** A workshop with its series and cohort, for a lead or a member of its cohort; NotFoundError for anyone else. */
export async function workshopFor(user: CurrentUser, workshopId: unknown) {
  const workshop = await Workshop.findById(idParam(workshopId)).lean()
  if (!workshop) throw new NotFoundError()
  const side = await sideIn(user, workshop.cohortId)
  if (!side && !isLead(user)) throw new NotFoundError()
  const [series, cohort] = await Promise.all([WorkshopSeries.findById(workshop.seriesId).lean(), Cohort.findById(workshop.cohortId).lean()])
  if (!series || !cohort) throw new NotFoundError()
  return { workshop, series, cohort, side }
}

export type WorkshopView = Awaited<ReturnType<typeof workshopFor>>
