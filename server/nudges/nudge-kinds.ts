// The nudges Tandem sends to keep pairs moving: when each is due, who gets it,
// and its wording, which the lead may change per cohort (with placeholders) or
// switch off. Every nudge goes once per occasion, through the outbox.

export const NUDGE_KINDS = ['profile-incomplete', 'no-shadowing-booked', 'direction-missing', 'reflection-due', 'reflection-overdue', 'project-stale', 'lead-digest'] as const
export type NudgeKind = (typeof NUDGE_KINDS)[number]

export type NudgeKindInfo = {
  title: string
  /** When it goes, in the lead's words. */
  when: string
  subject: string
  body: string
  /** The placeholders its wording may use. */
  placeholders: readonly string[]
}

const PERSON = ['name', 'cohort', 'link']
const PAIR = [...PERSON, 'partner']

export const NUDGES: Record<NudgeKind, NudgeKindInfo> = {
  'profile-incomplete': {
    title: 'Profile incomplete',
    when: '7 days after someone was added to the cohort, if their profile is still incomplete',
    subject: 'Please complete your Tandem profile for {cohort}',
    body: 'Hello {name},\n\nYour Tandem profile for {cohort} is not complete yet. Matching works best when it is, and it takes about ten minutes:\n\n{link}',
    placeholders: PERSON,
  },
  'no-shadowing-booked': {
    title: 'No shadowing booked',
    when: '3 weeks after a pair was published, if the pair has no session proposed or booked',
    subject: 'Time to book your first shadowing with {partner}',
    body: 'Hello {name},\n\nYou and {partner} were paired three weeks ago and have not booked any shadowing yet. Tandem suggests times when you are both free:\n\n{link}',
    placeholders: PAIR,
  },
  'direction-missing': {
    title: 'A direction not yet shadowed',
    when: 'Halfway through the cohort, for each direction in which a pair has no session done or booked',
    subject: 'Halfway through {cohort}: {direction}',
    body: 'Hello {name},\n\nWe are halfway through {cohort}, and no session in which {direction} has happened or been booked yet. Shadowing both ways is the heart of the programme:\n\n{link}',
    placeholders: [...PAIR, 'direction'],
  },
  'reflection-due': {
    title: 'Monthly reflection due',
    when: 'On the cohort’s reflection day, to each partner of a pair that has agreed its compact',
    subject: 'Time to reflect on your compact with {partner}',
    body: 'Hello {name},\n\nIt is time for this month’s reflection on the compact you and {partner} agreed ({month}): how well did you keep each commitment? You can add a comment for {partner}, and raise a concern with your programme lead if you need to.\n\n{link}',
    placeholders: [...PAIR, 'month'],
  },
  'reflection-overdue': {
    title: 'Monthly reflection overdue',
    when: 'A week after the reflection day, to a partner who has not answered',
    subject: 'Reminder: reflect on your compact with {partner}',
    body: 'Hello {name},\n\nYou have not yet reflected on your compact with {partner} for {month}. It takes a few minutes.\n\n{link}',
    placeholders: [...PAIR, 'month'],
  },
  'project-stale': {
    title: 'Project not updated',
    when: 'When a pair’s QI project has had no new data, cycle or log entry for 4 weeks',
    subject: 'Your project with {partner}: anything new?',
    body: 'Hello {name},\n\nNothing has been added to “{project}” for four weeks. A new data point, a PDSA cycle or a line in the log keeps the project moving:\n\n{link}',
    placeholders: [...PAIR, 'project'],
  },
  'lead-digest': {
    title: 'Weekly digest for leads',
    when: 'Every Monday morning, to each programme lead who has not opted out',
    subject: 'Tandem this week: {cohort}',
    body: 'Hello {name},\n\nThis week in {cohort}:\n\n{summary}\n\n{link}',
    placeholders: [...PERSON, 'summary'],
  },
}

const PLACEHOLDER = /\{([a-z]+)\}/g

/** Fills the placeholders; an unknown one is left as written (the lead's form refuses those). */
export function fillNudge(template: string, values: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (whole, key: string) => values[key] ?? whole)
}

/** The placeholders a wording uses that its nudge does not know. */
export function unknownPlaceholders(template: string, allowed: readonly string[]): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map(m => m[1]!).filter(p => !allowed.includes(p)))]
}
