// Fixtures for shadowing tests: a published pair whose partners are free every
// weekday, and the current user shape the services take.
import type { Types } from 'mongoose'
import { Pair } from '../../models/pair'
import type { CurrentUser } from '../../server/http/current-user'
import { insertCohort } from './cohorts'
import { insertProfiled } from './matching'

const WEEKDAY_HALF_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri'].flatMap(day => [`${day}-am`, `${day}-pm`])

/** Doctor Dara and manager Mina, published as a pair, both free every weekday 08:00–18:00 London time. */
export async function insertPublishedPair(names: { doctor?: string; manager?: string } = {}, cohortId?: Types.ObjectId) {
  const cohort = cohortId ? { _id: cohortId } : await insertCohort({ status: 'running' })
  const doctor = await insertProfiled(cohort._id, 'doctor', names.doctor ?? 'Dara Okafor', { availability: WEEKDAY_HALF_DAYS, site: 'North' })
  const manager = await insertProfiled(cohort._id, 'manager', names.manager ?? 'Mina Shah', {
    availability: WEEKDAY_HALF_DAYS,
    site: 'North',
    shadowableMeetings: [{ title: 'Bed meeting', when: 'Monday 09:30-10:30', location: 'Site office' }] as never,
  })
  const pair = await Pair.create({ cohortId: cohort._id, doctorId: doctor._id, managerId: manager._id, managerPlace: 1, publishedAt: new Date('2026-11-01T09:00:00Z') })
  return { cohortId: cohort._id, doctor, manager, pair }
}

/** The signed-in person as the services see them. */
export function asCurrentUser(user: { _id: unknown; email: string; name: string; roles: string[] }): CurrentUser {
  return { id: String(user._id), email: user.email, name: user.name, roles: user.roles as CurrentUser['roles'] }
}
