import request from 'supertest'
import { buildTestApp } from '../helpers/testApp'
import { openTestDatabase } from '../helpers/testDatabase'

describe('GET /healthz', () => {
  it('is 200 while the database answers and 503 once it does not', async () => {
    const database = await openTestDatabase()
    const { app } = await buildTestApp(database.db)
    const healthy = await request(app).get('/healthz')
    expect(healthy.status).toBe(200)
    expect(healthy.body).toEqual({ status: 'ok' })
    expect(healthy.headers['cache-control']).toBe('no-store')
    expect(healthy.headers['set-cookie']).toBeUndefined()

    await database.drop()
    const unhealthy = await request(app).get('/healthz')
    expect(unhealthy.status).toBe(503)
    expect(unhealthy.body).toEqual({ status: 'unavailable' })
  })
})
