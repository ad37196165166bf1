// POST /projects/:projectId/progress — a partner confirms Tandem's suggested
// progress score, or chooses another with a reason.
import type { Request, Response } from 'express'
import { ForbiddenError } from '../errors'
import { formErrors } from '../http/forms'
import type { Services } from '../services'
import { projectPageController } from './project-page.controller'
import { readProgressForm, validateProgress } from './progress.form'
import { scoreText } from './progress-score'

export function progressController(services: Services) {
  const { projects } = services
  const page = projectPageController(services)
  return {
    async post(req: Request, res: Response) {
      const view = await projects.editableProjectFor(req.user!, req.params.projectId)
      if (view.role !== 'partner') throw new ForbiddenError('The pair sets its own progress score')
      const values = readProgressForm(req.body)
      const checked = validateProgress(values, (await projects.progress.suggestion(view)).score)
      if (!checked.ok) return page.render(req, res, { progress: values }, formErrors(checked.errors), 400)
      await projects.progress.set(req.user!, String(view.project._id), checked.score, checked.reason)
      req.session.flash = `Progress score set to ${scoreText(checked.score)}`
      res.redirect(303, `/projects/${String(view.project._id)}#progress`)
    },
  }
}
