// When a pair counts as quiet: published over 4 weeks ago and no shadowing done
// or booked (a confirmed or completed session) ending within the last 4 weeks;
// a confirmed session still to come counts as booked. The leads' weekly digest
// and the dashboard's "needs attention" both ask this one question.

export const QUIET_AFTER_DAYS = 28
/** Sessions that count as shadowing done or booked. */
export const LIVE_SESSION_STATUSES = ['confirmed', 'completed'] as const

const DAY = 86_400_000

/** `lastSessionEnd`: the latest end of the pair's confirmed or completed sessions, if any. */
export function isPairQuiet(pair: { publishedAt: Date }, lastSessionEnd: Date | undefined, now: Date): boolean {
  const cutoff = +now - QUIET_AFTER_DAYS * DAY
  return +pair.publishedAt < cutoff && !(lastSessionEnd && +lastSessionEnd > cutoff)
}

/** Pair id → the latest end of its live sessions, from the cohort's sessions in any order. */
export function lastSessionEnds(sessions: readonly { pairId: unknown; status: string; end: Date }[]): Map<string, Date> {
  const last = new Map<string, Date>()
  for (const s of sessions) {
    if (!(LIVE_SESSION_STATUSES as readonly string[]).includes(s.status)) continue
    const key = String(s.pairId)
    const held = last.get(key)
    if (!held || +s.end > +held) last.set(key, s.end)
  }
  return last
}
