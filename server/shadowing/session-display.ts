// How a shadowing session reads on the pages: its status as a tag, who shadows
// whom from the reader's side, and its history in words.
import type { ShadowingSessionFields } from '../../models/shadowing-session'
import { formatDateTime } from '../format'
import { londonLabel } from '../scheduling/london-time'
import type { PairView, Person } from './session-access'
import { durationText, MINUTE } from './time.form'
import { timeProblemMessage } from './time-problems'
import type { TimeProblem } from '../scheduling/time-check'

type Session = Pick<ShadowingSessionFields, 'status' | 'direction' | 'hostId' | 'guestId' | 'start' | 'end' | 'history' | 'flags'>

export type Tag = { tagText: string; colour: string }

export function statusTag(session: Pick<Session, 'status' | 'history'>): Tag {
  switch (session.status) {
    case 'proposed':
      return { tagText: 'Waiting for an answer', colour: 'yellow' }
    case 'confirmed':
      return { tagText: 'Confirmed', colour: 'blue' }
    case 'completed':
      return { tagText: 'Happened', colour: 'green' }
    case 'did-not-happen':
      return { tagText: 'Did not happen', colour: 'orange' }
    case 'declined':
      return { tagText: 'Declined', colour: 'red' }
    case 'cancelled':
      return session.history.at(-1)?.action === 'withdrawn' ? { tagText: 'Withdrawn', colour: 'grey' } : { tagText: 'Cancelled', colour: 'grey' }
  }
}

/** The partners of a pair by id, and "you" for the reader. */
export function namer(view: Pick<PairView, 'doctor' | 'manager'>, readerId: string) {
  const people = new Map([view.doctor, view.manager].map(p => [p.id, p]))
  const person = (id: unknown): Person | undefined => people.get(String(id))
  return {
    person,
    name: (id: unknown) => person(id)?.name ?? 'Someone',
    /** "you" for the reader, otherwise their name. */
    you: (id: unknown) => (String(id) === readerId ? 'you' : (person(id)?.name ?? 'Someone')),
  }
}

/** "You shadow Mina Shah", "Mina Shah shadows you", or for a lead "Dara Okafor shadows Mina Shah". */
export function whoShadows(session: Pick<Session, 'hostId' | 'guestId'>, names: ReturnType<typeof namer>): string {
  const guest = names.you(session.guestId)
  const host = names.you(session.hostId)
  return guest === 'you' ? `You shadow ${host}` : `${guest} shadows ${host}`
}

export const whenText = (session: Pick<Session, 'start' | 'end'>) => londonLabel(session.start, session.end)

export const lengthText = (session: Pick<Session, 'start' | 'end'>) => durationText(Math.round((+session.end - +session.start) / MINUTE))

const ACTION_WORDS: Record<string, string> = {
  proposed: 'Proposed',
  accepted: 'Accepted',
  declined: 'Declined',
  rescheduled: 'Moved',
  cancelled: 'Cancelled',
  withdrawn: 'Withdrawn',
  completed: 'Marked as happened',
  'did-not-happen': 'Marked as not happened',
}

/** Each change to the session, oldest first, in words. */
export function historyLines(session: Pick<Session, 'history'>, names: ReturnType<typeof namer>) {
  return session.history.map(entry => ({
    at: formatDateTime(entry.at),
    text: `${ACTION_WORDS[entry.action] ?? entry.action} by ${names.you(entry.by)}${entry.start && entry.end && ['proposed', 'rescheduled'].includes(entry.action) ? ` for ${londonLabel(entry.start, entry.end)}` : ''}`,
    reason: entry.reason ?? '',
  }))
}

/** The availability problems the proposer ticked to confirm, in words. */
export function flagMessages(session: Pick<Session, 'flags'>, host: Person, guest: Person): string[] {
  return session.flags.map(flag => timeProblemMessage(flag as TimeProblem, { host: host.name, guest: guest.name }))
}
