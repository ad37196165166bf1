// A session store that keeps the sessions this process has just read or written,
// in front of the database store (decision 015). Every signed-in page otherwise
// starts with a database read of its session; on the embedded engine, on two
// cores, that read and the person's were most of a cached dashboard's time.
//
// A kept session is used only when the browser shows it is the one it last saw:
// each response carries a version cookie (an HMAC of the session's contents), and
// a request whose version differs from the kept copy's reads the database. So a
// change made by another app process (a CSRF token, a flash message, signing in)
// is never hidden by an older copy here. What a copy can outlive is a session
// destroyed by another process, for someone still holding its cookies: at most
// KEEP_MS, the bound in the decision.
import { createHmac } from 'node:crypto'
import session from 'express-session'
import { LRUCache } from 'lru-cache'
import { KEEP_MS } from '../kept-briefly'
const MAX_SESSIONS = 10_000

type Data = session.SessionData & { lastModified?: Date }
type Kept = { data: Data; version: string }
type Callback<T = void> = (error?: unknown, value?: T) => void

export class CachingSessionStore extends session.Store {
  private readonly kept = new LRUCache<string, Kept>({ max: MAX_SESSIONS, ttl: KEEP_MS })
  /** The version the current request's browser holds, handed over by `expect` just before express-session asks. */
  private expected: string | undefined

  /** `touchAfterMs`: how old the database store lets a session's touch time grow before it writes a new one. */
  constructor(
    private readonly inner: session.Store,
    private readonly secret: string,
    private readonly touchAfterMs: number,
  ) {
    super()
  }

  /** The version of a session's contents: what the browser is told, and what a kept copy must match. */
  versionOf(data: object): string {
    // The cookie's own fields change on every response (a rolling expiry), and the store's
    // touch time is not the person's data: neither makes a new version.
    const fields = Object.entries(data)
      .filter(([key]) => key !== 'cookie' && key !== 'lastModified')
      .sort(([a], [b]) => (a < b ? -1 : 1))
    return createHmac('sha256', this.secret).update(JSON.stringify(fields)).digest('base64url').slice(0, 22)
  }

  /** Sets the version for the next `get`; express-session asks synchronously within the same call. */
  expect(version: string | undefined) {
    this.expected = version
  }

  get(sid: string, callback: Callback<Data | null>) {
    const expected = this.expected
    this.expected = undefined
    const kept = this.kept.get(sid)
    if (kept && expected && kept.version === expected) return callback(null, structuredClone(kept.data))
    this.inner.get(sid, (error, data) => {
      if (!error && data) this.keep(sid, data)
      callback(error, data)
    })
  }

  set(sid: string, data: Data, callback?: Callback) {
    this.inner.set(sid, data, error => {
      if (error) this.kept.delete(sid)
      else this.keep(sid, data)
      callback?.(error)
    })
  }

  destroy(sid: string, callback?: Callback) {
    this.kept.delete(sid)
    this.inner.destroy(sid, callback)
  }

  override touch(sid: string, data: Data, callback?: Callback) {
    if (!this.inner.touch) return callback?.()
    // The database store writes a new touch time only when the last is old enough, judging
    // by the copy it is given: the kept copy learns the new time, or every request after
    // it would write again.
    const writes = !data.lastModified || Date.now() - +data.lastModified >= this.touchAfterMs
    this.inner.touch(sid, data, (error?: unknown) => {
      const kept = this.kept.get(sid)
      if (!error && writes && kept) kept.data.lastModified = new Date()
      callback?.(error)
    })
  }

  /** A copy of its own, with the cookie as the database store writes it (dates stay dates). */
  private keep(sid: string, data: Data) {
    const cookie = data.cookie as (session.Cookie & { toJSON?: () => object }) | undefined
    const copy = structuredClone({ ...data, cookie: cookie?.toJSON ? cookie.toJSON() : cookie }) as Data
    this.kept.set(sid, { data: copy, version: this.versionOf(copy) })
  }
}
