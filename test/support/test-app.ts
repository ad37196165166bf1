// The real app, with a fixed clock and a test configuration, for route tests.
import type { Express } from 'express'
import supertest from 'supertest'
import { claimOnce } from '../../server/db/claims'
import { createApp } from '../../server/app'
import { fixedClock } from '../../server/clock'
import { loadConfig } from '../../server/config'
import { createLogger } from '../../server/logger'
import { createServices, type Services } from '../../server/services'
import { createSessionStore } from '../../server/http/sessions'
import { startTestDatabase } from './database'

export const TEST_BASE_URL = 'http://tandem.test'
export const START_TIME = new Date('2026-11-23T09:00:00Z')

let sharedStore: ReturnType<typeof createSessionStore> | undefined

export type TestApp = { app: Express; services: Services; clock: ReturnType<typeof fixedClock> }

/** `fresh: true` leaves the installation un-set-up (no first lead yet), for the /setup tests. */
export async function buildTestApp(options: { env?: Record<string, string>; fresh?: boolean } = {}): Promise<TestApp> {
  const database = await startTestDatabase()
  if (!options.fresh) await claimOnce('setup-complete')
  // Cheaper password hashing keeps the suite fast; production refuses less than 17.
  const config = loadConfig({ NODE_ENV: 'test', BASE_URL: TEST_BASE_URL, PASSWORD_HASH_COST: '14', ...options.env })
  const clock = fixedClock(START_TIME)
  const services = createServices({ config, clock, database, logger: createLogger('silent') })
  return { app: createApp(services, { sessionStore: sharedSessionStore() }), services, clock }
}

/** One session store for the whole run (each store keeps a sweep timer). */
export function sharedSessionStore() {
  if (!sharedStore) {
    sharedStore = createSessionStore()
    // express-session subscribes to the store once per app; tests build many apps.
    sharedStore.setMaxListeners(0)
  }
  return sharedStore
}

/** The CSRF token from the first form on a page. */
export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html)
  if (!match?.[1]) throw new Error('No CSRF token on the page')
  return match[1]
}

/** A cookie-keeping client that fetches a form page and posts to it with its CSRF token. */
export function browserFor(app: Express) {
  const agent = supertest.agent(app)
  return {
    agent,
    get: (path: string) => agent.get(path),
    async submit(formPage: string, fields: Record<string, string | string[]>, action = formPage) {
      const page = await agent.get(formPage)
      const body = new URLSearchParams()
      for (const [key, value] of Object.entries({ _csrf: csrfFrom(page.text), ...fields })) {
        for (const v of Array.isArray(value) ? value : [value]) body.append(key, v)
      }
      return agent.post(action).type('form').send(body.toString())
    },
  }
}
