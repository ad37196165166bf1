// What is wrong with a chosen time, in words that name the person concerned.
import type { TimeProblem } from '../scheduling/time-check'

export function timeProblemMessage(problem: TimeProblem, names: { host: string; guest: string }): string {
  switch (problem) {
    case 'in-the-past':
      return 'The time must be in the future'
    case 'clashes-with-booking':
      return `The time overlaps another session that ${names.host} or ${names.guest} has proposed or booked`
    case 'too-soon':
      return 'The time is less than 48 hours away, so your partner may not be able to arrange cover'
    case 'host-unavailable-date':
      return `${names.host} has said they are unavailable on that date`
    case 'guest-unavailable-date':
      return `${names.guest} has said they are unavailable on that date`
    case 'outside-host-availability':
      return `The time is outside the half-days ${names.host} is usually free`
    case 'outside-guest-availability':
      return `The time is outside the half-days ${names.guest} is usually free`
  }
}
