// Loads the signed-in person for every request and exposes them to views.
// The person is kept for KEEP_MS after it is read (decision 015): a change made
// in this process is seen at once, one made by another app process within that.
import type { NextFunction, Request, Response } from 'express'
import { isValidObjectId } from 'mongoose'
import { onUsersChanged, User } from '../../models/user'
import type { Role } from '../../models/user'
import { keptBriefly } from '../kept-briefly'

export type CurrentUser = { id: string; email: string; name: string; roles: Role[] }

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      user?: CurrentUser
    }
  }
}

// Writes to people are rare (invitations, imports, a setting): any of them forgets every copy.
const signedIn = keptBriefly<CurrentUser>({ max: 10_000, forgetOn: onUsersChanged })

const activeUser = (id: string) =>
  signedIn.get(id, async () => {
    const user = await User.findOne({ _id: id, status: 'active' }, { email: 1, name: 1, roles: 1 }).lean()
    if (!user) return undefined
    return Object.freeze({ id: String(user._id), email: user.email, name: user.name, roles: Object.freeze([...user.roles]) as Role[] })
  })

export async function loadCurrentUser(req: Request, res: Response, next: NextFunction) {
  const id = req.session?.userId
  if (id && isValidObjectId(id)) {
    const user = await activeUser(id)
    if (user) {
      req.user = user
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
