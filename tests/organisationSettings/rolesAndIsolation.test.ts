import request from 'supertest'
import { localHelpKey } from '../../server/organisationSettings/localHelp'
import type { Role } from '../../server/officers/roles'
import { paths } from '../../server/paths'
import { insertOrganisation } from '../helpers/factories'
import { postForm, signedInAs, type Agent } from '../helpers/officers'
import { csrfTokenIn } from '../helpers/respondent'
import { routeTable } from '../helpers/routeTable'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'

let database: TestDatabase
let testApp: TestApp
let ours: { id: string; slug: string }
let theirs: { id: string; slug: string }
let ourAdmin: Agent
let theirAdmin: Agent

const theirHelp = {
  name: 'Their Secret Helpline',
  phone: '01632 960 999',
  email: 'their.help@their-council.example',
  website: '',
  description: 'Theirs only.',
}

beforeAll(async () => {
  database = await openTestDatabase()
  testApp = await buildTestApp(database.db)
  ours = await insertOrganisation(database.db, 'our-council')
  theirs = await insertOrganisation(database.db, 'their-council')
  ourAdmin = await signedInAs(testApp.app, database.db, { organisationId: ours.id, role: 'admin' })
  theirAdmin = await signedInAs(testApp.app, database.db, { organisationId: theirs.id, role: 'admin' })
  await database.db.query(
    `UPDATE organisations SET public_name = 'Their Public Name', contact_email = 'their.contact@their-council.example',
            local_help = $2::jsonb WHERE id = $1`,
    [theirs.id, JSON.stringify([theirHelp])],
  )
})
afterAll(() => database.drop())

const settingsRoutes = () =>
  routeTable(testApp.app).filter(({ path }) => path.startsWith(paths.settings.home))

const organisationRows = () =>
  database.db.query<Record<string, unknown>>('SELECT * FROM organisations ORDER BY slug')

/** A valid post for every settings form, so only the role can be the reason it is refused. */
const validFields = {
  publicName: 'Changed name',
  contactEmail: 'changed@council.example',
  contactPhone: '',
  familyHelpContact: '',
  dataController: '',
  lawfulBasis: '',
  dpoContact: '',
  retentionMonths: '12',
  accessibilityContact: 'changed@council.example',
  alertEscalationMinutes: '30',
  safeguardingRetentionMonths: '12',
  helpName: 'Changed helpline',
  helpPhone: '0800 1111',
  helpEmail: '',
  helpWebsite: '',
  helpDescription: '',
  entry: localHelpKey(theirHelp),
}

async function ask(agent: Agent, method: string, path: string) {
  if (method === 'GET') return agent.get(path)
  const page = await agent.get(paths.manage.surveys)
  return agent
    .post(path)
    .type('form')
    .send({ ...validFields, _csrf: csrfTokenIn(page.text) })
}

describe('organisation settings are for admins only', () => {
  it('has a GET and a POST for every section and the local help list', () => {
    expect(settingsRoutes().map(({ method, path }) => `${method} ${path}`)).toEqual(
      expect.arrayContaining([
        'GET /manage/settings',
        'GET /manage/settings/organisation',
        'POST /manage/settings/organisation',
        'GET /manage/settings/local-help',
        'POST /manage/settings/local-help',
        'POST /manage/settings/local-help/remove',
        'GET /manage/settings/data-protection',
        'POST /manage/settings/data-protection',
        'GET /manage/settings/accessibility',
        'POST /manage/settings/accessibility',
        'GET /manage/settings/safeguarding',
        'POST /manage/settings/safeguarding',
      ]),
    )
  })

  it.each<Role>(['viewer', 'analyst', 'safeguarding'])(
    'a signed-in %s officer is refused every settings route (403, as for officers) and changes nothing',
    async (role) => {
      const agent = await signedInAs(testApp.app, database.db, { organisationId: ours.id, role })
      const before = await organisationRows()
      for (const { method, path } of settingsRoutes()) {
        const response = await ask(agent, method, path)
        expect({ route: `${method} ${path}`, status: response.status }).toEqual({
          route: `${method} ${path}`,
          status: 403,
        })
      }
      expect(await organisationRows()).toEqual(before)
      expect((await agent.get(paths.manage.surveys)).text).not.toContain(`href="${paths.settings.home}"`)
    },
  )

  it('someone not signed in is sent to sign in', async () => {
    for (const { path } of settingsRoutes().filter(({ method }) => method === 'GET')) {
      const response = await request(testApp.app).get(path)
      expect({ path, location: response.headers.location }).toEqual({ path, location: paths.signIn.request })
    }
  })

  it('an admin has a Settings link in the officer menu', async () => {
    expect((await ourAdmin.get(paths.manage.surveys)).text).toContain(`href="${paths.settings.home}"`)
  })
})

describe('each organisation sees and changes only its own settings', () => {
  it("our admin's pages show nothing of theirs", async () => {
    for (const { method, path } of settingsRoutes().filter(({ method }) => method === 'GET')) {
      const response = await ask(ourAdmin, method, path)
      expect({ path, status: response.status }).toEqual({ path, status: 200 })
      for (const trace of ['Their Public Name', 'their.contact@', 'Their Secret Helpline', 'their-council'])
        expect(response.text).not.toContain(trace)
    }
  })

  it('our saves change our organisation only, and our remove cannot reach their contacts', async () => {
    const theirsBefore = (await organisationRows()).find((row) => row.slug === 'their-council')
    for (const slug of ['organisation', 'data-protection', 'accessibility', 'safeguarding', 'local-help']) {
      const saved = await postForm(
        ourAdmin,
        paths.settings.section(slug),
        paths.settings.section(slug),
        validFields,
      )
      expect({ slug, status: saved.status }).toEqual({ slug, status: 303 })
    }
    const removed = await postForm(
      ourAdmin,
      paths.settings.section('local-help'),
      paths.settings.localHelpRemove,
      { entry: localHelpKey(theirHelp) },
    )
    expect(removed.status).toBe(303)
    const rows = await organisationRows()
    expect(rows.find((row) => row.slug === 'their-council')).toEqual(theirsBefore)
    expect(rows.find((row) => row.slug === 'our-council')).toMatchObject({
      public_name: 'Changed name',
      retention_months: 12,
      alert_escalation_minutes: 30,
    })
    const theirAudits = await database.db.query(
      `SELECT 1 FROM audit_events WHERE organisation_id = $1 AND action = 'organisation-settings-changed'`,
      [theirs.id],
    )
    expect(theirAudits).toHaveLength(0)
    const theirPage = await theirAdmin.get(paths.settings.home)
    expect(theirPage.text).toContain('Their Public Name')
    expect(theirPage.text).not.toContain('Changed name')
  })
})
