// The one place where errors become responses: domain errors map to their
// status and an NHS.UK page; anything unexpected is a 500 that never shows a
// stack trace outside development.
import type { ErrorRequestHandler, RequestHandler } from 'express'
import { DomainError } from '../errors'
import type { Logger } from '../logger'
import { isCsrfError } from './csrf'

export const notFoundHandler: RequestHandler = (_req, res) => {
  res.status(404).render('pages/errors/not-found')
}

export function setUpErrorHandler(options: { logger: Logger; showStack: boolean }): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error)
    if (isCsrfError(error)) {
      res.status(403).render('pages/errors/csrf')
      return
    }
    // Malformed bodies from body parsers (too large, bad encoding) are the client's fault.
    const status = (error as { status?: number; statusCode?: number })?.status
    if (error instanceof DomainError && error.status < 500) {
      res.status(error.status)
      if (error.status === 404) return res.render('pages/errors/not-found')
      return res.render('pages/errors/problem', { title: titleFor(error.status), message: error.message })
    }
    if (typeof status === 'number' && status >= 400 && status < 500) {
      res.status(status).render('pages/errors/problem', { title: titleFor(status), message: 'The request could not be read.' })
      return
    }
    // Only the error itself is logged: never the request body or the person.
    options.logger.error({ err: error, reqId: req.id }, 'Unhandled error')
    res.status(500).render('pages/errors/server-error', {
      stack: options.showStack ? ((error as Error)?.stack ?? String(error)) : undefined,
    })
  }
}

function titleFor(status: number): string {
  switch (status) {
    case 403:
      return 'You do not have permission to see this page'
    case 409:
      return 'That could not be done'
    case 413:
      return 'The file or form is too large'
    case 429:
      return 'Too many attempts'
    default:
      return 'There is a problem with your request'
  }
}
