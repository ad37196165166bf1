// Shadowing sessions: one row per session any pair of the cohort proposed,
// in time order, with who hosted whom, what, where, when and what became of
// it. What partners wrote afterwards is theirs: only whether they wrote.
import { SessionReflection } from '../../models/session-reflection'
import { ShadowingSession } from '../../models/shadowing-session'
import { inBatches, isoLondon, londonDate, londonTime } from '../http/csv-stream'
import { statusTag } from '../shadowing/session-display'
import { peopleById } from '../shadowing/session-access'
import { capitalised, type CohortExport } from './cohort-export'

export const shadowingExport: CohortExport = {
  key: 'shadowing-sessions',
  title: 'Shadowing sessions',
  holds:
    'One row for each shadowing session proposed, in time order: the pair, who shadowed whom, the activity, meeting and location, its status (waiting for an answer, confirmed, happened, did not happen, declined, cancelled or withdrawn), its date, start and end in UK time and in ISO 8601, its length, who proposed it and when, and how many of the two partners wrote a reflection afterwards (never what they wrote).',
  columns: [
    'Doctor',
    'Manager',
    'Who shadows whom',
    'Host',
    'Guest',
    'Activity',
    'Meeting',
    'Location',
    'Status',
    'Date (UK)',
    'Start (UK)',
    'End (UK)',
    'Minutes',
    'Start (ISO 8601)',
    'End (ISO 8601)',
    'Proposed by',
    'Proposed (ISO 8601)',
    'Reflections written',
  ],

  async write(cohort, csv) {
    const cursor = ShadowingSession.find({ cohortId: cohort._id }, { respondTokenHash: 0 }).sort({ start: 1, _id: 1 }).lean().cursor()
    for await (const batch of inBatches(cursor)) {
      const [people, reflections] = await Promise.all([
        peopleById(batch.flatMap(s => [s.doctorId, s.managerId])),
        // Only which sessions have reflections: the words are never read here.
        SessionReflection.find({ sessionId: { $in: batch.map(s => s._id) } }, { sessionId: 1 }).lean(),
      ])
      const written = new Map<string, number>()
      for (const r of reflections) written.set(String(r.sessionId), (written.get(String(r.sessionId)) ?? 0) + 1)
      const name = (id: unknown) => people.get(String(id))?.name ?? ''
      await csv.rows(
        batch.map(s => [
          name(s.doctorId),
          name(s.managerId),
          capitalised(s.direction.replace(/-/g, ' ')),
          name(s.hostId),
          name(s.guestId),
          s.activity,
          s.meetingName,
          s.location,
          statusTag(s).tagText,
          londonDate(s.start),
          londonTime(s.start),
          londonTime(s.end),
          Math.round((+s.end - +s.start) / 60_000),
          isoLondon(s.start),
          isoLondon(s.end),
          name(s.proposedBy),
          isoLondon(s.history[0]?.at ?? s.createdAt),
          written.get(String(s._id)) ?? 0,
        ]),
      )
    }
  },
}
