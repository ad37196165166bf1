import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect } from 'chai'
import mongoose from 'mongoose'
import supertest from 'supertest'
import { createApp } from '../../server/app'
import { pingConnection } from '../../server/db/connection'
import { startEmbeddedEngine } from '../../server/db/embedded-engine'
import { buildTestApp, sharedSessionStore } from '../support/test-app'

describe('GET /healthz', () => {
  it('answers 200 with the database up', async () => {
    const { app } = await buildTestApp()
    const response = await supertest(app).get('/healthz')
    expect(response.status).to.equal(200)
    expect(response.body).to.deep.equal({ status: 'ok', db: 'up' })
  })

  it('answers 503 when the database stops answering', async function () {
    this.timeout(60_000)
    // A second, real engine that we stop, so that the ping genuinely fails.
    const dir = await mkdtemp(path.join(tmpdir(), 'tandem-health-'))
    const engine = await startEmbeddedEngine({ dataDir: dir, skip: ['mongodb-memory-server'] })
    const connection = await mongoose.createConnection(engine.uri, { serverSelectionTimeoutMS: 1000 }).asPromise()
    try {
      const t = await buildTestApp()
      const database = { engine: engine.engine, ping: () => pingConnection(connection) }
      const app = createApp({ ...t.services, database }, { sessionStore: sharedSessionStore() })
      expect((await supertest(app).get('/healthz')).status).to.equal(200)
      await engine.stop()
      const response = await supertest(app).get('/healthz')
      expect(response.status).to.equal(503)
      expect(response.body).to.deep.equal({ status: 'unavailable', db: 'down' })
    } finally {
      await connection.close(true).catch(() => undefined)
      await engine.stop()
      await rm(dir, { recursive: true, force: true })
    }
  })
})
