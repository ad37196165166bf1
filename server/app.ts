// createApp(services): every middleware and route, in order, and no listen().
import express from 'express'
import { accountsRoutes } from './accounts/accounts.routes'
import { boardsRoutes } from './boards/boards.routes'
import { calendarFeedPageRoutes, calendarFeedRoutes } from './calendar/calendar.routes'
import { cohortsRoutes } from './cohorts/cohorts.routes'
import { compactRoutes } from './compact/compact.routes'
import { exportsRoutes } from './exports/exports.routes'
import { dashboardRoutes } from './dashboard/dashboard.routes'
import { nudgesRoutes } from './nudges/nudges.routes'
import { projectsRoutes } from './projects/projects.routes'
import { healthRoutes } from './health.routes'
import { importRoutes, importUploadRoutes } from './imports/import.routes'
import { peopleRoutes } from './people/people.routes'
import { prioritiesRoutes } from './priorities/priorities.routes'
import { measureRoutes } from './projects/measure-routes'
import { proposalsRoutes } from './proposals/proposals.routes'
import { rankingsRoutes } from './rankings/rankings.routes'
import { shadowingRoutes } from './shadowing/shadowing.routes'
import { workshopsRoutes } from './workshops/workshops.routes'
import { homeRoutes } from './home.routes'
import { setUpCsrf } from './http/csrf'
import { loadCurrentUser } from './http/current-user'
import { notFoundHandler, setUpErrorHandler } from './http/error-handler'
import { setUpRequestLogging } from './http/request-logging'
import { setUpSecurityHeaders } from './http/security-headers'
import { createSessionStore, setUpSessions } from './http/sessions'
import { setUpStaticAssets } from './http/static-assets'
import { escapeHtml } from './escape-html'
import { formatDate, formatDateTime } from './format'
import { devMailRoutes } from './mail/dev-mail.routes'
import { VIEWS_DIR } from './paths'
import type { Services } from './services'

export function createApp(services: Services, options: { sessionStore?: ReturnType<typeof createSessionStore> } = {}) {
  const { config } = services
  const app = express()
  app.set('views', VIEWS_DIR)
  app.set('view engine', 'ejs')
  app.set('trust proxy', config.trustProxy)
  app.disable('x-powered-by')
  // Pages are sent with Cache-Control: no-store, so a browser never asks again with an
  // ETag; hashing every page for one cost a millisecond on the 400 kB network view.
  // The calendar feed sets its own, and static files theirs.
  app.set('etag', false)
  app.locals.devMailEnabled = !config.production
  Object.assign(app.locals, { formatDate, formatDateTime, escapeHtml })

  app.use(setUpRequestLogging(services.logger))
  app.use(setUpSecurityHeaders(config.production))
  app.use(setUpStaticAssets())
  app.use(healthRoutes(services))
  // Calendar apps fetch the private feed without cookies: before sessions, like health checks.
  app.use(calendarFeedRoutes(services))
  // Flat form fields only: no nested objects that could smuggle query operators.
  app.use(express.urlencoded({ extended: false, limit: '100kb', parameterLimit: 200 }))
  app.use(setUpSessions({ secret: config.sessionSecret, production: config.production, store: options.sessionStore ?? createSessionStore() }))
  app.use(loadCurrentUser)
  // Multipart uploads check CSRF themselves once the body is read.
  app.use(importUploadRoutes(services))
  app.use(setUpCsrf())
  app.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store')
    next()
  })

  app.use(homeRoutes(services))
  app.use(accountsRoutes(services))
  app.use(cohortsRoutes(services))
  app.use(prioritiesRoutes(services))
  app.use(peopleRoutes(services))
  app.use(calendarFeedPageRoutes(services))
  app.use(proposalsRoutes(services))
  app.use(shadowingRoutes(services))
  app.use(workshopsRoutes(services))
  app.use(compactRoutes(services))
  app.use(nudgesRoutes(services))
  app.use(dashboardRoutes(services))
  app.use(projectsRoutes(services))
  app.use(measureRoutes(services))
  app.use(rankingsRoutes(services))
  app.use(importRoutes(services))
  app.use(exportsRoutes(services))
  app.use(boardsRoutes(services))
  if (!config.production) app.use(devMailRoutes(services))

  app.use(notFoundHandler)
  app.use(setUpErrorHandler({ logger: services.logger, showStack: config.env === 'development' }))
  return app
}
