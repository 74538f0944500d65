import request from 'supertest'
import { bringSchemaUpToDate, pendingMigrations } from '../../server/db/migrate'
import { paths } from '../../server/paths'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { signedInAs } from '../helpers/officers'
import { Respondent } from '../helpers/respondent'
import { buildTestApp, startWorker } from '../helpers/testApp'
import { statementsRated } from '../fixtures/whatINeedAnswers'
import { openAsApplicationRole, type ApplicationRoleDatabase } from './applicationRole'

let database: ApplicationRoleDatabase

beforeAll(async () => {
  database = await openAsApplicationRole()
})
afterAll(() => database.drop())

describe('Heard as a database role with no DDL rights', () => {
  it('is told to run npm run migrate when the schema is behind and it may not change it', async () => {
    // The embedded database always migrates itself; its session is made to look like a server's
    // whose schema lost its last migration, to walk the same path.
    const db =
      database.db.kind === 'pglite'
        ? await (async () => {
            await database.db.exec('RESET ROLE')
            await database.db.query(
              `UPDATE schema_migrations SET name = 'moved-' || name
                WHERE name = (SELECT max(name) FROM schema_migrations)`,
            )
            await database.db.exec(`SET ROLE ${database.role}`)
            return { ...database.db, kind: 'postgres' as const }
          })()
        : database.db
    expect((await pendingMigrations(db)).length).toBeGreaterThan(0)
    await expect(bringSchemaUpToDate(db, { migrationDatabaseUrl: undefined })).rejects.toThrow(
      /not up to date .* Run `npm run migrate`/,
    )
  })

  it('starts once migrated: the schema is current, and it needs no DDL to check so', async () => {
    await database.migrate()
    if (database.db.kind === 'pglite') {
      await database.db.exec('RESET ROLE')
      await database.db.query(`UPDATE schema_migrations SET name = substr(name, 7) WHERE name LIKE 'moved-%'`)
      await database.db.exec(`SET ROLE ${database.role}`)
    }
    expect(await pendingMigrations(database.db)).toEqual([])
    await expect(
      bringSchemaUpToDate({ ...database.db, kind: 'postgres' }, { migrationDatabaseUrl: undefined }),
    ).resolves.toEqual([])
  })

  it('takes a response through the journey and shows an officer its results', async () => {
    const { db } = database
    const testApp = await buildTestApp(db)
    const organisation = await insertOrganisation(db)
    await insertSurvey(db, { organisationId: organisation.id, template: 'what-i-need' })
    const respondent = new Respondent(testApp.app, organisation.slug, 'what-i-need')
    expect((await respondent.begin()).status).toBe(303)
    await respondent.answerAll({
      ...statementsRated(),
      'life-better': 'A quiet room',
      'age-group': '12-15',
      helper: 'parent-carer',
    })
    const sent = await respondent.send()
    expect(sent.headers.location).toBe(paths.respond.confirmation(organisation.slug, 'what-i-need'))

    const officer = await signedInAs(testApp.app, db, { organisationId: organisation.id, role: 'admin' })
    const results = await officer.get(paths.manage.results('what-i-need'))
    expect(results.status).toBe(200)
    const stored = await db.query<{ count: number }>('SELECT count(*)::integer AS count FROM responses')
    expect(stored).toEqual([{ count: 1 }])
    expect((await request(testApp.app).get('/healthz')).status).toBe(200)
    // The job queue starts on tables it does not own, with no DDL.
    const stopWorker = await startWorker(testApp)
    await stopWorker()
  })

  it('may not create a table', async () => {
    await expect(database.db.exec('CREATE TABLE intruder (id integer)')).rejects.toMatchObject({
      code: '42501',
    })
  })
})
