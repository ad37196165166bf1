import { expect } from 'chai'
import { OutboxMessage } from '../../../models/outbox-message'
import { browserFor, buildTestApp, TEST_BASE_URL, type TestApp } from '../../support/test-app'
import { insertUser, linkIn, TEST_PASSWORD } from '../../support/users'

describe('password reset', () => {
  let t: TestApp
  beforeEach(async () => {
    t = await buildTestApp()
  })

  async function requestReset(email: string) {
    const response = await browserFor(t.app).submit('/password-reset', { email })
    expect(response.status).to.equal(200)
    expect(response.text).to.contain('Check your email')
    const message = await OutboxMessage.findOne({ to: email }).sort({ createdAt: -1 }).lean()
    return message ? new URL(linkIn(message.text, `${TEST_BASE_URL}/password-reset/`)).pathname : undefined
  }

  it('emails a link that sets a new password once', async () => {
    const user = await insertUser({ email: 'forgetful@example.nhs.uk' })
    const path = await requestReset(user.email)
    expect(path).to.be.a('string')
    const browser = browserFor(t.app)
    expect((await browser.get(path!)).status).to.equal(200)
    const changed = await browser.submit(path!, { password: 'granite harbour pepper 9' })
    expect(changed.status).to.equal(303)

    expect((await browserFor(t.app).submit('/sign-in', { email: user.email, password: TEST_PASSWORD })).status).to.equal(400)
    expect((await browserFor(t.app).submit('/sign-in', { email: user.email, password: 'granite harbour pepper 9' })).status).to.equal(303)
    expect((await browserFor(t.app).get(path!)).status).to.equal(410)
  })

  it('gives the same answer for an unknown address and sends nothing', async () => {
    expect(await requestReset('stranger@example.nhs.uk')).to.equal(undefined)
    expect(await OutboxMessage.countDocuments()).to.equal(0)
  })

  it('expires the link after an hour', async () => {
    const user = await insertUser()
    const path = await requestReset(user.email)
    t.clock.advance(61 * 60 * 1000)
    const response = await browserFor(t.app).get(path!)
    expect(response.status).to.equal(410)
    expect(response.text).to.contain('expired')
  })

  it('sends at most three reset emails an hour to one account', async () => {
    const user = await insertUser()
    for (let i = 0; i < 5; i += 1) await requestReset(user.email)
    expect(await OutboxMessage.countDocuments({ to: user.email })).to.equal(3)
    t.clock.advance(61 * 60 * 1000)
    await requestReset(user.email)
    expect(await OutboxMessage.countDocuments({ to: user.email })).to.equal(4)
  })

  it('refuses a weak new password and keeps the old one', async () => {
    const user = await insertUser()
    const path = await requestReset(user.email)
    const response = await browserFor(t.app).submit(path!, { password: 'qwerty123456' })
    expect(response.status).to.equal(400)
    expect(response.text).to.contain('harder to guess')
    expect((await browserFor(t.app).submit('/sign-in', { email: user.email, password: TEST_PASSWORD })).status).to.equal(303)
  })
})
