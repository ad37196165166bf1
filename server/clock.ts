// Services read the time through a clock so that tests can fix it.
export type Clock = { now(): Date }

export const systemClock: Clock = { now: () => new Date() }

/** A clock that stands still until moved; for tests and scripts. */
export function fixedClock(start: Date): Clock & { set(date: Date): void; advance(ms: number): void } {
  let current = new Date(start)
  return {
    now: () => new Date(current),
    set: date => {
      current = new Date(date)
    },
    advance: ms => {
      current = new Date(current.getTime() + ms)
    },
  }
}
