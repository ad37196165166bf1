import { expect } from 'chai'
import mongoose from 'mongoose'
import { User } from '../../models/user'

describe('the test database', () => {
  it('is a MongoDB-compatible server that answers ping', async () => {
    const result = await mongoose.connection.db!.command({ ping: 1 })
    expect(result.ok).to.equal(1)
  })

  it('enforces unique indexes, which concurrency guarantees rely on', async () => {
    await User.create({ email: 'a@example.nhs.uk', name: 'A' })
    let error: unknown
    try {
      await User.create({ email: 'A@example.nhs.uk', name: 'B' })
    } catch (e) {
      error = e
    }
    expect((error as { code?: number }).code).to.equal(11000)
  })

  it('starts each test empty', async () => {
    expect(await User.countDocuments()).to.equal(0)
  })
})
