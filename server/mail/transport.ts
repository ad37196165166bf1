// One pooled SMTP transport for the process, built from SMTP_URL. Without it,
// mail stays in the outbox (and shows at /dev/mail outside production).
import nodemailer, { type Transporter } from 'nodemailer'

export type MailTransport = Transporter

export function createTransport(smtpUrl: string | undefined): MailTransport | undefined {
  if (!smtpUrl) return undefined
  const url = new URL(smtpUrl)
  return nodemailer.createTransport({
    pool: true,
    maxConnections: 3,
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  })
}
