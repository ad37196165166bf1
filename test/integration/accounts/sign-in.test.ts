import { expect } from 'chai'
import { browserFor, buildTestApp, csrfFrom, type TestApp } from '../../support/test-app'
import { insertUser, TEST_PASSWORD } from '../../support/users'

const sessionCookie = (headers: Record<string, unknown>) =>
  ((headers['set-cookie'] as string[] | undefined) ?? []).find(c => c.startsWith('tandem.sid='))?.split(';')[0]

describe('signing in and out', () => {
  let t: TestApp
  beforeEach(async () => {
    t = await buildTestApp()
  })

  it('signs a person in with a new session id and shows their name', async () => {
    const user = await insertUser({ name: 'Dev Doctor', roles: ['doctor'] })
    const browser = browserFor(t.app)
    const form = await browser.get('/sign-in')
    const before = sessionCookie(form.headers)
    const response = await browser.agent.post('/sign-in').type('form').send({ _csrf: csrfFrom(form.text), email: user.email.toUpperCase(), password: TEST_PASSWORD })
    expect(response.status).to.equal(303)
    const after = sessionCookie(response.headers)
    expect(after).to.be.a('string')
    expect(after).not.to.equal(before)
    expect(String(response.headers['set-cookie'])).to.match(/HttpOnly/i).and.match(/SameSite=Lax/i)
    expect((await browser.get('/')).text).to.contain('Dev Doctor')
  })

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const user = await insertUser()
    const wrong = await browserFor(t.app).submit('/sign-in', { email: user.email, password: 'not the password at all' })
    const unknown = await browserFor(t.app).submit('/sign-in', { email: 'nobody@example.nhs.uk', password: 'not the password at all' })
    for (const response of [wrong, unknown]) {
      expect(response.status).to.equal(400)
      expect(response.text).to.contain('these do not match')
      expect(response.text).to.contain('href="#email"')
    }
  })

  it('refuses an account after 10 failures in 15 minutes, even with the right password, then lets it in later', async () => {
    const user = await insertUser()
    const browser = browserFor(t.app)
    for (let i = 0; i < 10; i += 1) {
      expect((await browser.submit('/sign-in', { email: user.email, password: `wrong guess number ${i}` })).status).to.equal(400)
    }
    const blocked = await browser.submit('/sign-in', { email: user.email, password: TEST_PASSWORD })
    expect(blocked.status).to.equal(429)
    expect(blocked.text).to.contain('too many times')
    t.clock.advance(15 * 60 * 1000 + 1000)
    expect((await browser.submit('/sign-in', { email: user.email, password: TEST_PASSWORD })).status).to.equal(303)
  })

  it('refuses an IP address that has failed 10 times across different accounts', async () => {
    const target = await insertUser()
    const browser = browserFor(t.app)
    for (let i = 0; i < 10; i += 1) {
      await browser.submit('/sign-in', { email: `guess${i}@example.nhs.uk`, password: 'wrong password here' })
    }
    expect((await browser.submit('/sign-in', { email: target.email, password: TEST_PASSWORD })).status).to.equal(429)
  })

  it('returns a person to the page they asked for after sign-in', async () => {
    const lead = await insertUser({ roles: ['lead'] })
    const browser = browserFor(t.app)
    const asked = await browser.get('/people/invite')
    expect(asked.status).to.equal(303)
    expect(asked.headers.location).to.equal('/sign-in')
    const response = await browser.submit('/sign-in', { email: lead.email, password: TEST_PASSWORD })
    expect(response.headers.location).to.equal('/people/invite')
  })

  it('signs out, after which private pages ask for sign-in again', async () => {
    const lead = await insertUser({ roles: ['lead'] })
    const browser = browserFor(t.app)
    await browser.submit('/sign-in', { email: lead.email, password: TEST_PASSWORD })
    expect((await browser.get('/people/invite')).status).to.equal(200)
    const out = await browser.submit('/', {}, '/sign-out')
    expect(out.status).to.equal(303)
    expect((await browser.get('/people/invite')).status).to.equal(303)
  })

  it('refuses a POST without a valid CSRF token with a 403 page, and changes nothing', async () => {
    const user = await insertUser()
    const browser = browserFor(t.app)
    await browser.get('/sign-in')
    const missing = await browser.agent.post('/sign-in').type('form').send({ email: user.email, password: TEST_PASSWORD })
    expect(missing.status).to.equal(403)
    expect(missing.text).to.contain('Your form has expired')
    const forged = await browser.agent.post('/sign-in').type('form').send({ _csrf: 'forged-token', email: user.email, password: TEST_PASSWORD })
    expect(forged.status).to.equal(403)
    expect((await browser.get('/')).headers.location).to.equal('/sign-in')
  })

  it('treats operator-shaped form fields as plain text', async () => {
    await insertUser()
    const same = browserFor(t.app)
    const form = await same.get('/sign-in')
    const attempt = await same.agent.post('/sign-in').type('form').send(`_csrf=${encodeURIComponent(csrfFrom(form.text))}&email[$ne]=x&password[$ne]=x`)
    expect(attempt.status).to.equal(400)
    expect(attempt.text).to.contain('Enter your email address')
  })
})
