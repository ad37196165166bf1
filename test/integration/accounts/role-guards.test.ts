import { expect } from 'chai'
import { User } from '../../../models/user'
import { browserFor, buildTestApp, type TestApp } from '../../support/test-app'
import { signedIn } from '../../support/users'

describe('role guards', () => {
  let t: TestApp
  beforeEach(async () => {
    t = await buildTestApp()
  })

  it('sends a stranger to sign-in from a lead page', async () => {
    const response = await browserFor(t.app).get('/people/invite')
    expect(response.status).to.equal(303)
    expect(response.headers.location).to.equal('/sign-in')
  })

  for (const role of ['doctor', 'manager'] as const) {
    it(`refuses a ${role} the lead's invitation page, for reading and for sending`, async () => {
      const { browser } = await signedIn(t, [role])
      const page = await browser.get('/people/invite')
      expect(page.status).to.equal(403)
      expect(page.text).to.contain('You do not have permission')
      const home = await browser.get('/')
      const post = await browser.submit('/', { email: 'x@example.nhs.uk', role: 'lead' }, '/people/invite')
      expect(home.status).to.equal(200)
      expect(post.status).to.equal(403)
    })
  }

  it('lets a person with several roles use each of them', async () => {
    const { browser } = await signedIn(t, ['doctor', 'lead'])
    expect((await browser.get('/people/invite')).status).to.equal(200)
  })

  it('gives a signed-in person a role from their next page, though the app keeps who is signed in', async () => {
    const { user, browser } = await signedIn(t, ['doctor'])
    expect((await browser.get('/people/invite')).status).to.equal(403)
    await User.updateOne({ _id: user._id }, { $addToSet: { roles: 'lead' } })
    expect((await browser.get('/people/invite')).status).to.equal(200)
    await User.updateOne({ _id: user._id }, { $pull: { roles: 'lead' } })
    expect((await browser.get('/people/invite')).status).to.equal(403)
  })
})
