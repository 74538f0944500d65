import net from 'node:net'
import { connectPostgres } from '../../server/db/connectPostgres'
import { isDatabaseUnavailable } from '../../server/db/unavailableErrors'

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code })

describe('errors that mean "try again in a minute"', () => {
  it.each([
    ['57014', 'statement_timeout'],
    ['55P03', 'lock_timeout'],
    ['57P01', 'admin shutdown'],
    ['57P02', 'crash shutdown'],
    ['57P03', 'cannot connect now'],
    ['08006', 'connection failure'],
    ['08001', 'cannot establish a connection'],
    ['53300', 'too many connections'],
    ['53100', 'disk full'],
    ['ECONNREFUSED', 'nothing listening'],
    ['ECONNRESET', 'connection reset'],
  ])('%s (%s) is a 503', (code) => {
    expect(isDatabaseUnavailable(withCode(code))).toBe(true)
  })

  it.each([
    'timeout exceeded when trying to connect',
    'Connection terminated unexpectedly',
    'Connection terminated due to connection timeout',
    'Cannot use a pool after calling end on the pool',
    'PGlite is closed',
  ])('"%s" is a 503', (message) => {
    expect(isDatabaseUnavailable(new Error(message))).toBe(true)
  })

  it.each([
    ['23505', 'unique violation'],
    ['42P01', 'undefined table'],
    ['22P02', 'invalid text'],
  ])('%s (%s) is a fault, not a busy database', (code) => {
    expect(isDatabaseUnavailable(withCode(code))).toBe(false)
  })

  it('counts a server that is not there at all, as the pool reports it', async () => {
    // A port that was free a moment ago: nothing listens on it.
    const probe = net.createServer()
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
    const address = probe.address()
    if (!address || typeof address === 'string') throw new Error('No port')
    await new Promise((resolve) => probe.close(resolve))
    const db = connectPostgres(`postgres://postgres@127.0.0.1:${String(address.port)}/none`, { size: 1 })
    try {
      const error = await db.query('SELECT 1').catch((failure: unknown) => failure)
      expect(isDatabaseUnavailable(error)).toBe(true)
    } finally {
      await db.close()
    }
  })
})
