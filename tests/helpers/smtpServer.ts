import type { AddressInfo } from 'node:net'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export interface ReceivedMail {
  to: string
  subject: string
  text: string
}

/**
 * A real SMTP server on 127.0.0.1 that keeps what it receives. No TLS: its built-in certificate has
 * expired. Given a port, it listens there (a mail server coming back after an outage).
 */
export async function startSmtpServer(options: { port?: number } = {}): Promise<{
  url: string
  received: ReceivedMail[]
  close(): Promise<void>
}> {
  const received: ReceivedMail[] = []
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    // Heard's pooled SMTP connections stay open between messages; closing need not wait for them.
    closeTimeout: 200,
    logger: false,
    onData(stream, _session, done) {
      simpleParser(stream)
        .then((mail) => {
          const to = Array.isArray(mail.to)
            ? mail.to.map((each) => each.text).join(', ')
            : (mail.to?.text ?? '')
          received.push({ to, subject: mail.subject ?? '', text: mail.text ?? '' })
          done()
        })
        .catch((error: unknown) => {
          done(error instanceof Error ? error : new Error('Could not read the message'))
        })
    },
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve()
        })
      }),
  }
}

export const linkIn = (text: string): string | undefined =>
  /https?:\/\/\S+\/sign-in\/link\/[A-Za-z0-9_-]+/.exec(text)?.[0]
