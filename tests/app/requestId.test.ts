import request from 'supertest'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { useTestDatabase } from '../helpers/testDatabase'

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

describe('X-Request-Id sent by a client', () => {
  const database = useTestDatabase()
  let testApp: TestApp
  beforeAll(async () => {
    testApp = await buildTestApp(database.db)
  })

  const requestIdLogged = (id: string) =>
    testApp.logLines.some((line) => (JSON.parse(line) as { requestId?: string }).requestId === id)

  it.each(['lb-3f9a2c1e-77', 'Root_1a2b3c4d5e6f', 'a'.repeat(64)])(
    'is kept when it is a short plain token: %s',
    async (id) => {
      const response = await request(testApp.app).get('/accessibility').set('X-Request-Id', id)
      expect(response.headers['x-request-id']).toBe(id)
      expect(requestIdLogged(id)).toBe(true)
    },
  )

  it.each([
    ['spaces', 'abc def ghi jkl'],
    ['a forged log field', 'abcdefgh","level":60'],
    ['200 characters', 'a'.repeat(200)],
    ['unicode', 'ïd-ünïcödé-123'],
    // Letters a random UUID cannot hold, so the log check cannot match one by chance.
    ['too short', 'xyz'],
    ['a line break', 'abcdefgh%0d%0ainjected'],
  ])('is replaced by a new id when it holds %s', async (_what, id) => {
    const response = await request(testApp.app).get('/accessibility').set('X-Request-Id', id)
    const given = String(response.headers['x-request-id'])
    expect(given).toMatch(uuidPattern)
    expect(requestIdLogged(given)).toBe(true)
    expect(testApp.logLines.join('\n')).not.toContain(id)
  })

  it('is replaced when it carries a raw tab and bytes that are not ASCII', async () => {
    // Node's client will not send such bytes, so the test writes the request itself.
    const { default: net } = await import('node:net')
    const server = testApp.app.listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    const address = server.address()
    if (!address || typeof address === 'string') throw new Error('No port')
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(address.port, '127.0.0.1', () => {
        socket.write(
          Buffer.concat([
            Buffer.from(
              'GET /accessibility HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-Request-Id: abcdefgh\t',
            ),
            Buffer.from([0xc3, 0xa9]),
            Buffer.from('ijkl\r\n\r\n'),
          ]),
        )
      })
      let text = ''
      socket.on('data', (chunk: Buffer) => {
        text += chunk.toString('latin1')
      })
      socket.on('end', () => {
        resolve(text)
      })
      socket.on('error', reject)
    })
    await new Promise((resolve) => server.close(resolve))
    const id = /x-request-id: ([^\r\n]*)/i.exec(reply)?.[1] ?? ''
    expect(reply).toMatch(/^HTTP\/1\.1 200/)
    expect(id).toMatch(uuidPattern)
  })
})
