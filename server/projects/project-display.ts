// Words for a project's status, as people read them.
import type { ProjectStatus } from '../../models/qi-project'

export const PROJECT_STATUS_NAMES: Record<ProjectStatus, string> = {
  planning: 'Planning',
  'testing-changes': 'Testing changes',
  sustaining: 'Sustaining the improvement',
  completed: 'Completed',
  'on-hold': 'On hold',
}
