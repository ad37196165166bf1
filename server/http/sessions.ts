// Sessions live in MongoDB so that any app process can serve any request; each
// process keeps those it has just read, used while the browser's version cookie
// matches (session-cache.ts, decision 015). FerretDB v1 has no TTL indexes, so
// connect-mongo removes expired sessions on an interval instead.
import { MongoStore } from 'connect-mongo'
import type { NextFunction, Request, RequestHandler, Response } from 'express'
import session from 'express-session'
import mongoose from 'mongoose'
import onHeaders from 'on-headers'
import { CachingSessionStore } from './session-cache'

export const SESSION_MAX_AGE_MS = 8 * 60 * 60 * 1000
/** Not a model's collection: made at start-up with the models' (Database.prepareCollections). */
export const SESSIONS_COLLECTION = 'sessions'
const SESSION_TOUCH_AFTER_S = 5 * 60
/** The version of the session the browser last saw (session-cache.ts). */
const VERSION_COOKIE = 'tandem.sv'
const heldVersion = (req: Request) => /(?:^|;\s*)tandem\.sv=([\w-]+)/.exec(req.headers.cookie ?? '')?.[1]

declare module 'express-session' {
  interface SessionData {
    userId?: string
    returnTo?: string
    flash?: string
  }
}

export function createSessionStore(): MongoStore {
  return MongoStore.create({
    client: mongoose.connection.getClient(),
    collectionName: SESSIONS_COLLECTION,
    ttl: SESSION_MAX_AGE_MS / 1000,
    autoRemove: 'interval',
    autoRemoveInterval: 10, // minutes
    stringify: false,
    // A session that did not change is written back at most every 5 minutes, not on
    // every request: on the embedded SQLite engine each write waits its turn, and 50
    // people browsing at once were queueing behind each other's expiry updates.
    touchAfter: SESSION_TOUCH_AFTER_S,
  })
}

export function setUpSessions(options: { secret: string; production: boolean; store: session.Store }): RequestHandler[] {
  const store = new CachingSessionStore(options.store, options.secret, SESSION_TOUCH_AFTER_S * 1000)
  const sessions = session({
    name: 'tandem.sid',
    secret: options.secret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: options.production,
      maxAge: SESSION_MAX_AGE_MS,
    },
  })
  const versioned: RequestHandler = (req, res, next) => {
    const held = heldVersion(req)
    onHeaders(res, () => {
      if (!req.session || Object.keys(req.session).every(key => key === 'cookie')) return
      const version = store.versionOf(req.session)
      if (version === held) return
      res.cookie(VERSION_COOKIE, version, { httpOnly: true, sameSite: 'lax', secure: options.production, maxAge: SESSION_MAX_AGE_MS })
    })
    // express-session asks the store for the session within this call, before it returns.
    store.expect(held)
    try {
      sessions(req, res, next)
    } finally {
      store.expect(undefined)
    }
  }
  return [versioned, saveSessionBeforeRedirect]
}

/**
 * Writes the session to the store before a redirect is sent. express-session writes
 * it only as the response ends, after the headers have gone, and a browser follows a
 * 303 as soon as the headers arrive: the next page could read the session from
 * before, signing a person straight out again or losing the flash message.
 */
export function saveSessionBeforeRedirect(req: Request, res: Response, next: NextFunction) {
  const redirect = res.redirect.bind(res) as (...args: unknown[]) => void
  res.redirect = ((...args: unknown[]) => {
    if (!req.session) return redirect(...args)
    req.session.save(error => (error ? next(error) : redirect(...args)))
  }) as Response['redirect']
  next()
}

/** A new session id at sign-in, so that an id planted before sign-in is worthless. */
export function regenerateSession(req: Express.Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate(error => (error ? reject(error) : resolve())))
}

export function destroySession(req: Express.Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.destroy(error => (error ? reject(error) : resolve())))
}
