// POST /projects/:projectId/log — a partner adds an entry to the progress log.
import type { Request, Response } from 'express'
import { ForbiddenError } from '../errors'
import { formErrors } from '../http/forms'
import type { Services } from '../services'
import { readLogForm, validateLog } from './log.form'
import { projectPageController } from './project-page.controller'
import { londonToday } from './project.form'

export function logController(services: Services) {
  const { projects, clock } = services
  const page = projectPageController(services)
  return {
    async post(req: Request, res: Response) {
      const { project, role } = await projects.editableProjectFor(req.user!, req.params.projectId)
      if (role !== 'partner') throw new ForbiddenError('The progress log is written by the pair')
      const values = readLogForm(req.body)
      const checked = validateLog(values, londonToday(clock.now()))
      if (!checked.ok) return page.render(req, res, { log: values }, formErrors(checked.errors), 400)
      await projects.log.add(req.user!, String(project._id), checked.entry)
      req.session.flash = 'Added to the progress log'
      res.redirect(303, `/projects/${String(project._id)}#log`)
    },
  }
}
