// People and profiles: one row per person enrolled in the cohort, doctors
// first, with everything their profile says that matching and booking use.
import { Enrolment } from '../../models/enrolment'
import { Profile } from '../../models/profile'
import { User } from '../../models/user'
import { inBatches, isoLondon, londonDate } from '../http/csv-stream'
import { missingProfileParts } from '../people/profile-completeness'
import { DAY_PART_NAMES, WEEKDAY_NAMES } from '../people/reference-data'
import { capitalised, yesNo, type CohortExport } from './cohort-export'

const list = (items: readonly string[] | null | undefined) => (items ?? []).join('; ')

/** "mon-am" → "Monday morning"; anything else as it was stored. */
function slotInWords(slot: string): string {
  const [day, part] = slot.split('-') as [keyof typeof WEEKDAY_NAMES, keyof typeof DAY_PART_NAMES]
  return WEEKDAY_NAMES[day] && DAY_PART_NAMES[part] ? `${WEEKDAY_NAMES[day]} ${DAY_PART_NAMES[part].toLowerCase()}` : slot
}

export const peopleExport: CohortExport = {
  key: 'people',
  title: 'People and profiles',
  holds:
    'One row for each doctor and manager in the cohort: name, email, whether they have signed up, when they joined the cohort, whether their profile is complete (and what is missing), and their profile: site, grade and specialty or job title, band, service and the specialties it covers, how many doctors a manager can take, QI interests, when they are usually free, the meetings a doctor could shadow, and what they want from the programme.',
  columns: [
    'Name',
    'Email',
    'Doctor or manager',
    'Signed up',
    'Joined the cohort (UK date)',
    'Joined the cohort (ISO 8601)',
    'Profile complete',
    'Missing from profile',
    'Site',
    'Grade',
    'Specialty',
    'Job title',
    'Band',
    'Directorate or service',
    'Specialties covered',
    'Doctors they can take',
    'QI interests',
    'Usually free',
    'Meetings to shadow',
    'What they want from the programme',
    'Profile last changed (ISO 8601)',
  ],

  async write(cohort, csv) {
    const cursor = Enrolment.find({ cohortId: cohort._id }).sort({ side: 1, _id: 1 }).lean().cursor()
    for await (const batch of inBatches(cursor)) {
      const ids = batch.map(e => e.userId)
      const [users, profiles] = await Promise.all([User.find({ _id: { $in: ids } }, { name: 1, email: 1, status: 1 }).lean(), Profile.find({ userId: { $in: ids } }).lean()])
      const userOf = new Map(users.map(u => [String(u._id), u]))
      const profileOf = new Map(profiles.map(p => [String(p.userId), p]))
      await csv.rows(
        batch.flatMap(e => {
          const user = userOf.get(String(e.userId))
          if (!user) return []
          const p = profileOf.get(String(e.userId))
          const doctor = e.side === 'doctor'
          const missing = missingProfileParts(p, e.side)
          return [
            [
              user.name,
              user.email,
              capitalised(e.side),
              yesNo(user.status === 'active'),
              londonDate(e.createdAt),
              isoLondon(e.createdAt),
              yesNo(!missing.length),
              missing.join('; '),
              p?.site,
              doctor ? p?.grade : '',
              doctor ? p?.specialty : '',
              doctor ? '' : p?.jobTitle,
              doctor || !p?.band ? '' : `Band ${p.band}`,
              doctor ? '' : p?.directorate,
              doctor ? '' : list(p?.specialtiesCovered),
              doctor ? '' : (p?.capacity ?? 1),
              list([...(p?.interests ?? []), ...(p?.tags ?? [])]),
              list(p?.availability?.map(slotInWords)),
              list(p?.shadowableMeetings?.map(m => [m.title, m.when, m.location].filter(Boolean).join(', '))),
              p?.note,
              isoLondon(p?.updatedAt),
            ],
          ]
        }),
      )
    }
  },
}
