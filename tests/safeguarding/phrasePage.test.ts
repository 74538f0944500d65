import { paths } from '../../server/paths'
import { defaultPhrases } from '../../server/safeguarding/phrases/phraseDefaults'
import { insertOrganisation } from '../helpers/factories'
import { postForm, signedInAs, type Agent } from '../helpers/officers'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'

let database: TestDatabase
let testApp: TestApp
let ours: { id: string; slug: string }
let theirs: { id: string; slug: string }
let admin: Agent
let safeguarding: Agent
let theirAdmin: Agent

const listPath = paths.manage.safeguardingPhrases
const removePath = paths.manage.safeguardingPhraseRemove

beforeAll(async () => {
  database = await openTestDatabase()
  testApp = await buildTestApp(database.db)
  ours = await insertOrganisation(database.db)
  theirs = await insertOrganisation(database.db)
  admin = await signedInAs(testApp.app, database.db, { organisationId: ours.id, role: 'admin' })
  safeguarding = await signedInAs(testApp.app, database.db, { organisationId: ours.id, role: 'safeguarding' })
  theirAdmin = await signedInAs(testApp.app, database.db, { organisationId: theirs.id, role: 'admin' })
})
afterAll(() => database.drop())

const storedPhrases = async (organisationId: string, language: string) =>
  (
    await database.db.query<{ phrase: string }>(
      'SELECT phrase FROM safeguarding_phrases WHERE organisation_id = $1 AND language = $2 ORDER BY phrase',
      [organisationId, language],
    )
  ).map((row) => row.phrase)

const auditRows = () =>
  database.db.query<{
    organisation_id: string
    action: string
    subject: string
    details: Record<string, unknown>
  }>(
    `SELECT organisation_id, action, subject, details FROM audit_events WHERE action LIKE 'safeguarding-phrase-%' ORDER BY occurred_at`,
  )

const add = (agent: Agent, language: string, phrase: string) =>
  postForm(agent, `${listPath}?language=${language}`, listPath, { language, phrase })

const remove = (agent: Agent, language: string, phrase: string) =>
  postForm(agent, `${listPath}?language=${language}`, removePath, { language, phrase })

describe('who may keep the list', () => {
  it('admins and safeguarding officers see the list; viewers and analysts get 404 and change nothing', async () => {
    expect((await admin.get(listPath)).status).toBe(200)
    expect((await safeguarding.get(listPath)).status).toBe(200)
    for (const role of ['viewer', 'analyst'] as const) {
      const agent = await signedInAs(testApp.app, database.db, { organisationId: ours.id, role })
      expect((await agent.get(listPath)).status).toBe(404)
      const page = await agent.get('/manage')
      const token = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? ''
      for (const action of [listPath, removePath]) {
        const refused = await agent
          .post(action)
          .type('form')
          .send({ _csrf: token, language: 'en', phrase: 'not safe' })
        expect({ role, action, status: refused.status }).toEqual({ role, action, status: 404 })
      }
    }
    expect(await storedPhrases(ours.id, 'en')).toEqual([])
    expect(await auditRows()).toEqual([])
  })
})

describe('the list', () => {
  it('starts as the defaults for the chosen language', async () => {
    const english = await safeguarding.get(listPath)
    expect(english.text).toContain('This is the starting list for this language.')
    expect(english.text).toContain(`${defaultPhrases('en').length} words or phrases`)
    expect(english.text).toContain('<td class="govuk-table__cell" lang="en">scared to go home</td>')
    const welsh = await safeguarding.get(`${listPath}?language=cy`)
    expect(welsh.text).toContain('<td class="govuk-table__cell" lang="cy">ddim yn ddiogel</td>')
    const urdu = await safeguarding.get(`${listPath}?language=ur`)
    expect(urdu.text).toContain('<td class="govuk-table__cell" lang="ur">محفوظ نہیں</td>')
  })

  it('refuses a language it does not know with 400 and an error summary', async () => {
    const page = await admin.get(`${listPath}?language=fr`)
    expect(page.status).toBe(400)
    expect(page.text).toContain('<li><a href="#language">Choose a language from the list</a></li>')
  })

  it('becomes the organisation’s own at the first change, which is audited', async () => {
    const added = await add(safeguarding, 'en', '  Scared   of HIM ')
    expect(added.status).toBe(303)
    expect(added.headers.location).toBe(`${listPath}?language=en`)
    const stored = await storedPhrases(ours.id, 'en')
    expect(stored).toEqual([...defaultPhrases('en'), 'scared of him'].sort())
    const page = await admin.get(`${listPath}?language=en`)
    expect(page.text).toContain('This is your organisation&#39;s own list.')
    expect(page.text).toContain('>scared of him</td>')

    expect((await remove(admin, 'en', 'nudes')).status).toBe(303)
    expect(await storedPhrases(ours.id, 'en')).not.toContain('nudes')
    expect((await auditRows()).map(({ action, subject, details }) => [action, subject, details])).toEqual([
      ['safeguarding-phrase-added', 'scared of him', { language: 'en' }],
      ['safeguarding-phrase-removed', 'nudes', { language: 'en' }],
    ])
  })

  it('removing from a list still on the defaults copies the rest, so only that phrase goes', async () => {
    expect((await remove(admin, 'cy', 'gorddos')).status).toBe(303)
    expect(await storedPhrases(ours.id, 'cy')).toEqual(
      defaultPhrases('cy')
        .filter((p) => p !== 'gorddos')
        .sort(),
    )
  })

  it('leaves another organisation’s list alone, and theirs cannot touch ours', async () => {
    const page = await theirAdmin.get(`${listPath}?language=en`)
    expect(page.text).toContain('This is the starting list for this language.')
    expect(page.text).not.toContain('scared of him')
    const refused = await remove(theirAdmin, 'en', 'scared of him')
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('This word or phrase is not in the list any more')
    expect(await storedPhrases(theirs.id, 'en')).toEqual([])
    expect(await storedPhrases(ours.id, 'en')).toContain('scared of him')
  })
})

describe('bad changes: 400, an error summary, the input kept, nothing written', () => {
  const cases: [string, string, string][] = [
    ['empty', '   ', 'Enter a word or phrase'],
    ['too short', 'a', 'A phrase must be at least 2 characters'],
    ['too long', 'x'.repeat(101), 'A phrase must be 100 characters or fewer'],
    [
      'a * that matches nearly everything',
      'ab*',
      'Use letters, and put * only at the end of a word of at least 2 letters',
    ],
    ['no letters', '12345', 'Use letters, and put * only at the end of a word of at least 2 letters'],
    [
      'already there, written differently',
      'SCARED to  go home',
      'This word or phrase is already in the list',
    ],
  ]

  it.each(cases)('%s', async (_name, phrase, error) => {
    const before = await database.db.query('SELECT * FROM safeguarding_phrases')
    const auditBefore = await auditRows()
    // In Urdu too, except for the phrase that is only in the English list.
    for (const language of error.includes('already') ? ['en'] : ['en', 'ur']) {
      const page = await add(theirAdmin, language, phrase)
      expect(page.status).toBe(400)
      expect(page.text).toContain(`<li><a href="#phrase">${error}</a></li>`)
      if (phrase.trim() !== '') expect(page.text).toContain(`value="${phrase}"`)
    }
    expect(await database.db.query('SELECT * FROM safeguarding_phrases')).toEqual(before)
    expect(await auditRows()).toEqual(auditBefore)
  })

  it('a NUL byte gets a 400 page and nothing is written', async () => {
    const page = await add(theirAdmin, 'en', 'bad\u0000phrase')
    expect(page.status).toBe(400)
    expect(await storedPhrases(theirs.id, 'en')).toEqual([])
  })

  it('an unknown language is refused', async () => {
    const page = await add(theirAdmin, 'fr', 'bonjour')
    expect(page.status).toBe(400)
    expect(page.text).toContain('Choose a language from the list')
  })

  it('a list cannot lose its last phrase', async () => {
    await database.db.query(
      `INSERT INTO safeguarding_phrases (organisation_id, language, phrase) VALUES ($1, 'ur', 'آخری')`,
      [theirs.id],
    )
    const page = await remove(theirAdmin, 'ur', 'آخری')
    expect(page.status).toBe(400)
    expect(page.text).toContain(
      '<li><a href="#phrases">The list must keep at least one word or phrase</a></li>',
    )
    expect(await storedPhrases(theirs.id, 'ur')).toEqual(['آخری'])
  })
})
