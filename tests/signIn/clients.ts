import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Express } from 'express'
import request from 'supertest'
import { paths } from '../../server/paths'
import { csrfTokenIn } from '../helpers/respondent'

/**
 * Browsers on different machines: each connects from its own loopback address (127.0.0.0/8 is all
 * local on Linux), so the app sees a different client IP for each, as behind no proxy in production.
 */
export async function listenForClients(app: Express) {
  const server = app.listen(0, '127.0.0.1')
  await new Promise<void>((resolve) => server.once('listening', resolve))
  const base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`
  const client = (address: string) => {
    const agent = request.agent(base)
    const socketFrom = new http.Agent({ localAddress: address, keepAlive: false })
    return {
      get: (path: string) => agent.get(path).agent(socketFrom),
      post: (path: string, fields: Record<string, string>) =>
        agent.post(path).agent(socketFrom).type('form').send(fields),
      /** Asks for a sign-in link as a person would: the form, then posting it. */
      async askForLink(email: string) {
        const page = await agent.get(paths.signIn.request).agent(socketFrom)
        return agent
          .post(paths.signIn.request)
          .agent(socketFrom)
          .type('form')
          .send({ email, _csrf: csrfTokenIn(page.text) })
      },
      /** Opens a link page and presses its button. */
      async signInWith(linkPath: string) {
        const page = await agent.get(linkPath).agent(socketFrom)
        if (page.status !== 200) return page
        return agent
          .post(paths.signIn.linkAction)
          .agent(socketFrom)
          .type('form')
          .send({ token: linkPath.split('/').at(-1) ?? '', _csrf: csrfTokenIn(page.text) })
      },
    }
  }
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => {
        resolve()
      })
    })
  return { client, close }
}
