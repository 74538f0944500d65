import { createHash, randomBytes, randomUUID } from 'node:crypto'
import fs from 'node:fs'
import { connectPglite } from '../../server/db/connectPglite'
import { connectPostgres } from '../../server/db/connectPostgres'
import type { Database } from '../../server/db/database'
import { fromRoot } from '../../server/projectRoot'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { adminQuery, testDatabaseUrl } from '../helpers/postgresServer'

const migrations = fromRoot('server', 'db', 'migrations')
const runMigration = (db: Database, name: string) => db.exec(fs.readFileSync(`${migrations}/${name}`, 'utf8'))

let db: Database
let drop: () => Promise<void>

/** An empty database of its own, so migrations can be run one at a time. */
async function openEmptyDatabase(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL
  if (!serverUrl) {
    db = await connectPglite({})
    drop = () => db.close()
    return
  }
  const name = `heard_migration_${randomBytes(6).toString('hex')}`
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`)
  db = connectPostgres(testDatabaseUrl(serverUrl, name))
  drop = async () => {
    await db.close()
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  }
}

beforeAll(openEmptyDatabase)
afterAll(() => drop())

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

describe('migration 0009 keeps respondent data to what is needed', () => {
  it('turns existing responses into a day, an order within the day and a hash of the draft id', async () => {
    const before = fs.readdirSync(migrations).filter((name) => name < '0009' && name.endsWith('.sql'))
    for (const name of before.sort()) await runMigration(db, name)
    const organisation = await insertOrganisation(db)
    const { surveyId } = await insertSurvey(db, {
      organisationId: organisation.id,
      template: 'ehcp-experience',
    })
    // 23:30 UTC on 1 July is 00:30 on 2 July in London; the two on 3 July were sent in this order.
    const sent = [
      ['2025-07-01T23:30:00Z', randomUUID()],
      ['2025-07-03T15:00:00.000002Z', randomUUID()],
      ['2025-07-03T09:00:00Z', randomUUID()],
    ] as const
    for (const [index, [at, draftId]] of sent.entries())
      await db.query(
        `INSERT INTO responses (organisation_id, id, survey_id, version, language, reference, draft_id, answers, submitted_at)
         VALUES ($1, gen_random_uuid(), $2, 1, 'en', $3, $4, '{}', $5)`,
        [organisation.id, surveyId, `OLD${String(index)}-0000`, draftId, at],
      )

    await runMigration(db, '0009_respondent_minimal.sql')

    const rows = await db.query<{ reference: string; draft_id: string; day: string; submitted_seq: number }>(
      `SELECT reference, draft_id, submitted_at::text AS day, submitted_seq FROM responses
        ORDER BY submitted_at, submitted_seq`,
    )
    expect(rows.map((row) => [row.reference, row.day])).toEqual([
      ['OLD0-0000', '2025-07-02'],
      ['OLD2-0000', '2025-07-03'],
      ['OLD1-0000', '2025-07-03'],
    ])
    const byReference = new Map(rows.map((row) => [row.reference, row.draft_id]))
    for (const [index, [, draftId]] of sent.entries())
      expect(byReference.get(`OLD${String(index)}-0000`)).toBe(sha256(draftId))

    // New rows: the draft id is hashed on the way in and numbered after the old ones.
    const draftId = randomUUID()
    await db.query(
      `INSERT INTO responses (organisation_id, id, survey_id, version, language, reference, draft_id, answers)
       VALUES ($1, gen_random_uuid(), $2, 1, 'en', 'NEW0-0000', $3, '{}')`,
      [organisation.id, surveyId, draftId],
    )
    const [added] = await db.query<{ draft_id: string; submitted_seq: number }>(
      `SELECT draft_id, submitted_seq FROM responses WHERE reference = 'NEW0-0000'`,
    )
    expect(added?.draft_id).toBe(sha256(draftId))
    expect(added?.submitted_seq).toBeGreaterThan(Math.max(...rows.map((row) => row.submitted_seq)))
  })
})
