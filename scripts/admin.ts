// Administration from the command line.
//   npm run admin -- create-lead --email X --name Y
// prints a one-time link (valid 7 days) where that person sets their password.
import { parseArgs } from 'node:util'
import '../models/index'
import { systemClock } from '../server/clock'
import { loadConfig } from '../server/config'
import { connectDatabase } from '../server/db/connection'
import { createLogger } from '../server/logger'
import { createServices } from '../server/services'

const usage = 'Usage: npm run admin -- create-lead --email person@example.nhs.uk --name "Full Name"'

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: 'string' }, name: { type: 'string' } },
  })
  if (positionals[0] !== 'create-lead') throw new UsageError(usage)
  const email = values.email?.trim().toLowerCase() ?? ''
  const name = values.name?.trim() ?? ''
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new UsageError(`Give a valid --email.\n${usage}`)
  if (!name) throw new UsageError(`Give the person's --name.\n${usage}`)

  const config = loadConfig()
  const database = await connectDatabase({
    uri: config.mongodbUri,
    dataDir: config.dataDir,
    reuseRunningEngine: true,
    say: line => console.error(line),
  })
  try {
    const services = createServices({ config, clock: systemClock, database, logger: createLogger('silent') })
    const link = await services.invitations.invitationLink({ email, name, role: 'lead' })
    await services.accounts.markSetUp()
    console.log(`Programme lead ${email} created. Send them this link to set a password (works once, expires in 7 days):`)
    console.log(link)
  } finally {
    await database.close()
  }
}

class UsageError extends Error {}

main().catch(error => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(error instanceof UsageError ? 2 : 1)
})
