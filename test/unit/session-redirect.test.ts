// A redirect carries the session's changes: the page it leads to sees them even
// when the store is slow and the browser follows the 303 before the body ends.
import { expect } from 'chai'
import express from 'express'
import session from 'express-session'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { setUpSessions } from '../../server/http/sessions'

/** A memory store whose writes land 150 ms late, as a busy database's might. */
class SlowStore extends session.MemoryStore {
  override set(sid: string, data: session.SessionData, callback?: (err?: unknown) => void) {
    setTimeout(() => super.set(sid, data, callback), 150)
  }
}

function get(url: string, cookie?: string): Promise<http.IncomingMessage & { body?: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: cookie ? { cookie } : {} }, response => {
        // Resolve on the headers, as a browser follows a redirect, without waiting for the body.
        if (response.statusCode === 303) return resolve(response)
        let body = ''
        response.on('data', chunk => (body += chunk))
        response.on('end', () => resolve(Object.assign(response, { body })))
      })
      .on('error', reject)
  })
}

describe('saving the session before a redirect', () => {
  let server: http.Server
  let base: string
  before(async () => {
    const app = express()
    app.use(setUpSessions({ secret: 'test secret', production: false, store: new SlowStore() }))
    app.get('/act', (req, res) => {
      req.session.flash = 'Measure added'
      res.redirect(303, '/next')
    })
    app.get('/next', (req, res) => {
      res.send(req.session.flash ?? 'nothing')
    })
    server = app.listen(0, '127.0.0.1')
    await new Promise(resolve => server.once('listening', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  after(() => new Promise(resolve => server.close(resolve)))

  it('shows the next page the message set before the redirect', async () => {
    const redirect = await get(`${base}/act`)
    expect(redirect.statusCode).to.equal(303)
    const cookie = String(redirect.headers['set-cookie']).split(';')[0]
    const next = await get(`${base}/next`, cookie)
    expect(next.body).to.equal('Measure added')
  })
})
