// A small cohort for the ranking tests: a doctor in cardiology at St Thomas’ and
// managers who suit them more or less well.
import type { Types } from 'mongoose'
import type { Side } from '../../../models/enrolment'
import type { ProfileFields } from '../../../models/profile'
import { SITES } from '../../support/cohorts'
import { insertProfiled } from '../../support/matching'

export const [THOMAS, GUYS] = SITES as [string, string]

export const member = (cohortId: Types.ObjectId, side: Side, name: string, profile: Partial<ProfileFields> = {}) => insertProfiled(cohortId, side, name, profile)

export const cardiologyDoctor = (cohortId: Types.ObjectId, name = 'Dr Dana Doctor') =>
  member(cohortId, 'doctor', name, { grade: 'ST3', specialty: 'Cardiology', site: THOMAS, interests: ['Discharge'], availability: ['mon-am'] })

/** A manager whose service covers cardiology; `site` and `interests` decide how well they suit the doctor above. */
export const cardiologyManager = (cohortId: Types.ObjectId, name: string, site = THOMAS, interests: string[] = ['Discharge']) =>
  member(cohortId, 'manager', name, { jobTitle: 'Service manager', directorate: 'Heart and lung', specialtiesCovered: ['Cardiology'], site, interests, availability: ['mon-am'], capacity: 1 })
