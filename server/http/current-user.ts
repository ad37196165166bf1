// Loads the signed-in person for every request and exposes them to views.
// The person is kept for KEEP_MS after it is read (decision 015): a change made
// in this process is seen at once, one made by another app process within that.
import type { NextFunction, Request, Response } from 'express'
import { isValidObjectId } from 'mongoose'
import type { Role } from '../../models/user'
import { keptPerson } from '../kept-people'

export type CurrentUser = { id: string; email: string; name: string; roles: Role[] }

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      user?: CurrentUser
    }
  }
}

export async function loadCurrentUser(req: Request, res: Response, next: NextFunction) {
  const id = req.session?.userId
  if (id && isValidObjectId(id)) {
    const person = await keptPerson(id)
    if (person?.status === 'active') {
      req.user = { id, email: person.email, name: person.name, roles: person.roles as Role[] }
      res.locals.currentUser = req.user
    } else {
      delete req.session.userId
    }
  }
  if (req.session?.flash) {
    res.locals.flash = req.session.flash
    delete req.session.flash
  }
  next()
}
