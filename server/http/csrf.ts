// Synchroniser-token CSRF protection: a token kept in the session must come
// back in every POST (hidden `_csrf` field, or an X-CSRF-Token header).
// Multipart forms (file uploads) are checked by their route once the body is
// read: see verifyCsrfAfterUpload.
import type { NextFunction, Request, Response } from 'express'
import { Router } from 'express'
import { csrfSync } from 'csrf-sync'

const { csrfSynchronisedProtection, generateToken } = csrfSync({
  getTokenFromRequest: req => {
    const fromBody = (req.body as Record<string, unknown> | undefined)?._csrf
    if (typeof fromBody === 'string') return fromBody
    const header = req.headers['x-csrf-token']
    return typeof header === 'string' ? header : undefined
  },
})

export function exposeCsrfToken(req: Request, res: Response, next: NextFunction) {
  res.locals.csrfToken = generateToken(req)
  next()
}

export function setUpCsrf() {
  const router = Router()
  router.use(csrfSynchronisedProtection)
  router.use(exposeCsrfToken)
  return router
}

/** For a route that parses its own multipart body: run after the parser. */
export const verifyCsrfAfterUpload = csrfSynchronisedProtection

export function isCsrfError(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'EBADCSRFTOKEN'
}
