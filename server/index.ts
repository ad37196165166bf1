// Entry point: config, database, HTTP server and background workers; stops
// them all (and the embedded database) cleanly on SIGINT/SIGTERM.
import { existsSync } from 'node:fs'
import http from 'node:http'
import '../models/index'
import { ConfigError, loadConfig } from './config'
import { systemClock } from './clock'
import { connectDatabase } from './db/connection'
import { SESSIONS_COLLECTION } from './http/sessions'
import { EngineUnavailableError } from './db/embedded-engine'
import { createApp } from './app'
import { createLogger } from './logger'
import { createServices } from './services'
import { startWorkers } from './workers'

async function main() {
  // A .env file beside package.json, if present, for settings on a developer's machine.
  if (existsSync('.env')) process.loadEnvFile('.env')
  const config = loadConfig()
  const logger = createLogger(config.logLevel)
  const say = (line: string) => console.log(line)
  const database = await connectDatabase({ uri: config.mongodbUri, dataDir: config.dataDir, say })
  await database.prepareCollections([SESSIONS_COLLECTION])
  const services = createServices({ config, clock: systemClock, database, logger })
  const workers = startWorkers(services)
  const server = http.createServer(createApp(services))
  await new Promise<void>(resolve => server.listen(config.port, resolve))
  say(`Tandem is running at ${config.baseUrl} (database: ${database.engine})`)
  if (!config.smtpUrl) say('Mail: no SMTP_URL set, so emails stay in the outbox; read them at /dev/mail')

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    say(`${signal} received: stopping`)
    server.close()
    server.closeAllConnections()
    await workers.stop()
    await database.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

main().catch(error => {
  if (error instanceof ConfigError || error instanceof EngineUnavailableError) {
    console.error(error.message)
  } else {
    console.error(error)
  }
  process.exit(1)
})
