// Adding and editing organisational priorities (leads only).
import type { Request, Response } from 'express'
import { z } from 'zod'
import { formErrors, fromZodError, noFormErrors, text, type FormErrors } from '../http/forms'
import type { Services } from '../services'

const schema = z.object({
  title: z.string().trim().min(1, 'Enter the priority').max(120, 'Priority must be 120 characters or fewer'),
  description: z.string().trim().max(600, 'Description must be 600 characters or fewer'),
})

type Values = { title: string; description: string; archived?: boolean }

export function priorityController({ priorities }: Services) {
  const render = (res: Response, values: Values, priorityId?: string, form: FormErrors = noFormErrors, status = 200) =>
    res.status(status).render('pages/priorities/priority-form', { values, priorityId, ...form })
  const read = (body: unknown): Values => ({ title: text(body, 'title'), description: text(body, 'description'), archived: text(body, 'archived') === 'yes' })

  return {
    async list(_req: Request, res: Response) {
      res.render('pages/priorities/priority-list', { priorities: await priorities.list({ includeArchived: true }) })
    },
    newForm(_req: Request, res: Response) {
      render(res, { title: '', description: '' })
    },
    async create(req: Request, res: Response) {
      const values = read(req.body)
      const parsed = schema.safeParse(values)
      if (!parsed.success) return render(res, values, undefined, formErrors(fromZodError(parsed.error)), 400)
      await priorities.create(parsed.data)
      req.session.flash = `Priority “${parsed.data.title}” added`
      res.redirect(303, '/priorities')
    },
    async editForm(req: Request, res: Response) {
      const priority = await priorities.get(req.params.priorityId)
      render(res, { title: priority.title, description: priority.description, archived: priority.archived }, String(priority._id))
    },
    async update(req: Request, res: Response) {
      const priority = await priorities.get(req.params.priorityId)
      const values = read(req.body)
      const parsed = schema.safeParse(values)
      if (!parsed.success) return render(res, values, String(priority._id), formErrors(fromZodError(parsed.error)), 400)
      await priorities.update(String(priority._id), { ...parsed.data, archived: Boolean(values.archived) })
      req.session.flash = 'Priority saved'
      res.redirect(303, '/priorities')
    },
  }
}
