import express from 'express'
import request from 'supertest'
import type { Database } from '../../server/db/database'
import {
  enterOrganisationScope,
  runInOrganisationScope,
  scopeByOrganisation,
} from '../../server/db/organisationScope'
import type { Officer } from '../../server/officers/queries'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { addOfficer } from '../helpers/officers'
import { openTestDatabase } from '../helpers/testDatabase'
import { openAsApplicationRole } from './applicationRole'

/**
 * As Heard runs: on PostgreSQL as an application role that does not own the tables (owners and
 * superusers pass row-level security); on the embedded database as its superuser session, where
 * scoped transactions take the heard_scoped role.
 */
async function openAsHeardRuns(): Promise<{ db: Database; drop(): Promise<void> }> {
  if (!process.env.DATABASE_URL) return openTestDatabase()
  const database = await openAsApplicationRole()
  await database.migrate()
  return database
}

let database: { db: Database; drop(): Promise<void> }
let scoped: Database
const organisations: { id: string; slug: string }[] = []

beforeAll(async () => {
  database = await openAsHeardRuns()
  scoped = scopeByOrganisation(database.db)
  for (const slug of ['rls-north', 'rls-south']) {
    const organisation = await insertOrganisation(database.db, slug)
    await insertSurvey(database.db, { organisationId: organisation.id, template: 'what-i-need' })
    await addOfficer(database.db, organisation.id, 'admin')
    organisations.push(organisation)
  }
})
afterAll(() => database.drop())

const organisationIdsIn = async (db: Database, table: string) =>
  (await db.query<{ organisation_id: string }>(`SELECT DISTINCT organisation_id FROM ${table}`))
    .map((row) => row.organisation_id)
    .sort()

describe('row-level security by organisation', () => {
  it('covers every table with an organisation_id, forced on the owner too', async () => {
    const tables = await database.db.query<{ table_name: string; forced: boolean; policies: number }>(
      `SELECT c.relname AS table_name, c.relrowsecurity AND c.relforcerowsecurity AS forced,
              (SELECT count(*)::integer FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'organisation_scope') AS policies
         FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'organisation_id'
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')`,
    )
    expect(tables.length).toBeGreaterThan(20)
    for (const table of tables) expect(table).toMatchObject({ forced: true, policies: 1 })
  })

  it('shows a scoped query without the organisation condition nothing of another organisation', async () => {
    const [north, south] = organisations.map((organisation) => organisation.id)
    const everyone = [north, south].sort()
    expect(await organisationIdsIn(scoped, 'surveys')).toEqual(everyone)
    await runInOrganisationScope(north ?? '', async () => {
      for (const table of ['surveys', 'survey_versions', 'officers'])
        expect(await organisationIdsIn(scoped, table)).toEqual([north])
      const inTransaction = await scoped.transaction((tx) =>
        tx.query<{ organisation_id: string }>('SELECT organisation_id FROM surveys'),
      )
      expect(inTransaction.map((row) => row.organisation_id)).toEqual([north])
      const changed = await scoped.query(`UPDATE surveys SET status = status RETURNING organisation_id`)
      expect(changed).toEqual([{ organisation_id: north }])
    })
    // After a scoped transaction the connection reads the setting as '', which must mean unscoped.
    expect(await organisationIdsIn(scoped, 'surveys')).toEqual(everyone)
  })

  it('refuses a scoped write of another organisation’s row', async () => {
    const [north, south] = organisations.map((organisation) => organisation.id)
    await expect(
      runInOrganisationScope(north ?? '', () =>
        scoped.query(
          `INSERT INTO safeguarding_phrases (organisation_id, language, phrase) VALUES ($1, 'en', 'x')`,
          [south],
        ),
      ),
    ).rejects.toMatchObject({ code: '42501' })
  })

  it('scopes an officer’s request from the middleware on', async () => {
    const [north] = organisations
    const app = express()
    app.use((req, _res, next) => {
      req.officer = { organisationId: north?.id ?? '' } as Officer
      next()
    })
    app.use(enterOrganisationScope)
    app.get('/surveys', async (_req, res) => {
      res.json(await organisationIdsIn(scoped, 'surveys'))
    })
    const response = await request(app).get('/surveys')
    expect(response.body).toEqual([north?.id])
  })
})
