// What every page tells the browser about where its scripts, styles and fonts may
// come from, and that it may not be framed or kept.
import { expect } from 'chai'
import supertest from 'supertest'
import { buildTestApp } from '../support/test-app'

/** The policy's directives by name, each with its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map(d => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  )
}

describe('security headers', () => {
  it('lets only the page’s own inline script run, with a nonce new to each response', async () => {
    const { app } = await buildTestApp()
    const nonces: string[] = []
    for (let i = 0; i < 2; i++) {
      const response = await supertest(app).get('/sign-in')
      const policy = directives(response.headers['content-security-policy'] as string)
      const scriptSources = policy.get('script-src')!
      expect(scriptSources[0]).to.equal("'self'")
      const nonce = /^'nonce-([A-Za-z0-9+/=]+)'$/.exec(scriptSources[1]!)?.[1]
      expect(nonce, 'a nonce in script-src').to.be.a('string')
      expect(scriptSources).to.have.length(2)
      // Every inline script on the page carries it; nothing else may run inline.
      const inline = [...response.text.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map(m => m[1])
      expect(inline).to.have.length.greaterThan(0)
      for (const attributes of inline) expect(attributes).to.include(`nonce="${nonce}"`)
      nonces.push(nonce!)
    }
    expect(nonces[0]).not.to.equal(nonces[1])
  })

  it('takes styles from our own origin, the NHS font from assets.nhs.uk, and refuses framing and plugins', async () => {
    const { app } = await buildTestApp()
    const response = await supertest(app).get('/sign-in')
    const policy = directives(response.headers['content-security-policy'] as string)
    expect(policy.get('default-src')).to.deep.equal(["'self'"])
    expect(policy.get('style-src')).to.deep.equal(["'self'"])
    expect(policy.get('font-src')).to.deep.equal(["'self'", 'https://assets.nhs.uk'])
    expect(policy.get('frame-ancestors')).to.deep.equal(["'none'"])
    expect(policy.get('object-src')).to.deep.equal(["'none'"])
    expect(policy.get('form-action')).to.deep.equal(["'self'"])
    expect(response.headers['x-content-type-options']).to.equal('nosniff')
    expect(response.headers['cache-control']).to.equal('no-store')
    expect(response.headers['x-powered-by']).to.equal(undefined)
    // Plain http in tests: no HSTS and no upgrade outside production.
    expect(response.headers['strict-transport-security']).to.equal(undefined)
    expect(policy.has('upgrade-insecure-requests')).to.equal(false)
  })

  it('in production, tells browsers to use https for a year and upgrades any http request', async () => {
    const { app } = await buildTestApp({ env: { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), PASSWORD_HASH_COST: '17', MONGODB_URI: 'mongodb://127.0.0.1:1/unused', SMTP_URL: 'smtp://127.0.0.1:1' } })
    const response = await supertest(app).get('/sign-in')
    expect(response.headers['strict-transport-security']).to.equal('max-age=31536000; includeSubDomains')
    expect(directives(response.headers['content-security-policy'] as string).has('upgrade-insecure-requests')).to.equal(true)
  })
})
