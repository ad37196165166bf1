// A real SMTP server on 127.0.0.1 for tests: it accepts mail, parses each
// message with mailparser, and can be told to refuse the next one or be
// stopped and started again on the same port.
import type { AddressInfo } from 'node:net'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export type ReceivedMail = {
  to: string
  subject: string
  text: string
  messageId: string
  raw: string
  parsed: ParsedMail
}

export type TestSmtpServer = {
  url: string
  port: number
  messages: ReceivedMail[]
  /** Resolves with the messages once at least `count` have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>
  /** The next message is refused with this SMTP reply, after its DATA (default) or at RCPT TO. */
  rejectNext(code: number, message: string, at?: 'data' | 'rcpt'): void
  clear(): void
  stop(): Promise<void>
  start(): Promise<void>
}

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = []
  const rejections: { code: number; message: string; at: 'data' | 'rcpt' }[] = []
  // smtp-server sends `responseCode` as the reply code, so nodemailer sees a real 4xx/5xx.
  const takeRejection = (at: 'data' | 'rcpt') => {
    if (rejections[0]?.at !== at) return undefined
    const { code, message } = rejections.shift()!
    return Object.assign(new Error(message), { responseCode: code })
  }
  let server: SMTPServer | undefined
  let port = 0

  const create = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(_address, _session, callback) {
        callback(takeRejection('rcpt') ?? undefined)
      },
      onData(stream, _session, callback) {
        const chunks: Buffer[] = []
        stream.on('data', (chunk: Buffer) => chunks.push(chunk))
        stream.on('end', () => {
          const refusal = takeRejection('data')
          if (refusal) return callback(refusal)
          const raw = Buffer.concat(chunks).toString('utf8')
          simpleParser(raw)
            .then(parsed => {
              const to = Array.isArray(parsed.to)
                ? parsed.to.map(a => a.text).join(', ')
                : (parsed.to?.text ?? '')
              messages.push({
                to,
                subject: parsed.subject ?? '',
                text: parsed.text ?? '',
                messageId: parsed.messageId ?? '',
                raw,
                parsed,
              })
              callback()
            })
            .catch(callback)
        })
      },
    })

  const smtp: TestSmtpServer = {
    get url() {
      return `smtp://127.0.0.1:${port}`
    },
    get port() {
      return port
    },
    messages,
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs
      while (messages.length < count) {
        if (Date.now() > deadline) throw new Error(`Expected ${count} messages, got ${messages.length}`)
        await new Promise(resolve => setTimeout(resolve, 25))
      }
      return messages
    },
    rejectNext(code, message, at = 'data') {
      rejections.push({ code, message, at })
    },
    clear() {
      messages.length = 0
      rejections.length = 0
    },
    async start() {
      if (server) return
      server = create()
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject)
        server!.listen(port, '127.0.0.1', () => resolve())
      })
      port = (server.server.address() as AddressInfo).port
    },
    async stop() {
      const closing = server
      server = undefined
      if (closing) await new Promise<void>(resolve => closing.close(() => resolve()))
    },
  }
  await smtp.start()
  return smtp
}
