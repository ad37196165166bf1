// The sessions kept in each app process (server/http/session-cache.ts): a browser's
// next page is served without reading its session from the store, yet a change
// made through another process, or a sign-out, is never hidden by a kept copy.
// Two Express apps with one shared store stand for two app processes and MongoDB.
import { expect } from 'chai'
import express from 'express'
import session from 'express-session'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { destroySession, setUpSessions } from '../../server/http/sessions'

/** A memory store that counts how often a session is read from it. */
class CountingStore extends session.MemoryStore {
  reads = 0
  override get(sid: string, callback: (err: unknown, data?: session.SessionData | null) => void) {
    this.reads += 1
    super.get(sid, callback)
  }
}

declare module 'express-session' {
  interface SessionData {
    visits?: number
  }
}

/** Cookies as a browser keeps them: each Set-Cookie replaces the one of its name. */
class Browser {
  private readonly jar = new Map<string, string>()

  async get(url: string): Promise<string> {
    const cookie = [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ')
    const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: 'manual' })
    for (const set of response.headers.getSetCookie()) {
      const [pair] = set.split(';')
      const [name, ...value] = pair!.split('=')
      this.jar.set(name!, value.join('='))
    }
    return response.text()
  }

  forget(name: string) {
    this.jar.delete(name)
  }

  /** Another browser holding copies of this one's cookies. */
  copy(): Browser {
    const other = new Browser()
    for (const [name, value] of this.jar) other.jar.set(name, value)
    return other
  }
}

function appProcess(store: session.Store) {
  const app = express()
  app.use(setUpSessions({ secret: 'test secret', production: false, store }))
  app.get('/visit', (req, res) => {
    req.session.visits = (req.session.visits ?? 0) + 1
    res.send(String(req.session.visits))
  })
  app.get('/look', (req, res) => {
    res.send(String(req.session.visits ?? 'none'))
  })
  app.get('/sign-out', async (req, res) => {
    await destroySession(req)
    res.send('signed out')
  })
  return app
}

async function listen(app: express.Express): Promise<{ server: http.Server; base: string }> {
  const server = app.listen(0, '127.0.0.1')
  await new Promise(resolve => server.once('listening', resolve))
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

describe('sessions kept in each app process', () => {
  let store: CountingStore
  let one: { server: http.Server; base: string }
  let two: { server: http.Server; base: string }

  beforeEach(async () => {
    store = new CountingStore()
    one = await listen(appProcess(store))
    two = await listen(appProcess(store))
  })
  afterEach(async () => {
    await new Promise(resolve => one.server.close(resolve))
    await new Promise(resolve => two.server.close(resolve))
  })

  it('serves the next pages of a browser without reading its session again', async () => {
    const browser = new Browser()
    expect(await browser.get(`${one.base}/visit`)).to.equal('1')
    const before = store.reads
    expect(await browser.get(`${one.base}/look`)).to.equal('1')
    expect(await browser.get(`${one.base}/look`)).to.equal('1')
    expect(store.reads).to.equal(before)
  })

  it('reads the session afresh when the browser shows a change made through another process', async () => {
    const browser = new Browser()
    await browser.get(`${one.base}/visit`)
    // The second process now keeps the session as it was after the first visit.
    expect(await browser.get(`${two.base}/look`)).to.equal('1')
    expect(await browser.get(`${one.base}/visit`)).to.equal('2')
    expect(await browser.get(`${two.base}/look`)).to.equal('2')
    expect(await browser.get(`${two.base}/visit`)).to.equal('3')
    expect(await browser.get(`${one.base}/look`)).to.equal('3')
  })

  it('reads the store when the browser holds no version of its session', async () => {
    const browser = new Browser()
    await browser.get(`${one.base}/visit`)
    browser.forget('tandem.sv')
    const before = store.reads
    expect(await browser.get(`${one.base}/look`)).to.equal('1')
    expect(store.reads).to.equal(before + 1)
  })

  it('does not bring back a session signed out in the same process', async () => {
    const browser = new Browser()
    await browser.get(`${one.base}/visit`)
    // Someone holding copies of the cookies, before the person signs out.
    const stolen = browser.copy()
    await browser.get(`${one.base}/sign-out`)
    expect(await stolen.get(`${one.base}/look`)).to.equal('none')
  })
})
