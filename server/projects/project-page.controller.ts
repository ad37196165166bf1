// /projects/:projectId — the charter for everyone who may see the project; for
// the pair and leads also the progress score and the progress log. The log and
// score forms post elsewhere and come back here with their errors (400).
import type { Request, Response } from 'express'
import { PROGRESS_SCORES } from '../../models/qi-project'
import { noFormErrors, type FormErrors } from '../http/forms'
import type { Services } from '../services'
import { emptyLog, LOG_FIELDS, type LogValues } from './log.form'
import { PROJECT_STATUS_NAMES } from './project-display'
import { londonToday } from './project.form'
import { REASON_LIMIT, type ProgressValues } from './progress.form'
import { PROGRESS_SCALE_NAMES, scoreText } from './progress-score'

export type ProjectPageForms = { log?: LogValues; progress?: ProgressValues }

export function projectPageController({ projects, clock }: Services) {
  async function render(req: Request, res: Response, forms: ProjectPageForms = {}, form: FormErrors = noFormErrors, status = 200) {
    const view = await projects.projectFor(req.user!, req.params.projectId)
    const { project, role } = view
    const inner = role !== 'reader'
    // The partners are named three times (the pair, the log, the score's history): looked up once.
    const partners = projects.partners(project)
    const [pair, priority, evidencePanel, log, suggestion, history] = await Promise.all([
      partners.then(known => projects.pairNames(project, known)),
      projects.priorityTitle(project.priorityId),
      projects.evidencePanel(view),
      inner ? partners.then(known => projects.log.list(view, known)) : [],
      inner ? projects.progress.suggestion(view) : undefined,
      inner ? partners.then(known => projects.progress.history(view, known)) : [],
    ])
    res.status(status).render('pages/projects/project', {
      ...view,
      projectId: String(project._id),
      pair,
      priority,
      statusName: PROJECT_STATUS_NAMES[project.status],
      isPartner: role === 'partner',
      evidencePanel,
      log,
      logFields: LOG_FIELDS,
      logValues: forms.log ?? emptyLog(londonToday(clock.now())),
      suggestion,
      history,
      scale: PROGRESS_SCORES.map(score => ({ score, text: `${scoreText(score)} ${PROGRESS_SCALE_NAMES[score]}` })),
      scoreText,
      scaleNames: PROGRESS_SCALE_NAMES,
      progressValues: forms.progress ?? { score: suggestion ? String(suggestion.score) : '', reason: '' },
      reasonLimit: REASON_LIMIT,
      ...form,
    })
  }

  return {
    render,
    get: (req: Request, res: Response) => render(req, res),
  }
}
