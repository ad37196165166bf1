// One pino logger for the process. Nothing personal goes in: request logs carry
// method, path (with tokens masked), status and a request id; never bodies,
// query strings, cookies, emails or names.
import { pino, type Logger } from 'pino'

export type { Logger }

export function createLogger(level: string): Logger {
  return pino({ level, base: undefined, redact: { paths: ['req.headers', 'res.headers'], remove: true } })
}

/** Masks path segments that look like secrets (single-use tokens, signed links). */
export function maskPath(url: string): string {
  const path = url.split('?')[0] ?? ''
  return path.replace(/[A-Za-z0-9_-]{20,}/g, ':token')
}
