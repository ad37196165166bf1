// Route guards. Every route that shows or changes anything private sits behind
// one of these; ownership checks (a doctor sees only their own pair) live in
// the services, which know what is being asked for.
import type { NextFunction, Request, Response } from 'express'
import type { Role } from '../../models/user'
import { ForbiddenError } from '../errors'

export function requireSignIn(req: Request, res: Response, next: NextFunction) {
  if (req.user) return next()
  if (req.method === 'GET') req.session.returnTo = req.originalUrl
  res.redirect(303, '/sign-in')
}

export function requireRole(...roles: Role[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.user) return requireSignIn(req, res, next)
    if (!req.user.roles.some(role => roles.includes(role))) throw new ForbiddenError()
    next()
  }
}

/** Only a path on this site, so that a crafted link cannot send someone elsewhere after sign-in. */
export function safeReturnPath(candidate: unknown): string {
  if (typeof candidate !== 'string' || !candidate.startsWith('/') || candidate.startsWith('//')) return '/'
  if (candidate.includes('\\')) return '/'
  return candidate
}
