// The trust's organisational priorities (the golden thread), kept by leads.
import { isValidObjectId } from 'mongoose'
import { Priority } from '../../models/priority'
import { NotFoundError } from '../errors'

export type PriorityInput = { title: string; description: string }

export type PrioritiesService = ReturnType<typeof createPrioritiesService>

export function createPrioritiesService() {
  return {
    list: (options: { includeArchived?: boolean } = {}) =>
      Priority.find(options.includeArchived ? {} : { archived: false }).sort({ archived: 1, title: 1 }).lean(),

    async get(id: unknown) {
      if (typeof id !== 'string' || !isValidObjectId(id)) throw new NotFoundError()
      const priority = await Priority.findById(id)
      if (!priority) throw new NotFoundError()
      return priority
    },

    create: (input: PriorityInput) => Priority.create(input),

    async update(id: unknown, input: PriorityInput & { archived: boolean }) {
      const priority = await this.get(id)
      Object.assign(priority, input)
      await priority.save()
    },
  }
}
