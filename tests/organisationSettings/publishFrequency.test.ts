import { paths } from '../../server/paths'
import { postForm, signedInAs, type Agent } from '../helpers/officers'
import { inputTag } from '../helpers/scorecards'
import { buildTestApp } from '../helpers/testApp'
import { auditRows, organisationRow, save, section, useSettingsFixture } from './settingsFixture'

const settings = useSettingsFixture()
const page = section('scorecards')
let analyst: Agent

beforeAll(async () => {
  // The fixture's app is its own; another on the same database serves the analyst as well.
  const { app } = await buildTestApp(settings.database.db)
  analyst = await signedInAs(app, settings.database.db, {
    organisationId: settings.organisation.id,
    role: 'analyst',
  })
})

describe('how often the scorecard is published', () => {
  it('is quarterly until an admin says otherwise, shown as radios with the setting chosen', async () => {
    expect(await organisationRow(settings)).toMatchObject({ publish_frequency: 'quarterly' })
    const form = await settings.admin.get(page)
    expect(form.status).toBe(200)
    expect(inputTag(form.text, 'publishFrequency', 'quarterly')).toContain(' checked')
    expect(inputTag(form.text, 'publishFrequency', 'six-monthly')).not.toContain(' checked')
    expect(inputTag(form.text, 'publishFrequency', 'annual')).not.toContain(' checked')
    for (const words of ['Quarterly', 'Half-yearly', 'Yearly']) expect(form.text).toContain(words)
    const overview = await settings.admin.get(paths.settings.home)
    expect(overview.text).toContain(`href="${page}"`)
    expect(overview.text).toContain('Quarterly')
  })

  it('an admin sets it, and the change is audited by the field’s name', async () => {
    const saved = await save(settings, 'scorecards', { publishFrequency: 'six-monthly' })
    expect(saved.status).toBe(303)
    expect(saved.headers.location).toBe(paths.settings.home)
    expect(await organisationRow(settings)).toMatchObject({ publish_frequency: 'six-monthly' })
    const overview = await settings.admin.get(paths.settings.home)
    expect(overview.text).toContain('Scorecard publishing saved')
    expect(overview.text).toContain('Half-yearly')
    expect(await auditRows(settings)).toEqual([
      {
        subject: 'scorecards',
        details: { fields: 'publishFrequency' },
        actor: 'settings.admin@council.example',
      },
    ])
    expect(inputTag((await settings.admin.get(page)).text, 'publishFrequency', 'six-monthly')).toContain(
      ' checked',
    )
  })

  it('saving the same choice again audits nothing', async () => {
    expect((await save(settings, 'scorecards', { publishFrequency: 'six-monthly' })).status).toBe(303)
    expect(await auditRows(settings)).toHaveLength(1)
  })

  it.each([
    ['a frequency it does not offer', { publishFrequency: 'monthly' }],
    ['nothing chosen', {}],
    ['an unknown word', { publishFrequency: "annual'; DROP TABLE organisations; --" }],
  ])('refuses %s with 400 and an error summary, writing nothing', async (_name, fields) => {
    const before = await organisationRow(settings)
    const auditsBefore = await auditRows(settings)
    const refused = await save(settings, 'scorecards', fields)
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('<title>Error: ')
    expect(refused.text).toContain('There is a problem')
    expect(refused.text).toContain(
      '<a href="#publishFrequency">Choose how often the scorecard is published</a>',
    )
    expect(refused.text).toContain('id="publishFrequency-error"')
    expect(refused.text).not.toMatch(/name="publishFrequency"[^>]*checked/)
    expect(await organisationRow(settings)).toEqual(before)
    expect(await auditRows(settings)).toEqual(auditsBefore)
  })

  it('is not for analysts, who can neither see nor change it', async () => {
    const before = await organisationRow(settings)
    expect((await analyst.get(page)).status).toBe(403)
    const refused = await postForm(analyst, paths.manage.scorecards, page, { publishFrequency: 'annual' })
    expect(refused.status).toBe(403)
    expect(await organisationRow(settings)).toEqual(before)
  })

  it('refuses a change without the form’s token', async () => {
    const refused = await settings.admin.post(page).type('form').send({ publishFrequency: 'annual' })
    expect(refused.status).toBe(403)
    expect(await organisationRow(settings)).toMatchObject({ publish_frequency: 'six-monthly' })
  })
})
