import { paths } from '../../server/paths'
import {
  auditRows,
  dataProtectionFields,
  organisationFields,
  organisationRow,
  save,
  section,
  useSettingsFixture,
} from './settingsFixture'

const settings = useSettingsFixture()

describe('saving each section', () => {
  it('saves "about the organisation", redirects to the settings page with a banner shown once, and audits the fields by name', async () => {
    const saved = await save(settings, 'organisation', organisationFields)
    expect(saved.status).toBe(303)
    expect(saved.headers.location).toBe(paths.settings.home)
    const row = await organisationRow(settings)
    expect(row).toMatchObject({
      public_name: 'Northshire County Council',
      contact_email: 'send.surveys@northshire.example',
      contact_phone: '01632 960 001',
      family_help_contact: 'Family Information Service\nfis@northshire.example',
    })
    const page = await settings.admin.get(paths.settings.home)
    expect(page.text).toContain('govuk-notification-banner--success')
    expect(page.text).toContain('About the organisation saved')
    expect(page.text).toContain('Northshire County Council')
    const again = await settings.admin.get(paths.settings.home)
    expect(again.text).not.toContain('govuk-notification-banner')

    const audits = await auditRows(settings)
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
    const before = (await auditRows(settings)).length
    const saved = await save(settings, 'organisation', organisationFields)
    expect(saved.status).toBe(303)
    expect(await auditRows(settings)).toHaveLength(before)
  })

  it('an emptied box is stored as nothing, and the pages fall back to their defaults', async () => {
    const saved = await save(settings, 'organisation', {
      ...organisationFields,
      publicName: '   ',
      contactPhone: '',
    })
    expect(saved.status).toBe(303)
    expect(await organisationRow(settings)).toMatchObject({ public_name: null, contact_phone: null })
    const audits = await auditRows(settings)
    expect(audits.at(-1)?.details).toEqual({ fields: 'publicName, contactPhone' })
    const page = await settings.admin.get(paths.settings.home)
    expect(page.text).toContain(`Not set: pages show Council ${settings.organisation.slug}`)
    await save(settings, 'organisation', organisationFields)
  })

  it('saves data protection, accessibility and safeguarding timings, each audited', async () => {
    expect((await save(settings, 'data-protection', dataProtectionFields)).status).toBe(303)
    expect(
      (await save(settings, 'accessibility', { accessibilityContact: 'access@northshire.example' })).status,
    ).toBe(303)
    expect(
      (
        await save(settings, 'safeguarding', {
          alertEscalationMinutes: '45',
          safeguardingRetentionMonths: '84',
        })
      ).status,
    ).toBe(303)
    expect(await organisationRow(settings)).toMatchObject({
      data_controller: 'Northshire County Council',
      lawful_basis: 'Public task under Article 6(1)(e).',
      dpo_contact: 'dpo@northshire.example',
      retention_months: 18,
      accessibility_contact: 'access@northshire.example',
      alert_escalation_minutes: 45,
      safeguarding_retention_months: 84,
    })
    const subjects = (await auditRows(settings)).map((row) => row.subject)
    expect(subjects.slice(-3)).toEqual(['data-protection', 'accessibility', 'safeguarding'])
    const page = await settings.admin.get(paths.settings.home)
    expect(page.text).toContain('Safeguarding timings saved')
    expect(page.text).toContain('45 minutes')
    expect(page.text).toContain('84 months')
    const audit = await settings.admin.get(`${paths.manage.audit}?action=organisation-settings-changed`)
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
      const saved = await save(settings, 'organisation', { ...organisationFields, contactPhone: number })
      expect({ number, status: saved.status }).toEqual({ number, status: 303 })
    }
    await save(settings, 'organisation', organisationFields)
  })

  it('each form page shows what is stored now', async () => {
    const page = await settings.admin.get(section('data-protection'))
    expect(page.status).toBe(200)
    expect(page.text).toContain('value="18"')
    expect(page.text).toContain('inputmode="numeric"')
    expect(page.text).toContain('Public task under Article 6(1)(e).</textarea>')
  })
})
