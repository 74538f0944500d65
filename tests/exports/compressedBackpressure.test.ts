import http from 'node:http'
import type { AddressInfo } from 'node:net'
import compression from 'compression'
import express from 'express'
import { endOutput, writeText } from '../../server/exports/outputStream'

/**
 * Behind compression(), a download must still wait for a slow reader: with a client that reads
 * nothing, the writer has to stop instead of pushing the whole file into memory.
 */
it('waits for a slow reader behind the compression middleware', async () => {
  let written = 0
  let stopped: () => void = () => undefined
  const stalled = new Promise<void>((resolve) => (stopped = resolve))
  const app = express()
  app.use(compression({ threshold: 0 }))
  app.get('/file.csv', (_req, res) => {
    res.type('text/csv')
    void (async () => {
      // Random text compresses badly, so the gzip stream fills quickly.
      for (let chunk = 0; chunk < 400; chunk += 1) {
        const text = Array.from({ length: 64 * 1024 }, () =>
          String.fromCharCode(33 + Math.floor(Math.random() * 90)),
        ).join('')
        const writing = writeText(res, text)
        const timedOut = await Promise.race([
          writing.then(() => false),
          new Promise<boolean>((resolve) =>
            setTimeout(() => {
              resolve(true)
            }, 500),
          ),
        ])
        if (timedOut) {
          stopped()
          return
        }
        written += text.length
      }
      await endOutput(res)
      stopped()
    })()
  })
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const { port } = server.address() as AddressInfo
  const request = http.get(
    { port, host: '127.0.0.1', path: '/file.csv', headers: { 'accept-encoding': 'gzip' } },
    (response) => {
      response.pause()
    },
  )
  await stalled
  request.destroy()
  server.closeAllConnections()
  server.close()
  // 400 chunks of 64 KiB would be 25 MiB; a writer that waits stops after a few megabytes.
  expect(written).toBeLessThan(12 * 1024 * 1024)
})
