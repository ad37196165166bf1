// Six months of the benchmark cohort's shadowing and compact reflection: each
// pair's sessions both ways (mostly done, some cancelled or declined, a few
// coming up or waiting for an answer), what partners wrote after them, and
// monthly reflections with the odd month missed and the odd concern.
import { Types } from 'mongoose'
import { DEFAULT_COMPACT } from '../../models/cohort'
import { CompactReflection } from '../../models/compact-reflection'
import { SessionReflection } from '../../models/session-reflection'
import { ShadowingSession, type SessionStatus, type ShadowingDirection } from '../../models/shadowing-session'
import { monthsFrom } from '../../server/exports/reflections.export'
import { openMonth } from '../../server/compact/reflection-months'
import type { BenchPeople } from './web-people'
import { DAY, insertAll, type Pick } from './web-random'

const ACTIVITIES: Record<ShadowingDirection, string[]> = {
  'doctor-shadows-manager': ['Bed meeting', 'Budget review', 'Directorate board', 'Complaints panel'],
  'manager-shadows-doctor': ['Ward round', 'Outpatient clinic', 'Evening handover', 'Acute take'],
}
const HOUR = 3_600_000

function pastStatus(pick: Pick): SessionStatus {
  const r = pick.random()
  return r < 0.8 ? 'completed' : r < 0.86 ? 'cancelled' : r < 0.92 ? 'declined' : 'did-not-happen'
}

export async function generateShadowing(pick: Pick, people: BenchPeople, now: number): Promise<{ sessions: number; reflections: number }> {
  const sessions: object[] = []
  const written: object[] = []
  for (const pair of people.pairs) {
    const count = pick.int(1, 6)
    for (let k = 0; k < count; k += 1) {
      const direction: ShadowingDirection = k % 2 ? 'manager-shadows-doctor' : 'doctor-shadows-manager'
      const [hostId, guestId] = direction === 'doctor-shadows-manager' ? [pair.managerId, pair.doctorId] : [pair.doctorId, pair.managerId]
      // Spread from the pairing to a month ahead, on the hour in the working day.
      const day = +pair.publishedAt + pick.int(3, Math.max(4, Math.floor((now - +pair.publishedAt) / DAY) + 30)) * DAY
      const start = Math.floor(day / DAY) * DAY + pick.int(8, 15) * HOUR
      const past = start < now
      const status: SessionStatus = past ? pastStatus(pick) : pick.chance(0.75) ? 'confirmed' : 'proposed'
      const proposedAt = new Date(start - pick.int(7, 21) * DAY)
      const history = [
        { at: proposedAt, by: guestId, action: 'proposed' },
        ...(status === 'proposed' ? [] : [{ at: new Date(+proposedAt + DAY), by: hostId, action: status === 'declined' ? 'declined' : 'accepted' }]),
        ...(status === 'completed' || status === 'did-not-happen' || status === 'cancelled' ? [{ at: new Date(start + 2 * HOUR), by: hostId, action: status }] : []),
      ]
      const _id = new Types.ObjectId()
      sessions.push({
        _id,
        cohortId: people.cohortId,
        pairId: pair._id,
        doctorId: pair.doctorId,
        managerId: pair.managerId,
        direction,
        hostId,
        guestId,
        activity: pick.one(ACTIVITIES[direction]),
        location: 'Main building',
        start: new Date(start),
        end: new Date(start + pick.int(1, 3) * HOUR),
        status,
        proposedBy: guestId,
        respondentId: hostId,
        uid: `shadowing-${String(_id)}@tandem`,
        revision: history.length - 1,
        sequence: status === 'cancelled' ? 1 : 0,
        history,
      })
      if (status !== 'completed') continue
      for (const userId of [hostId, guestId]) {
        if (pick.chance(0.6)) written.push({ sessionId: _id, pairId: pair._id, userId, learned: 'How the other side plans the day.', surprised: 'How many interruptions there were.', idea: 'Try a shared huddle.' })
      }
    }
  }
  await insertAll(ShadowingSession, sessions)
  await insertAll(SessionReflection, written)

  // Monthly reflection on the compact, from each pair's first month to this one.
  const current = openMonth(new Date(now), 1)
  const reflections: object[] = []
  for (const pair of people.agreed) {
    for (const month of monthsFrom(openMonth(pair.publishedAt, 1), current)) {
      for (const userId of [pair.doctorId, pair.managerId]) {
        if (!pick.chance(month === current ? 0.5 : 0.82)) continue
        reflections.push({
          pairId: pair._id,
          cohortId: people.cohortId,
          userId,
          month,
          version: 1,
          ratings: DEFAULT_COMPACT.map(commitment => ({ commitment, rating: pick.int(2, 5) })),
          comment: pick.chance(0.4) ? 'A good month for us both.' : '',
          concern: pick.chance(0.02) ? 'Sessions keep being cancelled at short notice.' : '',
        })
      }
    }
  }
  await insertAll(CompactReflection, reflections)
  return { sessions: sessions.length, reflections: reflections.length }
}
