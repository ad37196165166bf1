// Which parts of a profile matching needs, and how much of it is there.
import type { Side } from '../../models/enrolment'
import type { ProfileFields } from '../../models/profile'

type ProfileLike = Partial<Pick<ProfileFields, 'site' | 'interests' | 'tags' | 'availability' | 'grade' | 'specialty' | 'jobTitle' | 'band' | 'directorate' | 'specialtiesCovered' | 'capacity'>>

/** The missing parts, named as a person reads them. */
export function missingProfileParts(profile: ProfileLike | null | undefined, side: Side): string[] {
  const p = profile ?? {}
  const missing: string[] = []
  if (side === 'doctor') {
    if (!p.grade) missing.push('grade')
    if (!p.specialty) missing.push('specialty')
  } else {
    if (!p.jobTitle) missing.push('job title')
    if (!p.band) missing.push('band')
    if (!p.directorate) missing.push('directorate or service')
    if (!p.specialtiesCovered?.length) missing.push('specialties your service covers')
  }
  if (!p.site) missing.push('site')
  if (!p.interests?.length && !p.tags?.length) missing.push('QI interests')
  if (!p.availability?.length) missing.push('weekly availability')
  return missing
}

export function isProfileComplete(profile: ProfileLike | null | undefined, side: Side): boolean {
  return missingProfileParts(profile, side).length === 0
}

/** 0–100, for the completeness indicator. */
export function profileCompleteness(profile: ProfileLike | null | undefined, side: Side): number {
  const total = side === 'doctor' ? 5 : 7
  return Math.round(((total - missingProfileParts(profile, side).length) / total) * 100)
}
