// A small cohort's facts, built by hand so that every dashboard figure can be
// checked with pencil and paper. It is Monday 23 November 2026, 09:00 (London = UTC);
// reflections open on the 1st, so November's is open and overdue from 8 November.
//
// Ten people are invited: doctors Dara, Ola, Ben, Cal, Eve (incomplete profile) and Fay;
// managers Mina (two doctors), Max, Nia (incomplete profile) and Raj. Four pairs:
// - P1 Dara + Mina: 2 sessions doctor→manager and 1 manager→doctor done; project with a
//   PDSA cycle and improvement. Reaches "Improvement shown".
// - P2 Ola + Max: 1 doctor→manager done (last ended 2 October); a project (charter only),
//   quiet since 1 October. Reaches "First shadowing": one direction only.
// - P3 Ben + Mina: nothing done, one manager→doctor booked for December; a project with
//   PDSA and improvement, on hold. Reaches only "Paired": no session done yet.
// - P4 Fay + Nia: one session each way, the last ended 20 October; a charter. Fay reaches
//   "Charter written"; Nia, whose profile is incomplete, only "Invited".
// Cal and Raj are complete but unpaired; Eve is incomplete.
import type { CohortFacts, PersonFact, SessionFact } from '../../../server/dashboard/cohort-facts'

export const NOW = new Date('2026-11-23T09:00:00Z')

const person = (userId: string, name: string, side: 'doctor' | 'manager', profileComplete = true): PersonFact => ({ userId, name, email: `${userId}@example.nhs.uk`, side, profileComplete })
const session = (pairId: string, direction: SessionFact['direction'], end: string, status: SessionFact['status'] = 'completed'): SessionFact => ({ pairId, direction, status, end: new Date(end) })
const DSM = 'doctor-shadows-manager'
const MSD = 'manager-shadows-doctor'

export function cohortFacts(): CohortFacts {
  return {
    now: NOW,
    cohort: { id: 'c1', name: 'Surgery and Medicine', targets: { [DSM]: 2, [MSD]: 1 }, reflectionDay: 1 },
    people: [
      person('dara', 'Dara Okafor', 'doctor'),
      person('ola', 'Ola Doctor', 'doctor'),
      person('ben', 'Ben Doctor', 'doctor'),
      person('cal', 'Cal Doctor', 'doctor'),
      person('eve', 'Eve Doctor', 'doctor', false),
      person('fay', 'Fay Doctor', 'doctor'),
      person('mina', 'Mina Shah', 'manager'),
      person('max', 'Max Manager', 'manager'),
      person('nia', 'Nia Manager', 'manager', false),
      person('raj', 'Raj Manager', 'manager'),
    ],
    pairs: [
      { pairId: 'p1', doctorId: 'dara', managerId: 'mina', publishedAt: new Date('2026-09-01T09:00:00Z') },
      { pairId: 'p2', doctorId: 'ola', managerId: 'max', publishedAt: new Date('2026-09-01T09:00:00Z') },
      { pairId: 'p3', doctorId: 'ben', managerId: 'mina', publishedAt: new Date('2026-09-01T09:00:00Z') },
      { pairId: 'p4', doctorId: 'fay', managerId: 'nia', publishedAt: new Date('2026-10-01T09:00:00Z') },
    ],
    sessions: [
      session('p1', DSM, '2026-09-20T12:00:00Z'),
      session('p1', DSM, '2026-10-20T12:00:00Z'),
      session('p1', MSD, '2026-11-10T12:00:00Z'),
      session('p2', DSM, '2026-10-02T11:00:00Z'),
      session('p3', MSD, '2026-12-01T12:00:00Z', 'confirmed'),
      session('p4', DSM, '2026-10-13T12:00:00Z'),
      session('p4', MSD, '2026-10-20T12:00:00Z'),
      // A pair that has since ended: its sessions belong to no current pair.
      session('ended', DSM, '2026-11-16T12:00:00Z'),
    ],
    projects: [
      { projectId: 'q1', pairId: 'p1', title: 'Discharge before noon', status: 'testing-changes', lastActivityAt: new Date('2026-11-20T10:00:00Z'), hasPdsa: true, improving: true },
      { projectId: 'q2', pairId: 'p2', title: 'Theatre start times', status: 'planning', lastActivityAt: new Date('2026-10-01T09:00:00Z'), hasPdsa: false, improving: false },
      { projectId: 'q3', pairId: 'p3', title: 'Weekend handover', status: 'on-hold', lastActivityAt: new Date('2026-10-01T09:00:00Z'), hasPdsa: true, improving: true },
      { projectId: 'q4', pairId: 'p4', title: 'Clinic letters', status: 'planning', lastActivityAt: new Date('2026-10-27T09:00:00Z'), hasPdsa: false, improving: false },
    ],
    reflections: [
      { pairId: 'p1', userId: 'dara', month: '2026-11', concern: '', at: new Date('2026-11-02T10:00:00Z') },
      { pairId: 'p1', userId: 'mina', month: '2026-11', concern: '', at: new Date('2026-11-03T10:00:00Z') },
      { pairId: 'p2', userId: 'ola', month: '2026-11', concern: 'Sessions keep being cancelled', at: new Date('2026-11-05T10:00:00Z') },
      { pairId: 'ended', userId: 'someone', month: '2026-11', concern: '', at: new Date('2026-11-05T10:00:00Z') },
      { pairId: 'p1', userId: 'dara', month: '2026-10', concern: '', at: new Date('2026-10-02T10:00:00Z') },
      { pairId: 'p1', userId: 'mina', month: '2026-10', concern: '', at: new Date('2026-10-02T11:00:00Z') },
      { pairId: 'p2', userId: 'max', month: '2026-10', concern: '', at: new Date('2026-10-04T10:00:00Z') },
      { pairId: 'p1', userId: 'dara', month: '2026-09', concern: 'An old worry, long dealt with', at: new Date('2026-09-05T10:00:00Z') },
    ],
    concernsEver: 2,
    compactAgreedAt: new Map([
      ['p1', new Date('2026-08-20T09:00:00Z')],
      ['p2', new Date('2026-10-01T09:00:00Z')],
      ['p4', new Date('2026-11-20T09:00:00Z')],
    ]),
    workshops: [
      { workshopId: 'w1', seriesId: 's1', seriesTitle: 'Lean for Leaders', moduleNumber: 1, title: 'Value and waste', start: new Date('2026-10-05T09:30:00Z') },
      { workshopId: 'w2', seriesId: 's1', seriesTitle: 'Lean for Leaders', moduleNumber: 1, title: 'Value and waste (repeat)', start: new Date('2026-10-12T09:30:00Z') },
      { workshopId: 'w3', seriesId: 's1', seriesTitle: 'Lean for Leaders', moduleNumber: 2, title: 'Flow', start: new Date('2026-12-07T09:30:00Z') },
      { workshopId: 'w4', seriesId: 's2', seriesTitle: 'Coaching', moduleNumber: null, title: 'Coaching conversations', start: new Date('2026-11-02T09:30:00Z') },
    ],
    places: [
      { workshopId: 'w1', attendance: 'attended' },
      { workshopId: 'w1', attendance: 'attended' },
      { workshopId: 'w1', attendance: 'apologies' },
      { workshopId: 'w2', attendance: 'absent' },
      { workshopId: 'w2', attendance: null },
      { workshopId: 'w3', attendance: null },
      { workshopId: 'w3', attendance: null },
      { workshopId: 'w4', attendance: 'attended' },
      // A place at a cancelled session (not among the workshops): left out.
      { workshopId: 'cancelled', attendance: 'attended' },
    ],
  }
}
