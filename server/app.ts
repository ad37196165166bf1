// createApp(services): every middleware and route, in order, and no listen().
import express, { type RequestHandler } from 'express'
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
import { setUpViews } from './http/views'
import { escapeHtml } from './escape-html'
import { formatDate, formatDateTime } from './format'
import { devMailRoutes } from './mail/dev-mail.routes'
import type { Services } from './services'

type SessionStore = ReturnType<typeof createSessionStore>

export function createApp(services: Services, options: { sessionStore?: SessionStore } = {}) {
  const { config } = services
  return createPipeline(services, options, {
    // Calendar apps fetch the private feed without cookies: before sessions, like health checks.
    withoutSession: [healthRoutes(services), calendarFeedRoutes(services)],
    // Multipart uploads check CSRF themselves once the body is read.
    beforeCsrf: [importUploadRoutes(services)],
    pages: [
      homeRoutes(services),
      accountsRoutes(services),
      cohortsRoutes(services),
      prioritiesRoutes(services),
      peopleRoutes(services),
      calendarFeedPageRoutes(services),
      proposalsRoutes(services),
      shadowingRoutes(services),
      workshopsRoutes(services),
      compactRoutes(services),
      nudgesRoutes(services),
      dashboardRoutes(services),
      projectsRoutes(services),
      measureRoutes(services),
      rankingsRoutes(services),
      importRoutes(services),
      exportsRoutes(services),
      boardsRoutes(services),
      ...(config.production ? [] : [devMailRoutes(services)]),
    ],
  })
}

type Routes = { withoutSession: RequestHandler[]; beforeCsrf: RequestHandler[]; pages: RequestHandler[] }

/**
 * What every request passes through, in order, with the routes in their places.
 * The web benchmark mounts a page of its own on it, to measure what this costs.
 */
export function createPipeline(services: Services, options: { sessionStore?: SessionStore }, routes: Routes) {
  const { config } = services
  const app = express()
  setUpViews(app)
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
  for (const route of routes.withoutSession) app.use(route)
  // Flat form fields only: no nested objects that could smuggle query operators.
  app.use(express.urlencoded({ extended: false, limit: '100kb', parameterLimit: 200 }))
  app.use(setUpSessions({ secret: config.sessionSecret, production: config.production, store: options.sessionStore ?? createSessionStore() }))
  app.use(loadCurrentUser)
  for (const route of routes.beforeCsrf) app.use(route)
  app.use(setUpCsrf())
  app.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store')
    next()
  })
  for (const route of routes.pages) app.use(route)

  app.use(notFoundHandler)
  app.use(setUpErrorHandler({ logger: services.logger, showStack: config.env === 'development' }))
  return app
}
