import { csrfTokenIn } from '../helpers/respondent'
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

/** Each rule: the section, what is posted, the field in error and words from its message. */
const rejected: [string, string, Record<string, string>, string, string][] = [
  [
    'a public name too long',
    'organisation',
    { ...organisationFields, publicName: 'N'.repeat(121) },
    'publicName',
    'must be 120 characters or fewer',
  ],
  [
    'a badly formed email address',
    'organisation',
    { ...organisationFields, contactEmail: 'send surveys@' },
    'contactEmail',
    'Enter a contact email address in the correct format',
  ],
  [
    'a phone number that is not a UK number',
    'organisation',
    { ...organisationFields, contactPhone: '12345' },
    'contactPhone',
    'Enter a UK phone number',
  ],
  [
    'letters in a phone number',
    'organisation',
    { ...organisationFields, contactPhone: '01632 CALL ME' },
    'contactPhone',
    'Enter a UK phone number',
  ],
  [
    'help for families too long',
    'organisation',
    { ...organisationFields, familyHelpContact: 'x'.repeat(501) },
    'familyHelpContact',
    'must be 500 characters or fewer',
  ],
  [
    'a controller too long',
    'data-protection',
    { ...dataProtectionFields, dataController: 'c'.repeat(201) },
    'dataController',
    'must be 200 characters or fewer',
  ],
  [
    'a lawful basis too long',
    'data-protection',
    { ...dataProtectionFields, lawfulBasis: 'b'.repeat(1001) },
    'lawfulBasis',
    'must be 1000 characters or fewer',
  ],
  [
    'a DPO contact too long',
    'data-protection',
    { ...dataProtectionFields, dpoContact: 'd'.repeat(501) },
    'dpoContact',
    'must be 500 characters or fewer',
  ],
  [
    'no retention period',
    'data-protection',
    { ...dataProtectionFields, retentionMonths: '' },
    'retentionMonths',
    'whole number of months',
  ],
  [
    'a retention period that is not a whole number',
    'data-protection',
    { ...dataProtectionFields, retentionMonths: '12.5' },
    'retentionMonths',
    'whole number of months',
  ],
  [
    'a retention period of 0 months',
    'data-protection',
    { ...dataProtectionFields, retentionMonths: '0' },
    'retentionMonths',
    'from 1 to 120 months',
  ],
  [
    'a retention period of 121 months',
    'data-protection',
    { ...dataProtectionFields, retentionMonths: '121' },
    'retentionMonths',
    'from 1 to 120 months',
  ],
  [
    'an accessibility contact too long',
    'accessibility',
    { accessibilityContact: 'a'.repeat(501) },
    'accessibilityContact',
    'must be 500 characters or fewer',
  ],
  [
    'an escalation time under 5 minutes',
    'safeguarding',
    { alertEscalationMinutes: '4', safeguardingRetentionMonths: '72' },
    'alertEscalationMinutes',
    'from 5 to 10080',
  ],
  [
    'an escalation time over a week',
    'safeguarding',
    { alertEscalationMinutes: '10081', safeguardingRetentionMonths: '72' },
    'alertEscalationMinutes',
    'from 5 to 10080',
  ],
  [
    'a negative escalation time',
    'safeguarding',
    { alertEscalationMinutes: '-5', safeguardingRetentionMonths: '72' },
    'alertEscalationMinutes',
    'as a whole number',
  ],
  [
    'a safeguarding retention of 301 months',
    'safeguarding',
    { alertEscalationMinutes: '120', safeguardingRetentionMonths: '301' },
    'safeguardingRetentionMonths',
    'from 1 to 300 months',
  ],
]

describe('refusing bad input', () => {
  it.each(rejected)(
    '%s: 400, the error linked to its field, the input kept, nothing written',
    async (_name, slug, fields, field, words) => {
      const before = await organisationRow(settings)
      const auditsBefore = (await auditRows(settings)).length
      const page = await save(settings, slug, fields)
      expect(page.status).toBe(400)
      expect(page.text).toContain('<title>Error:')
      expect(page.text).toContain('There is a problem')
      expect(page.text).toMatch(new RegExp(`<a href="#${field}">[^<]*${words}`))
      expect(page.text).toContain(`id="${field}-error"`)
      // Every box keeps what was typed, the bad one included (escaped as any text on a page).
      for (const [name, value] of Object.entries(fields)) {
        const shown = value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&#34;')
        expect({ name, kept: page.text.includes(shown) }).toEqual({ name, kept: true })
      }
      expect(await organisationRow(settings)).toEqual(before)
      expect(await auditRows(settings)).toHaveLength(auditsBefore)
    },
  )

  it.each([
    ['a NUL byte', { publicName: 'North\u0000shire' }],
    ['a control character', { familyHelpContact: 'Ring \u0007us' }],
    ['a lone surrogate', { publicName: 'North\uD800shire' }],
  ])('%s in a box: 400, not 500, and nothing written', async (_name, bad) => {
    const before = await organisationRow(settings)
    const auditsBefore = (await auditRows(settings)).length
    const page = await save(settings, 'organisation', { ...organisationFields, ...bad })
    expect(page.status).toBe(400)
    expect(await organisationRow(settings)).toEqual(before)
    expect(await auditRows(settings)).toHaveLength(auditsBefore)
  })

  it('broken UTF-8 and NUL bytes straight off the wire are a 400, not a 500', async () => {
    const before = await organisationRow(settings)
    for (const raw of [
      'publicName=North%FF%FEshire',
      'publicName=North%00shire',
      'publicName=North%ED%A0%80shire',
    ]) {
      const page = await settings.admin.get(section('organisation'))
      const response = await settings.admin
        .post(section('organisation'))
        .type('form')
        .send(
          `${raw}&contactEmail=&contactPhone=&familyHelpContact=&_csrf=${encodeURIComponent(csrfTokenIn(page.text))}`,
        )
      expect({ raw, status: response.status }).toEqual({ raw, status: 400 })
    }
    expect(await organisationRow(settings)).toEqual(before)
  })

  it('a post without the CSRF token is refused and writes nothing', async () => {
    const before = await organisationRow(settings)
    const refused = await settings.admin
      .post(section('organisation'))
      .type('form')
      .send({ publicName: 'Changed' })
    expect(refused.status).toBe(403)
    expect(await organisationRow(settings)).toEqual(before)
  })
})
