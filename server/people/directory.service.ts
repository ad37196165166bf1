// The lead's directory of a cohort's people: filter, sort, paginate. People,
// enrolments and profiles are joined here in memory (FerretDB v1 has no
// $lookup); a cohort is hundreds of people, not millions.
import type { Types } from 'mongoose'
import { Enrolment, type Side } from '../../models/enrolment'
import { Profile } from '../../models/profile'
import { User } from '../../models/user'
import { isProfileComplete, profileCompleteness } from './profile-completeness'

export const DIRECTORY_SORTS = ['name', 'side', 'specialty', 'site', 'gradeOrBand', 'complete', 'status'] as const
export type DirectorySort = (typeof DIRECTORY_SORTS)[number]

export type DirectoryQuery = {
  side?: Side
  specialty?: string
  site?: string
  gradeOrBand?: string
  complete?: 'yes' | 'no'
  status?: 'invited' | 'active'
  search?: string
  sort: DirectorySort
  order: 'asc' | 'desc'
  page: number
}

export type DirectoryRow = {
  userId: string
  name: string
  email: string
  side: Side
  specialty: string
  site: string
  gradeOrBand: string
  complete: boolean
  completeness: number
  status: 'invited' | 'active'
}

export const PAGE_SIZE = 50

export async function cohortPeople(cohortId: Types.ObjectId): Promise<DirectoryRow[]> {
  const enrolments = await Enrolment.find({ cohortId }).lean()
  const ids = enrolments.map(e => e.userId)
  const [users, profiles] = await Promise.all([User.find({ _id: { $in: ids } }).lean(), Profile.find({ userId: { $in: ids } }).lean()])
  const userOf = new Map(users.map(u => [String(u._id), u]))
  const profileOf = new Map(profiles.map(p => [String(p.userId), p]))
  return enrolments.flatMap(e => {
    const user = userOf.get(String(e.userId))
    if (!user) return []
    const profile = profileOf.get(String(e.userId))
    return [
      {
        userId: String(user._id),
        name: user.name,
        email: user.email,
        side: e.side,
        specialty: (e.side === 'doctor' ? profile?.specialty : profile?.specialtiesCovered?.join(', ')) ?? '',
        site: profile?.site ?? '',
        gradeOrBand: (e.side === 'doctor' ? profile?.grade : profile?.band ? `Band ${profile.band}` : '') ?? '',
        complete: isProfileComplete(profile, e.side),
        completeness: profileCompleteness(profile, e.side),
        status: user.status as 'invited' | 'active',
      },
    ]
  })
}

export function filterAndSort(rows: DirectoryRow[], query: DirectoryQuery) {
  const search = query.search?.toLowerCase()
  const matching = rows.filter(
    r =>
      (!query.side || r.side === query.side) &&
      (!query.specialty || r.specialty.split(', ').includes(query.specialty)) &&
      (!query.site || r.site === query.site) &&
      (!query.gradeOrBand || r.gradeOrBand === query.gradeOrBand) &&
      (!query.complete || r.complete === (query.complete === 'yes')) &&
      (!query.status || r.status === query.status) &&
      (!search || r.name.toLowerCase().includes(search) || r.email.includes(search)),
  )
  const key = (r: DirectoryRow) => (query.sort === 'complete' ? String(r.completeness).padStart(3, '0') : String(r[query.sort as Exclude<DirectorySort, 'complete'>]).toLowerCase())
  // Ties fall back to name then email, so the order is stable across pages.
  matching.sort((a, b) => key(a).localeCompare(key(b)) || a.name.localeCompare(b.name) || a.email.localeCompare(b.email))
  if (query.order === 'desc') matching.reverse()
  const pages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE))
  const page = Math.min(Math.max(1, query.page), pages)
  return { total: matching.length, page, pages, rows: matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE) }
}
