import { paths } from '../../server/paths'
import { insertOrganisation } from '../helpers/factories'
import { postForm, signedInAs, type Agent } from '../helpers/officers'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'

let database: TestDatabase
let testApp: TestApp
let organisation: { id: string; slug: string }
let admin: Agent

beforeAll(async () => {
  database = await openTestDatabase()
  testApp = await buildTestApp(database.db)
  organisation = await insertOrganisation(database.db)
  admin = await signedInAs(testApp.app, database.db, {
    organisationId: organisation.id,
    role: 'admin',
    email: 'settings.admin@council.example',
  })
})
afterAll(() => database.drop())

const section = (slug: string) => paths.settings.section(slug)

const organisationRow = async () => {
  const [row] = await database.db.query<Record<string, unknown>>(
    'SELECT * FROM organisations WHERE id = $1',
    [organisation.id],
  )
  return row
}

const auditRows = () =>
  database.db.query<{ subject: string; details: Record<string, unknown>; actor: string }>(
    `SELECT subject, details, actor FROM audit_events
      WHERE organisation_id = $1 AND action = 'organisation-settings-changed' ORDER BY occurred_at, id`,
    [organisation.id],
  )

const save = (slug: string, fields: Record<string, string>) =>
  postForm(admin, section(slug), section(slug), fields)

const organisationFields = {
  publicName: 'Northshire County Council',
  contactEmail: 'send.surveys@northshire.example',
  contactPhone: '01632 960 001',
  familyHelpContact: 'Family Information Service\nfis@northshire.example',
}

const dataProtectionFields = {
  dataController: 'Northshire County Council',
  lawfulBasis: 'Public task under Article 6(1)(e).',
  dpoContact: 'dpo@northshire.example',
  retentionMonths: '18',
}

describe('saving each section', () => {
  it('saves "about the organisation", redirects to the settings page with a banner shown once, and audits the fields by name', async () => {
    const saved = await save('organisation', organisationFields)
    expect(saved.status).toBe(303)
    expect(saved.headers.location).toBe(paths.settings.home)
    const row = await organisationRow()
    expect(row).toMatchObject({
      public_name: 'Northshire County Council',
      contact_email: 'send.surveys@northshire.example',
      contact_phone: '01632 960 001',
      family_help_contact: 'Family Information Service\nfis@northshire.example',
    })
    const page = await admin.get(paths.settings.home)
    expect(page.text).toContain('govuk-notification-banner--success')
    expect(page.text).toContain('About the organisation saved')
    expect(page.text).toContain('Northshire County Council')
    const again = await admin.get(paths.settings.home)
    expect(again.text).not.toContain('govuk-notification-banner')

    const audits = await auditRows()
    expect(audits).toHaveLength(1)
    expect(audits[0]).toMatchObject({
      subject: 'organisation',
      actor: 'settings.admin@council.example',
      details: { fields: 'publicName, contactEmail, contactPhone, familyHelpContact' },
    })
    // Which fields changed, never what they now say.
    expect(JSON.stringify(audits)).not.toContain('northshire.example')
    expect(JSON.stringify(audits)).not.toContain('01632')
  })

  it('saving the same values again changes and audits nothing', async () => {
    const before = (await auditRows()).length
    const saved = await save('organisation', organisationFields)
    expect(saved.status).toBe(303)
    expect(await auditRows()).toHaveLength(before)
  })

  it('an emptied box is stored as nothing, and the pages fall back to their defaults', async () => {
    const saved = await save('organisation', { ...organisationFields, publicName: '   ', contactPhone: '' })
    expect(saved.status).toBe(303)
    expect(await organisationRow()).toMatchObject({ public_name: null, contact_phone: null })
    const audits = await auditRows()
    expect(audits.at(-1)?.details).toEqual({ fields: 'publicName, contactPhone' })
    const page = await admin.get(paths.settings.home)
    expect(page.text).toContain(`Not set: pages show Council ${organisation.slug}`)
    await save('organisation', organisationFields)
  })

  it('saves data protection, accessibility and safeguarding timings, each audited', async () => {
    expect((await save('data-protection', dataProtectionFields)).status).toBe(303)
    expect((await save('accessibility', { accessibilityContact: 'access@northshire.example' })).status).toBe(
      303,
    )
    expect(
      (await save('safeguarding', { alertEscalationMinutes: '45', safeguardingRetentionMonths: '84' }))
        .status,
    ).toBe(303)
    expect(await organisationRow()).toMatchObject({
      data_controller: 'Northshire County Council',
      lawful_basis: 'Public task under Article 6(1)(e).',
      dpo_contact: 'dpo@northshire.example',
      retention_months: 18,
      accessibility_contact: 'access@northshire.example',
      alert_escalation_minutes: 45,
      safeguarding_retention_months: 84,
    })
    const subjects = (await auditRows()).map((row) => row.subject)
    expect(subjects.slice(-3)).toEqual(['data-protection', 'accessibility', 'safeguarding'])
    const page = await admin.get(paths.settings.home)
    expect(page.text).toContain('Safeguarding timings saved')
    expect(page.text).toContain('45 minutes')
    expect(page.text).toContain('84 months')
    const audit = await admin.get(`${paths.manage.audit}?action=organisation-settings-changed`)
    expect(audit.status).toBe(200)
    expect(audit.text).toContain('Organisation settings changed')
  })

  it('accepts UK numbers as people write them: Childline, +44 with (0), and short service numbers', async () => {
    for (const number of [
      '0800 1111',
      '+44 (0)1632 960 001',
      '+44 1632 960001',
      '116 123',
      '999',
      '(01632) 960-001',
    ]) {
      const saved = await save('organisation', { ...organisationFields, contactPhone: number })
      expect({ number, status: saved.status }).toEqual({ number, status: 303 })
    }
    await save('organisation', organisationFields)
  })

  it('each form page shows what is stored now', async () => {
    const page = await admin.get(section('data-protection'))
    expect(page.status).toBe(200)
    expect(page.text).toContain('value="18"')
    expect(page.text).toContain('inputmode="numeric"')
    expect(page.text).toContain('Public task under Article 6(1)(e).</textarea>')
  })
})
