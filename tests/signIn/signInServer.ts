import { loadConfig } from '../../server/config'
import { startSmtpServer } from '../helpers/smtpServer'
import { buildTestApp, startWorker, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { listenForClients } from './clients'

export interface SignInServer {
  database: TestDatabase
  smtp: Awaited<ReturnType<typeof startSmtpServer>>
  testApp: TestApp
  /** Browsers, each from its own loopback address. */
  clients: Awaited<ReturnType<typeof listenForClients>>
}

/**
 * For a test file: Heard listening on loopback with its own database, sending mail to a local SMTP
 * server, and a job worker, since sign-in emails leave through the queue. Opened in beforeAll,
 * closed in afterAll; read its fields inside tests.
 */
export function useSignInServer(): SignInServer {
  const server = {} as SignInServer
  let stopWorker: (() => Promise<void>) | undefined
  beforeAll(async () => {
    server.database = await openTestDatabase()
    server.smtp = await startSmtpServer()
    server.testApp = await buildTestApp(server.database.db, {
      mail: { ...loadConfig({ NODE_ENV: 'test' }).mail, smtpUrl: server.smtp.url },
    })
    server.clients = await listenForClients(server.testApp.app)
    stopWorker = await startWorker(server.testApp)
  })
  afterAll(async () => {
    await stopWorker?.()
    await server.clients.close()
    await server.smtp.close()
    await server.database.drop()
  })
  return server
}
