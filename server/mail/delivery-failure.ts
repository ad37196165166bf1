// What a failed send means for the row: try again later, or give up now.
// Pure, so the rules are unit-tested without an SMTP server.

export type DeliveryFailure = {
  /** True when sending the same message again cannot succeed. */
  permanent: boolean
  /** For logs: the SMTP reply code or nodemailer/network error code, never the reply text (it may quote the address). */
  code: number | string
  /** For the row's lastError: code and reply, cut short. */
  summary: string
}

// Failures of our own set-up rather than of this message: retrying after the
// setting is fixed will work, so they must not burn the outbox as "failed".
const SETUP_ERRORS = new Set(['EAUTH', 'ENOAUTH', 'EOAUTH2', 'ETLS', 'ECONFIG'])
// Failures that no retry will cure when the server gave no reply code (e.g. a malformed address).
const MESSAGE_ERRORS = new Set(['EENVELOPE', 'EMESSAGE', 'EMAXRECIPIENTS'])

export function classifyFailure(error: unknown): DeliveryFailure {
  const e = (typeof error === 'object' && error ? error : {}) as {
    responseCode?: unknown
    response?: unknown
    code?: unknown
    message?: unknown
  }
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined
  const errorCode = typeof e.code === 'string' ? e.code : undefined
  const text = String(responseCode ? (e.response ?? '') : (e.message ?? '')).slice(0, 200)
  const code = responseCode ?? errorCode ?? 'ERROR'
  const summary = `${code} ${text}`.trim()

  if (errorCode && SETUP_ERRORS.has(errorCode)) return { permanent: false, code, summary }
  // SMTP: 5xx is a permanent refusal, 4xx a temporary one (RFC 5321 §4.2.1).
  if (responseCode) return { permanent: responseCode >= 500, code, summary }
  // No reply code: refused connections, timeouts, DNS; these pass.
  return { permanent: Boolean(errorCode && MESSAGE_ERRORS.has(errorCode)), code, summary }
}

/** Exponential backoff: base, 2×base, 4×base… for attempts 1, 2, 3…, never more than max. */
export function retryDelayMs(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1))
}
