// Single-use secrets for links in emails: 256 random bits, base64url in the link,
// only a SHA-256 hash in the database (a database leak reveals no usable link).
import { createHash, randomBytes } from 'node:crypto'

export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, tokenHash: hashToken(token) }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** Cheap shape check before touching the database. */
export function looksLikeToken(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value)
}
