import request from 'supertest'
import type { Queryable } from '../../server/db/database'
import { paths } from '../../server/paths'
import { parseCsv } from '../exports/parseCsv'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { insertResponses } from '../helpers/insertResponses'
import { signedInAs } from '../helpers/officers'
import { alikeResponses } from '../helpers/scorecards'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { openTestDatabase, useTestDatabase, type TestDatabase } from '../helpers/testDatabase'

const primary = useTestDatabase()
let replica: TestDatabase
let testApp: TestApp
let organisation: { id: string; slug: string }
let surveyId = ''

/** Copies an organisation's rows of a table as they are, as streaming replication would. */
async function copyRows(from: Queryable, to: Queryable, table: string, where: string, id: string) {
  const rows = await from.query<{ row: unknown }>(
    `SELECT to_jsonb(t) AS row FROM ${table} t WHERE ${where} = $1`,
    [id],
  )
  for (const { row } of rows)
    await to.query(`INSERT INTO ${table} SELECT * FROM jsonb_populate_record(NULL::${table}, $1::jsonb)`, [
      JSON.stringify(row),
    ])
}

const countAudits = async (db: Queryable) =>
  (
    await db.query<{ count: number }>(
      `SELECT count(*)::integer AS count FROM audit_events WHERE organisation_id = $1 AND action = 'downloaded'`,
      [organisation.id],
    )
  )[0]?.count

beforeAll(async () => {
  replica = await openTestDatabase()
  const { db } = primary
  organisation = await insertOrganisation(db)
  ;({ surveyId } = await insertSurvey(db, { organisationId: organisation.id, template: 'what-i-need' }))
  await copyRows(db, replica.db, 'organisations', 'id', organisation.id)
  await copyRows(db, replica.db, 'surveys', 'organisation_id', organisation.id)
  await copyRows(db, replica.db, 'survey_versions', 'organisation_id', organisation.id)
  // The two differ where a test can see which one was read.
  await replica.db.query('UPDATE organisations SET name = $2 WHERE id = $1', [
    organisation.id,
    'Replica Council',
  ])
  const survey = { organisationId: organisation.id, surveyId }
  const at = '2026-07-15T12:00:00+01:00'
  await insertResponses(
    db,
    survey,
    alikeResponses(1, 'important', at, { 'life-better': 'Read from the primary' }),
  )
  await insertResponses(
    replica.db,
    survey,
    alikeResponses(3, 'important', at, { 'life-better': 'Read from the replica' }),
  )
  testApp = await buildTestApp(db, {}, { readDb: replica.db })
}, 60_000)
afterAll(() => replica.drop())

describe('a read replica (DATABASE_READ_URL)', () => {
  it('serves public scorecard pages', async () => {
    const page = await request(testApp.app).get(paths.publicScorecards.list(organisation.slug))
    expect(page.status).toBe(200)
    expect(page.text).toContain('Replica Council')
  })

  it('serves the rows of an export, while the download is audited on the primary', async () => {
    const analyst = await signedInAs(testApp.app, primary.db, {
      organisationId: organisation.id,
      role: 'analyst',
    })
    const before = { primary: await countAudits(primary.db), replica: await countAudits(replica.db) }
    const csv = await analyst.get(paths.manage.download('what-i-need', 'responses.csv'))
    expect(csv.status).toBe(200)
    const rows = parseCsv(csv.text)
    expect(rows).toHaveLength(1 + 3)
    expect(csv.text).toContain('Read from the replica')
    expect(csv.text).not.toContain('Read from the primary')
    expect(await countAudits(primary.db)).toBe((before.primary ?? 0) + 1)
    expect(await countAudits(replica.db)).toBe(before.replica)
  })

  it('reads the primary when no replica is given', async () => {
    const plain = await buildTestApp(primary.db)
    const page = await request(plain.app).get(paths.publicScorecards.list(organisation.slug))
    expect(page.status).toBe(200)
    expect(page.text).toContain(`Council ${organisation.slug}`)
    expect(page.text).not.toContain('Replica Council')
  })
})
