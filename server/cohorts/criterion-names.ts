// What the lead reads for each matching criterion: its name, and the hard requirement it can become.
import type { MatchingCriterion } from '../../models/cohort'

export const CRITERION_NAMES: Record<MatchingCriterion, { label: string; required: string }> = {
  specialty: { label: 'Specialty', required: 'Only pair a doctor with a manager whose service covers their specialty or its group' },
  interests: { label: 'Shared QI interests', required: 'Only pair people who share at least one QI interest' },
  site: { label: 'Same site', required: 'Only pair people on the same site' },
  availability: { label: 'Free at the same times', required: 'Only pair people with at least one free half-day in common' },
  preference: { label: 'Ranked each other', required: 'Only pair people who ranked each other' },
}
