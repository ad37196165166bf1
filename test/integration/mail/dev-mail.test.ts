import { expect } from 'chai'
import { browserFor, buildTestApp } from '../../support/test-app'

describe('/dev/mail', () => {
  it('shows the outbox as a mailbox outside production', async () => {
    const t = await buildTestApp()
    await t.services.outbox.enqueue({ to: 'a@example.nhs.uk', subject: 'Hello <there>', text: 'Body with a link http://x/y', dedupeKey: 'dev:1' })
    const browser = browserFor(t.app)
    const list = await browser.get('/dev/mail')
    expect(list.status).to.equal(200)
    expect(list.text).to.contain('Hello &lt;there&gt;')
    const id = /href="\/dev\/mail\/([a-f0-9]{24})"/.exec(list.text)![1]
    const message = await browser.get(`/dev/mail/${id}`)
    expect(message.text).to.contain('Body with a link http://x/y')
    expect((await browser.get('/dev/mail/nonsense')).status).to.equal(404)
  })

  it('does not exist in production', async () => {
    const t = await buildTestApp({
      env: { NODE_ENV: 'production', MONGODB_URI: 'mongodb://unused/tandem', SESSION_SECRET: 'x'.repeat(40), PASSWORD_HASH_COST: '17' },
    })
    expect((await browserFor(t.app).get('/dev/mail')).status).to.equal(404)
  })
})
