import request from 'supertest'
import { loadConfig } from '../../server/config'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { buildTestApp } from '../helpers/testApp'
import { openTestDatabase } from '../helpers/testDatabase'

describe.each(['production', 'development'] as const)('an unexpected error in %s', (environment) => {
  it('shows a 500 page with a reference, logs the error in full, and shows no internals', async () => {
    const database = await openTestDatabase()
    const organisation = await insertOrganisation(database.db)
    await insertSurvey(database.db, { organisationId: organisation.id, template: 'what-i-need' })
    const { app, logLines } = await buildTestApp(database.db, { ...loadConfig({ NODE_ENV: environment }) })
    // A table missing is a fault in the service, not a busy database (that is a 503: deadlines.test.ts).
    await database.db.exec('ALTER TABLE surveys RENAME TO surveys_moved')
    const response = await request(app).get(`/s/${organisation.slug}/what-i-need`)
    await database.drop()
    expect(response.status).toBe(500)
    expect(response.text).toContain('Sorry, there is a problem with the service')
    const requestId = response.headers['x-request-id'] ?? ''
    expect(response.text).toContain(`<strong>${requestId}</strong>`)
    expect(response.text).not.toMatch(/Error:|at [A-Za-z.]+ \(|\.ts:\d+|PGlite|closed/i)
    const logged = logLines.map(
      (line) => JSON.parse(line) as { level: number; requestId?: string; err?: { stack?: string } },
    )
    const error = logged.find((line) => line.level === 50 && line.err)
    expect(error?.requestId).toBe(requestId)
    expect(error?.err?.stack).toBeDefined()
  })
})

describe('a request the server cannot read', () => {
  it('gets a 4xx page that says so, not a stack trace', async () => {
    const database = await openTestDatabase()
    try {
      const { app } = await buildTestApp(database.db)
      const response = await request(app)
        .post('/s/any/survey/start')
        .set('Content-Type', 'application/x-www-form-urlencoded; charset=klingon')
        .send('a=1')
      expect(response.status).toBe(415)
      expect(response.text).toContain('There was a problem with what was sent')
    } finally {
      await database.drop()
    }
  })
})
