// Background work for one app process: the mail outbox worker, the sweep of old
// sign-in failures, the day-before session reminders and the nudges (profile,
// shadowing, compact reflection, project, the leads' weekly digest), and the
// workshops' reminders, late offers and calendar catch-up. All are safe to run in several processes at once.
import { createOutboxWorker } from './mail/outbox-worker'
import { createTransport } from './mail/transport'
import type { Services } from './services'

const SWEEP_INTERVAL_MS = 10 * 60 * 1000
const REMINDER_INTERVAL_MS = 5 * 60 * 1000
// A late offer may have only an hour or two: expire it (and pass the place on) within a minute.
const OFFER_INTERVAL_MS = 60 * 1000

export function startWorkers(services: Services) {
  const { config, clock, logger, throttle } = services
  const transport = createTransport(config.smtpUrl)
  const outboxWorker = transport ? createOutboxWorker({ transport, from: config.mailFrom, clock, logger }) : undefined
  outboxWorker?.start()

  // A job runs now and then every `ms` in this process, logging (not throwing) its failures.
  const timers: NodeJS.Timeout[] = []
  const every = (ms: number, name: string, job: () => Promise<unknown>, runNow = true) => {
    const run = () => job().catch(error => logger.error({ err: error }, `${name} failed`))
    if (runNow) void run()
    const timer = setInterval(run, ms)
    timer.unref()
    timers.push(timer)
  }

  every(SWEEP_INTERVAL_MS, 'Sign-in failure sweep', () => throttle.sweep(), false)
  // Every process runs these; the outbox's dedupe keys make each email go once.
  every(REMINDER_INTERVAL_MS, 'Session reminders', () => services.sessionReminders.sendDue())
  every(REMINDER_INTERVAL_MS, 'Nudges', () => services.nudges.sendDue())
  every(OFFER_INTERVAL_MS, 'Workshop reminders and offers', () => services.workshopJobs.run())

  return {
    async stop() {
      timers.forEach(clearInterval)
      await outboxWorker?.stop()
      transport?.close()
    },
  }
}
