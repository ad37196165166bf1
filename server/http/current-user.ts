// Loads the signed-in person for every request and exposes them to views.
import type { NextFunction, Request, Response } from 'express'
import { isValidObjectId } from 'mongoose'
import { User } from '../../models/user'
import type { Role } from '../../models/user'

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
    const user = await User.findOne({ _id: id, status: 'active' }).lean()
    if (user) {
      req.user = { id: String(user._id), email: user.email, name: user.name, roles: user.roles as Role[] }
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
