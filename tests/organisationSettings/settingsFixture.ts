import { paths } from '../../server/paths'
import { insertOrganisation } from '../helpers/factories'
import { postForm, signedInAs, type Agent } from '../helpers/officers'
import { buildTestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'

export interface SettingsFixture {
  database: TestDatabase
  organisation: { id: string; slug: string }
  /** An admin of the organisation, signed in, as settings.admin@council.example. */
  admin: Agent
}

/**
 * For a test file: a fresh database, the app on it, one organisation and its admin signed in.
 * Filled in by beforeAll and dropped by afterAll.
 */
export function useSettingsFixture(): SettingsFixture {
  const fixture = {} as SettingsFixture
  beforeAll(async () => {
    fixture.database = await openTestDatabase()
    const { db } = fixture.database
    const testApp = await buildTestApp(db)
    fixture.organisation = await insertOrganisation(db)
    fixture.admin = await signedInAs(testApp.app, db, {
      organisationId: fixture.organisation.id,
      role: 'admin',
      email: 'settings.admin@council.example',
    })
  })
  afterAll(() => fixture.database.drop())
  return fixture
}

export const section = (slug: string) => paths.settings.section(slug)

/** The organisation's row as the database holds it. */
export const organisationRow = async (fixture: SettingsFixture) => {
  const [row] = await fixture.database.db.query<Record<string, unknown>>(
    'SELECT * FROM organisations WHERE id = $1',
    [fixture.organisation.id],
  )
  return row
}

/** The organisation's settings changes in the audit log, oldest first. */
export const auditRows = (fixture: SettingsFixture) =>
  fixture.database.db.query<{ subject: string; details: Record<string, unknown>; actor: string }>(
    `SELECT subject, details, actor FROM audit_events
      WHERE organisation_id = $1 AND action = 'organisation-settings-changed' ORDER BY occurred_at, id`,
    [fixture.organisation.id],
  )

/** Posts a settings section's form as the admin. */
export const save = (fixture: SettingsFixture, slug: string, fields: Record<string, string>) =>
  postForm(fixture.admin, section(slug), section(slug), fields)

export const organisationFields = {
  publicName: 'Northshire County Council',
  contactEmail: 'send.surveys@northshire.example',
  contactPhone: '01632 960 001',
  familyHelpContact: 'Family Information Service\nfis@northshire.example',
}

export const dataProtectionFields = {
  dataController: 'Northshire County Council',
  lawfulBasis: 'Public task under Article 6(1)(e).',
  dpoContact: 'dpo@northshire.example',
  retentionMonths: '18',
}
