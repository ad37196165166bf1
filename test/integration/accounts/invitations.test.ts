import { expect } from 'chai'
import { AccountToken } from '../../../models/account-token'
import { OutboxMessage } from '../../../models/outbox-message'
import { User } from '../../../models/user'
import { browserFor, buildTestApp, TEST_BASE_URL, type TestApp } from '../../support/test-app'
import { insertUser, linkIn, signedIn, TEST_PASSWORD } from '../../support/users'

describe('invitations', () => {
  let t: TestApp
  beforeEach(async () => {
    t = await buildTestApp()
  })

  async function invite(email: string, role = 'doctor') {
    const { browser } = await signedIn(t, ['lead'])
    const response = await browser.submit('/people/invite', { email, role })
    expect(response.status).to.equal(303)
    const message = await OutboxMessage.findOne({ to: email.toLowerCase() }).sort({ createdAt: -1 }).lean()
    return { browser, message: message!, path: new URL(linkIn(message!.text, `${TEST_BASE_URL}/invitations/`)).pathname }
  }

  it('emails an invited doctor a single-use link where they set a name and password and arrive signed in', async () => {
    const { message, path } = await invite('new.doctor@example.nhs.uk')
    expect(message.subject).to.equal('You have been invited to Tandem')
    expect(message.text).to.contain('as a doctor')
    expect(message.text).to.contain('expires in 7 days')

    const invited = browserFor(t.app)
    const form = await invited.get(path)
    expect(form.status).to.equal(200)
    expect(form.text).to.contain('new.doctor@example.nhs.uk')
    const accepted = await invited.submit(path, { name: 'Nia Doctor', password: 'kettle meadow violin 7' })
    expect(accepted.status).to.equal(303)
    expect((await invited.get('/')).text).to.contain('Hello, Nia Doctor')

    const user = await User.findOne({ email: 'new.doctor@example.nhs.uk' }).lean()
    expect(user?.status).to.equal('active')
    expect(user?.roles).to.deep.equal(['doctor'])

    const again = await browserFor(t.app).get(path)
    expect(again.status).to.equal(410)
    expect(again.text).to.contain('already been used')
  })

  it('stores only a hash of the token', async () => {
    const { path } = await invite('hash.check@example.nhs.uk')
    const token = path.split('/').pop()!
    const rows = await AccountToken.find().lean()
    expect(rows).to.have.length.greaterThan(0)
    expect(JSON.stringify(rows)).not.to.contain(token)
    expect(token).to.match(/^[A-Za-z0-9_-]{43}$/) // 256 random bits
  })

  it('refuses a link after 7 days', async () => {
    const { path } = await invite('late@example.nhs.uk')
    t.clock.advance(7 * 24 * 60 * 60 * 1000 + 60_000)
    const response = await browserFor(t.app).get(path)
    expect(response.status).to.equal(410)
    expect(response.text).to.contain('This link has expired')
    const post = await browserFor(t.app).submit('/sign-in', { name: 'Late', password: 'kettle meadow violin 7' }, path)
    expect(post.status).to.equal(410)
    expect((await User.findOne({ email: 'late@example.nhs.uk' }).lean())?.status).to.equal('invited')
  })

  it('answers an unknown or malformed link with a 404 explanation', async () => {
    expect((await browserFor(t.app).get(`/invitations/${'A'.repeat(43)}`)).status).to.equal(404)
    expect((await browserFor(t.app).get('/invitations/short')).status).to.equal(404)
  })

  it('keeps the name but not the password when the acceptance form has mistakes', async () => {
    const { path } = await invite('typo@example.nhs.uk')
    const response = await browserFor(t.app).submit(path, { name: 'Tam Typo', password: 'typo@example' })
    expect(response.status).to.equal(400)
    expect(response.text).to.contain('href="#password"')
    expect(response.text).to.contain('value="Tam Typo"')
  })

  it('adds the role to someone who already has an account, without a new password link', async () => {
    const existing = await insertUser({ email: 'both@example.nhs.uk', roles: ['doctor'] })
    const { browser } = await signedIn(t, ['lead'])
    const response = await browser.submit('/people/invite', { email: 'BOTH@example.nhs.uk', role: 'manager' })
    expect(response.status).to.equal(303)
    expect((await browser.get('/people/invite')).text).to.contain('already has an account')
    const user = await User.findById(existing._id).lean()
    expect(user?.roles).to.have.members(['doctor', 'manager'])
    const message = await OutboxMessage.findOne({ to: 'both@example.nhs.uk' }).lean()
    expect(message?.subject).to.equal('You have a new role in Tandem')
    expect(message?.text).not.to.contain('/invitations/')
    // Their password still works.
    expect((await browserFor(t.app).submit('/sign-in', { email: 'both@example.nhs.uk', password: TEST_PASSWORD })).status).to.equal(303)
  })

  it('checks the invitation form', async () => {
    const { browser } = await signedIn(t, ['lead'])
    const response = await browser.submit('/people/invite', { email: 'nope', role: 'surgeon' })
    expect(response.status).to.equal(400)
    expect(response.text).to.contain('href="#email"')
    expect(response.text).to.contain('href="#role"')
    expect(response.text).to.contain('value="nope"')
    expect(await OutboxMessage.countDocuments()).to.equal(0)
  })
})
