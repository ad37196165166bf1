import { expect } from 'chai'
import mongoose from 'mongoose'
import { QiProject } from '../../models/qi-project'
import { User } from '../../models/user'
import { findOnPath } from '../../server/db/executables'
import { SESSIONS_COLLECTION } from '../../server/http/sessions'
import { startTestDatabase } from '../support/database'

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

  // FerretDB v1 indexes _id under another expression than the one its lookups use
  // (server/db/ferretdb-id-index.ts): without our index each lookup reads the whole table.
  it('finds a session, a person or a project by _id without reading the whole collection, on FerretDB too', async function () {
    // The index is added with Python's sqlite3 (Node 20 has none); without python3 the engine is only slower.
    if ((await startTestDatabase()).engine !== 'ferretdb' || !(await findOnPath('python3'))) this.skip()
    const db = mongoose.connection.db!
    for (const collection of [SESSIONS_COLLECTION, User.collection.name, QiProject.collection.name]) {
      const plan = (await db.collection(collection).find({ _id: new mongoose.Types.ObjectId() }).explain()) as { queryPlanner: { Plan: string[] } }
      expect(plan.queryPlanner.Plan.join(' '), collection).to.match(/SEARCH .* USING INDEX \S+_tandem_id_lookup/)
    }
  })
})
