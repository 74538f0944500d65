import { paths } from '../../server/paths'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { signedInAs, type Agent } from '../helpers/officers'
import { csrfTokenIn } from '../helpers/respondent'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { useTestDatabase } from '../helpers/testDatabase'
import { uploadContacts } from './invitationFixtures'

const database = useTestDatabase()
let testApp: TestApp
let analyst: Agent
let slug: string

const counts = async () => {
  const [row] = await database.db.query<{ lists: number; invitations: number; emails: number }>(
    `SELECT (SELECT count(*)::int FROM contact_lists) AS lists, (SELECT count(*)::int FROM invitations) AS invitations,
            (SELECT count(*)::int FROM invitation_emails) AS emails`,
  )
  return row
}

beforeAll(async () => {
  testApp = await buildTestApp(database.db)
  const organisation = await insertOrganisation(database.db)
  ;({ slug } = await insertSurvey(database.db, {
    organisationId: organisation.id,
    template: 'ehcp-experience',
  }))
  analyst = await signedInAs(testApp.app, database.db, { organisationId: organisation.id, role: 'analyst' })
})

const csvWithBadRows = [
  'Email,NAME,Language,Group',
  'ann@example.org,Ann,en,Oak Primary',
  'not-an-email,Bob,en,Oak Primary',
  'cai@example.org,Cai,cy,Ysgol y Dderwen',
  ',Nobody,en,',
  'dina@example.org,Dina,fr,Oak Primary',
  'ANN@example.org,Ann again,en,Oak Primary',
  'esa@example.org,,ur,',
].join('\n')

describe('uploading a contacts CSV', () => {
  it('lists each bad row by number with why, and keeps the good rows for the next step', async () => {
    const uploaded = await uploadContacts(analyst, slug, csvWithBadRows)
    expect(uploaded.status).toBe(303)
    const page = await analyst.get(uploaded.headers.location ?? '')
    expect(page.status).toBe(200)
    expect(page.text).toContain('Contacts ready to invite: 3')
    const rows = [
      ...page.text.matchAll(
        /<th scope="row" class="govuk-table__header">(\d+)<\/th><td class="govuk-table__cell">([^<]+)</g,
      ),
    ]
    expect(rows.map((match) => [match[1], match[2]])).toEqual([
      ['3', 'The email address is not a valid one'],
      ['5', 'There is no email address'],
      ['6', 'The language is not one we send in: use en, cy or ur'],
      ['7', 'The same email address is on an earlier row'],
    ])
    // The bad rows' cells are nowhere: only numbers and reasons are kept.
    expect(JSON.stringify(await database.db.query('SELECT problems FROM contact_lists'))).not.toContain(
      'not-an-email',
    )
    expect(
      await database.db.query(
        'SELECT email, name, language, contact_group FROM invitations ORDER BY row_number',
      ),
    ).toEqual([
      { email: 'ann@example.org', name: 'Ann', language: 'en', contact_group: 'Oak Primary' },
      { email: 'cai@example.org', name: 'Cai', language: 'cy', contact_group: 'Ysgol y Dderwen' },
      { email: 'esa@example.org', name: null, language: 'ur', contact_group: null },
    ])
  })

  it('previews the email in each language used, with stand-in links', async () => {
    const [list] = await database.db.query<{ handle: string }>('SELECT handle FROM contact_lists')
    const preview = await analyst.get(paths.manage.contactListPreview(slug, list?.handle ?? ''))
    expect(preview.status).toBe(200)
    expect(preview.text).toContain('lang="cy" dir="ltr"')
    expect(preview.text).toContain('lang="ur" dir="rtl"')
    expect(preview.text).toContain('Hello Ann,')
    expect(preview.text).toContain('Helo Cai,')
    expect(preview.text).toContain('Hoffai Council')
    expect(preview.text).toContain('[a link to the survey, for this person only]')
  })

  it('refuses bad reminder days with 400, keeping the input, and queues nothing', async () => {
    const [list] = await database.db.query<{ handle: string }>('SELECT handle FROM contact_lists')
    const previewPath = paths.manage.contactListPreview(slug, list?.handle ?? '')
    const page = await analyst.get(previewPath)
    const sent = await analyst
      .post(previewPath)
      .type('form')
      .send({ reminderDays: '7, 99', _csrf: csrfTokenIn(page.text) })
    expect(sent.status).toBe(400)
    expect(sent.text).toContain('govuk-error-summary')
    expect(sent.text).toContain('Each reminder day must be from 1 to 60')
    expect(sent.text).toContain('value="7, 99"')
    expect((await counts())?.emails).toBe(0)
  })

  it('sends a checked list once, however often it is posted', async () => {
    const [list] = await database.db.query<{ handle: string }>('SELECT handle FROM contact_lists')
    const previewPath = paths.manage.contactListPreview(slug, list?.handle ?? '')
    const page = await analyst.get(previewPath)
    const token = csrfTokenIn(page.text)
    const first = await analyst.post(previewPath).type('form').send({ reminderDays: '14 7', _csrf: token })
    const again = await analyst.post(previewPath).type('form').send({ reminderDays: '14 7', _csrf: token })
    expect([first.status, again.status]).toEqual([303, 303])
    expect(first.headers.location).toBe(paths.manage.invitations(slug))
    expect(await database.db.query('SELECT reminder_days FROM contact_lists')).toEqual([
      { reminder_days: [7, 14] },
    ])
    expect(await counts()).toEqual({ lists: 1, invitations: 3, emails: 3 })
    const status = await analyst.get(paths.manage.invitations(slug))
    expect(status.status).toBe(200)
    expect(status.text).toContain('ann@example.org')
    expect(status.text).toContain('Queued')
  })

  it('lists an address already invited to the survey as a bad row of a later list', async () => {
    const uploaded = await uploadContacts(analyst, slug, 'email\nann@example.org\nfay@example.org\n')
    const page = await analyst.get(uploaded.headers.location ?? '')
    expect(page.text).toContain('Contacts ready to invite: 1')
    expect(page.text).toContain('This address has already been invited to this survey')
  })

  it.each([
    ['no email column', 'name,group\nAnn,Oak\n', 'The first row must name an email column'],
    ['no rows', 'email\n', 'The file has no contacts under its header row'],
    ['only bad rows', 'email\nnope\n', 'No row could be used'],
    ['an unclosed quote', 'email\n"ann@example.org\n', 'is not a CSV file that can be read'],
    ['not UTF-8', Buffer.from('email,name\nann@example.org,Si\xf4n\n', 'latin1'), 'not saved as UTF-8'],
  ])('refuses a file with %s (400), writing nothing', async (_name, csv, message) => {
    const before = await counts()
    const response = await uploadContacts(analyst, slug, csv)
    expect(response.status).toBe(400)
    expect(response.text).toContain('govuk-error-summary')
    expect(response.text).toContain(message)
    expect(await counts()).toEqual(before)
  })

  it('refuses an upload over 5 MB with 413 and one cut short with 400', async () => {
    const big = `email\n${'someone@example.org\n'.repeat(300_000)}`
    expect((await uploadContacts(analyst, slug, big)).status).toBe(413)
    const page = await analyst.get(paths.manage.invitationsUpload(slug))
    const boundary = 'heardboundary'
    const cut = await analyst
      .post(paths.manage.invitationsUpload(slug))
      .set('content-type', `multipart/form-data; boundary=${boundary}`)
      .send(
        `--${boundary}\r\ncontent-disposition: form-data; name="_csrf"\r\n\r\n${csrfTokenIn(page.text)}\r\n` +
          `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="c.csv"\r\ncontent-type: text/csv\r\n\r\nemail\nann@`,
      )
    expect(cut.status).toBe(400)
    expect(cut.text).not.toMatch(/\n\s+at \S+ \(/)
  })

  it('refuses an upload without the CSRF token (403), and pages to viewers (403)', async () => {
    const noToken = await analyst
      .post(paths.manage.invitationsUpload(slug))
      .attach('file', Buffer.from('email\nzed@example.org\n'), 'c.csv')
    expect(noToken.status).toBe(403)
    const [organisation] = await database.db.query<{ id: string }>('SELECT id FROM organisations')
    const viewer = await signedInAs(testApp.app, database.db, {
      organisationId: organisation?.id ?? '',
      role: 'viewer',
    })
    expect((await viewer.get(paths.manage.invitations(slug))).status).toBe(403)
    expect((await viewer.get(paths.manage.invitationsUpload(slug))).status).toBe(403)
  })

  it('gives 404 for a list or survey that is not there', async () => {
    expect((await analyst.get(paths.manage.contactList(slug, 'abcdefghij'))).status).toBe(404)
    expect((await analyst.get(paths.manage.invitations('no-such-survey'))).status).toBe(404)
  })
})
