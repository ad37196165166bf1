// One pooled SMTP transport for the process, built from SMTP_URL. Without it,
// mail stays in the outbox (and shows at /dev/mail outside production).
import nodemailer, { type Transporter } from 'nodemailer'

export type MailTransport = Transporter

export function createTransport(smtpUrl: string | undefined): MailTransport | undefined {
  if (!smtpUrl) return undefined
  // nodemailer parses the URL itself (host, port, user:pass, smtps:, and
  // settings in the query string such as ?tls.rejectUnauthorized=false);
  // what the URL sets wins over the defaults below.
  return nodemailer.createTransport({
    url: smtpUrl,
    // Pooled: the worker sends in bursts, and one connection per message
    // would repeat the greeting (and TLS, and AUTH) every time.
    pool: true,
    maxConnections: 3,
    // Short enough that a dead server fails the attempt well inside the
    // worker's lease (2 minutes), so the row goes back to pending, not stuck.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  })
}
