import type { AddressInfo } from 'node:net'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

/**
 * A real SMTP server that can stall: while `stalled`, each message is read but not answered, as a
 * mail server does when the sender's machine dies mid-conversation. `refuseStalled` then answers them
 * 451, so none of them counts as delivered. `accepted` holds the addressees of delivered messages.
 */
export async function startStallingSmtp() {
  const accepted: string[] = []
  const waiting: ((error: Error) => void)[] = []
  const state = { stalled: false }
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    closeTimeout: 200,
    logger: false,
    onData(stream, session, done) {
      void simpleParser(stream).then(() => {
        if (state.stalled) {
          waiting.push(done)
          return
        }
        accepted.push(...session.envelope.rcptTo.map((rcpt) => rcpt.address))
        done()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return {
    url: `smtp://127.0.0.1:${String(port)}`,
    accepted,
    waiting,
    state,
    refuseStalled() {
      state.stalled = false
      for (const done of waiting.splice(0))
        done(Object.assign(new Error('Try again later'), { responseCode: 451 }))
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve()
        })
      }),
  }
}
