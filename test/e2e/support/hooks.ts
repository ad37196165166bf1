// Root hooks for the browser tests: a real database, a real SMTP server, the
// app listening on 127.0.0.1 with its outbox worker sending to that server,
// and headless Chromium.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser } from 'playwright-core'
import '../../../models/index'
import { createApp } from '../../../server/app'
import { systemClock } from '../../../server/clock'
import { loadConfig } from '../../../server/config'
import { createLogger } from '../../../server/logger'
import { createOutboxWorker } from '../../../server/mail/outbox-worker'
import { createTransport } from '../../../server/mail/transport'
import { createServices } from '../../../server/services'
import { clearDatabase, startTestDatabase, stopTestDatabase } from '../../support/database'
import { startSmtpServer, type TestSmtpServer } from '../../support/smtp-server'
import { launchBrowser } from './browser'

export const e2e = {} as { baseUrl: string; smtp: TestSmtpServer; browser: Browser }

let server: http.Server
let stopWorker: () => Promise<void>

before(async function () {
  this.timeout(300_000)
  const database = await startTestDatabase()
  e2e.smtp = await startSmtpServer()
  server = http.createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  e2e.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const config = loadConfig({ NODE_ENV: 'test', BASE_URL: e2e.baseUrl, SMTP_URL: e2e.smtp.url, PASSWORD_HASH_COST: '14' })
  const logger = createLogger('silent')
  const services = createServices({ config, clock: systemClock, database, logger })
  server.on('request', createApp(services))
  const transport = createTransport(config.smtpUrl)!
  const worker = createOutboxWorker({ transport, from: config.mailFrom, clock: systemClock, logger, pollMs: 250 })
  worker.start()
  stopWorker = async () => {
    await worker.stop()
    transport.close()
  }
  e2e.browser = await launchBrowser()
})

beforeEach(async () => {
  await clearDatabase()
  e2e.smtp.clear()
})

after(async () => {
  await e2e.browser?.close()
  await stopWorker?.()
  server?.closeAllConnections()
  await new Promise(resolve => server?.close(resolve))
  await e2e.smtp?.stop()
  await stopTestDatabase()
})
