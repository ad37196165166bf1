import { expect } from 'chai'
import { User } from '../../../models/user'
import { browserFor, buildTestApp, csrfFrom, type TestApp } from '../../support/test-app'

describe('first-run set-up', () => {
  let t: TestApp
  beforeEach(async () => {
    t = await buildTestApp({ fresh: true })
  })

  it('sends a new installation from the home page to /setup', async () => {
    const response = await browserFor(t.app).get('/')
    expect(response.status).to.equal(303)
    expect(response.headers.location).to.equal('/setup')
  })

  it('creates the first programme lead, signs them in, and then is gone', async () => {
    const browser = browserFor(t.app)
    const created = await browser.submit('/setup', { name: 'Ada Lead', email: 'Ada.Lead@example.nhs.uk', password: 'plum orchard lantern 42' })
    expect(created.status).to.equal(303)
    const home = await browser.get('/')
    expect(home.status).to.equal(200)
    expect(home.text).to.contain('Hello, Ada Lead')
    const lead = await User.findOne({ email: 'ada.lead@example.nhs.uk' }).lean()
    expect(lead?.roles).to.deep.equal(['lead'])
    expect(lead?.passwordHash).to.match(/^scrypt\$/)

    expect((await browser.get('/setup')).status).to.equal(404)
    const again = await browser.agent.post('/setup').type('form').send({ _csrf: csrfFrom(home.text), name: 'X', email: 'x@example.nhs.uk', password: 'plum orchard lantern 42' })
    expect(again.status).to.equal(404)
    expect(await User.countDocuments()).to.equal(1)
  })

  it('answers each mistake in the error summary and keeps what was typed, but not the password', async () => {
    const response = await browserFor(t.app).submit('/setup', { name: '', email: 'not-an-email', password: 'short' })
    expect(response.status).to.equal(400)
    expect(response.text).to.contain('<title>Error: Set up Tandem')
    expect(response.text).to.contain('href="#name"')
    expect(response.text).to.contain('Enter your full name')
    expect(response.text).to.contain('href="#email"')
    expect(response.text).to.contain('Enter an email address in the correct format')
    expect(response.text).to.contain('href="#password"')
    expect(response.text).to.contain('Password must be 12 characters or more')
    expect(response.text).to.contain('value="not-an-email"')
    expect(response.text).not.to.contain('value="short"')
    expect(await User.countDocuments()).to.equal(0)
  })

  it('refuses one of the commonest passwords even when long enough', async () => {
    const response = await browserFor(t.app).submit('/setup', { name: 'Ada', email: 'ada@example.nhs.uk', password: 'Password12345!' })
    expect(response.status).to.equal(400)
    expect(response.text).to.contain('harder to guess')
  })

  it('creates exactly one lead when two people submit set-up at the same moment', async () => {
    const a = browserFor(t.app)
    const b = browserFor(t.app)
    const [pageA, pageB] = await Promise.all([a.get('/setup'), b.get('/setup')])
    const post = (browser: typeof a, html: string, email: string) =>
      browser.agent.post('/setup').type('form').send({ _csrf: csrfFrom(html), name: 'Lead', email, password: 'plum orchard lantern 42' })
    const results = await Promise.all([post(a, pageA.text, 'a@example.nhs.uk'), post(b, pageB.text, 'b@example.nhs.uk')])
    const [winner, loser] = results.map(r => r.status).sort()
    expect(winner).to.equal(303)
    // The loser either lost the claim (409) or arrived after it (404): never a second lead.
    expect([404, 409]).to.include(loser)
    expect(await User.countDocuments()).to.equal(1)
  })
})
