import path from 'node:path'
import { loadConfig } from '../../server/config'

describe('loadConfig', () => {
  it('defaults to the embedded database under ./data, port 3000 and demo data', () => {
    const config = loadConfig({})
    expect(config.port).toBe(3000)
    expect(config.database).toEqual({ kind: 'pglite', dataDir: path.resolve('./data') })
    expect(config.demo).toBe(true)
    expect(config.baseUrl).toBe('http://localhost:3000')
    expect(config.draftTtlDays).toBe(7)
    expect(Object.isFrozen(config)).toBe(true)
  })

  it('uses a PostgreSQL server when DATABASE_URL is set, with demo data off unless asked for', () => {
    const url = 'postgres://postgres@127.0.0.1:5432/heard'
    expect(loadConfig({ DATABASE_URL: url })).toMatchObject({
      database: { kind: 'postgres', url },
      demo: false,
    })
    expect(loadConfig({ DATABASE_URL: url, DEMO: 'true' }).demo).toBe(true)
    expect(loadConfig({ DEMO: 'false' }).demo).toBe(false)
  })

  it('fails fast naming each bad setting', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/)
    expect(() => loadConfig({ DEMO: 'yes' })).toThrow(/DEMO/)
    expect(() => loadConfig({ SESSION_SECRET: 'short' })).toThrow(
      /SESSION_SECRET must be at least 32 characters/,
    )
    expect(() => loadConfig({ BASE_URL: 'not a url' })).toThrow(/BASE_URL/)
  })
})
