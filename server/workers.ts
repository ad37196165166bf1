// Background work for one app process: the mail outbox worker, the sweep of old
// sign-in failures and the day-before session reminders. All are safe to run in
// several processes at once.
import { createOutboxWorker } from './mail/outbox-worker'
import { createTransport } from './mail/transport'
import type { Services } from './services'

const SWEEP_INTERVAL_MS = 10 * 60 * 1000
const REMINDER_INTERVAL_MS = 5 * 60 * 1000

export function startWorkers(services: Services) {
  const { config, clock, logger, throttle } = services
  const transport = createTransport(config.smtpUrl)
  const outboxWorker = transport ? createOutboxWorker({ transport, from: config.mailFrom, clock, logger }) : undefined
  outboxWorker?.start()

  const sweep = setInterval(() => {
    throttle.sweep().catch(error => logger.error({ err: error }, 'Sign-in failure sweep failed'))
  }, SWEEP_INTERVAL_MS)
  sweep.unref()

  // Every process runs it; the outbox's dedupe keys make each reminder go once.
  const sendReminders = () => services.sessionReminders.sendDue().catch(error => logger.error({ err: error }, 'Session reminders failed'))
  void sendReminders()
  const reminders = setInterval(sendReminders, REMINDER_INTERVAL_MS)
  reminders.unref()

  return {
    async stop() {
      clearInterval(sweep)
      clearInterval(reminders)
      await outboxWorker?.stop()
      transport?.close()
    },
  }
}
