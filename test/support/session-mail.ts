// One shadowing session as the session emails see it: Mina Shah's bed meeting on
// Monday 30 March 2026, 9:30am to 10:30am BST (the day after the clocks went
// forward), which Dara Okafor shadows.
import type { SessionMailContext } from '../../server/shadowing/session-emails'

export const mina = { id: 'manager-1', name: 'Mina Shah', email: 'mina@example.nhs.uk' }
export const dara = { id: 'doctor-1', name: 'Dara Okafor', email: 'dara@example.nhs.uk' }

export function bedMeetingMail(overrides: Partial<SessionMailContext> = {}): SessionMailContext {
  return {
    session: {
      id: '6650a1b2c3d4e5f6a7b8c9d0',
      uid: 'shadowing-p1@tandem',
      sequence: 0,
      revision: 1,
      start: new Date('2026-03-30T08:30:00Z'),
      end: new Date('2026-03-30T09:30:00Z'),
      activity: 'Bed meeting',
      location: 'Site office',
      direction: 'doctor-shadows-manager',
    },
    host: mina,
    guest: dara,
    organizer: { name: 'Tandem', email: 'tandem@trust.nhs.uk' },
    baseUrl: 'http://tandem.test',
    now: new Date('2026-03-20T12:00:00Z'),
    ...overrides,
  }
}
