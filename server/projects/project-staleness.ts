// When a QI project counts as quiet ("stale"): still under way (not completed
// or on hold) and nothing added to it — charter, data, PDSA cycle or log entry,
// each of which moves lastActivityAt (touchProject) — for 4 weeks. The nudge
// to the pair and the lead's dashboard both ask this one question, so that the
// email and the dashboard never disagree about which projects are quiet.

export const STALE_AFTER_DAYS = 28

const DAY = 86_400_000
const PAUSED: readonly string[] = ['completed', 'on-hold']

export function isProjectStale(project: { status?: string | null; lastActivityAt: Date }, now: Date): boolean {
  return !PAUSED.includes(project.status ?? '') && +project.lastActivityAt <= +now - STALE_AFTER_DAYS * DAY
}
