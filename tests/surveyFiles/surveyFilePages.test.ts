import request from 'supertest'
import { paths } from '../../server/paths'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { signedInAs, type Agent } from '../helpers/officers'
import { csrfTokenIn } from '../helpers/respondent'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { useTestDatabase } from '../helpers/testDatabase'
import {
  addINeedOutcomes,
  auditLines,
  everyKindOfProblem,
  fileWithEveryKindOfProblem,
  importedRows,
  storedSurvey,
} from './surveyFileFixtures'

const database = useTestDatabase()
let testApp: TestApp
let north: { id: string; slug: string }
let south: { id: string; slug: string }
let northAnalyst: Agent
let northViewer: Agent
let southAdmin: Agent
let southAnalyst: Agent

beforeAll(async () => {
  const { db } = database
  testApp = await buildTestApp(db)
  north = await insertOrganisation(db)
  south = await insertOrganisation(db)
  await addINeedOutcomes(db, north.id)
  await addINeedOutcomes(db, south.id)
  await insertSurvey(db, { organisationId: north.id, template: 'ehcp-experience' })
  await insertSurvey(db, { organisationId: south.id, template: 'what-i-need', slug: 'south-only' })
  northAnalyst = await signedInAs(testApp.app, db, { organisationId: north.id, role: 'analyst' })
  northViewer = await signedInAs(testApp.app, db, { organisationId: north.id, role: 'viewer' })
  southAdmin = await signedInAs(testApp.app, db, { organisationId: south.id, role: 'admin' })
  southAnalyst = await signedInAs(testApp.app, db, { organisationId: south.id, role: 'analyst' })
})

/** Uploads a file through the import form, with the form's CSRF token unless told otherwise. */
async function upload(agent: Agent, file: Buffer | string, token?: string) {
  const page = await agent.get(paths.manage.importSurvey)
  return agent
    .post(paths.manage.importSurvey)
    .field('_csrf', token ?? csrfTokenIn(page.text))
    .attach('file', Buffer.from(file), { filename: 'survey.json', contentType: 'application/json' })
}

const decoded = (html: string) =>
  html.replaceAll('&#34;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>')

describe('exporting a survey as a file', () => {
  it('downloads the newest version as JSON pointing at the published schema, and audits it', async () => {
    const file = await northAnalyst.get(paths.manage.surveyFile('ehcp-experience'))
    expect(file.status).toBe(200)
    expect(file.headers['content-type']).toMatch(/^application\/json/)
    expect(file.headers['content-disposition']).toBe('attachment; filename=ehcp-experience.survey.json')
    const json = JSON.parse(file.text) as {
      $schema: string
      format: string
      definition: unknown
      words: unknown
    }
    expect(json.$schema).toBe(`${testApp.config.baseUrl}${paths.surveyFileSchema}`)
    expect(json.format).toBe('heard-survey')
    const stored = await storedSurvey(database.db, north.id, 'ehcp-experience')
    // A template's definition carries a pointer for editors in surveys/, which a file leaves out.
    expect(json.definition).toEqual({ ...(stored?.definition as object), $schema: undefined })
    expect(json.words).toEqual(stored?.words)
    expect(await auditLines(database.db, north.id, 'survey-exported')).toEqual([
      expect.stringMatching(/^survey-exported ehcp-experience analyst-/),
    ])
  })

  it('offers the download on the survey page to those who may take it', async () => {
    const page = await northAnalyst.get(paths.manage.survey('ehcp-experience'))
    expect(page.text).toContain(`href="${paths.manage.surveyFile('ehcp-experience')}"`)
    const list = await northAnalyst.get(paths.manage.surveys)
    expect(list.text).toContain(`href="${paths.manage.importSurvey}"`)
  })

  it("is not found for another organisation's survey or one that does not exist", async () => {
    expect((await northAnalyst.get(paths.manage.surveyFile('south-only'))).status).toBe(404)
    expect((await northAnalyst.get(paths.manage.surveyFile('no-such-survey'))).status).toBe(404)
    expect((await northAnalyst.get(paths.manage.surveyFile('Not_A_Slug'))).status).toBe(404)
  })

  it('is refused to a viewer and to anyone not signed in', async () => {
    const before = await importedRows(database.db)
    expect((await northViewer.get(paths.manage.surveyFile('ehcp-experience'))).status).toBe(403)
    const anonymous = await request(testApp.app).get(paths.manage.surveyFile('ehcp-experience'))
    expect(anonymous.status).toBe(303)
    expect(await auditLines(database.db, north.id, 'survey-exported')).toHaveLength(1)
    expect((await importedRows(database.db)).surveys).toBe(before.surveys)
  })
})

describe('importing a survey file', () => {
  it('imports an exported survey into another organisation as a draft at version 1, with the same words', async () => {
    const exported = await northAnalyst.get(paths.manage.surveyFile('ehcp-experience'))
    const page = await southAnalyst.get(paths.manage.importSurvey)
    expect(page.status).toBe(200)
    expect(page.text).toContain('enctype="multipart/form-data"')

    const imported = await upload(southAnalyst, exported.text)
    expect(imported.status).toBe(303)
    expect(imported.headers.location).toBe(paths.manage.survey('ehcp-experience'))
    const original = await storedSurvey(database.db, north.id, 'ehcp-experience')
    const copy = await storedSurvey(database.db, south.id, 'ehcp-experience')
    expect(copy).toEqual({
      ...original,
      definition: { ...(original?.definition as object), $schema: undefined },
      status: 'draft',
      versions: [1],
    })
    expect(await auditLines(database.db, south.id, 'survey-imported')).toEqual([
      expect.stringMatching(/^survey-imported ehcp-experience analyst-/),
    ])

    // Exported again from its new home, it is the same file, byte for byte.
    const again = await southAnalyst.get(paths.manage.surveyFile('ehcp-experience'))
    expect(again.text).toBe(exported.text)
    // Nobody can answer a draft.
    expect((await request(testApp.app).get(paths.respond.start(south.slug, 'ehcp-experience'))).status).toBe(
      404,
    )
  })

  it('gives a second import of the same survey the next free slug', async () => {
    const exported = await northAnalyst.get(paths.manage.surveyFile('ehcp-experience'))
    const second = await upload(southAdmin, exported.text)
    expect(second.headers.location).toBe(paths.manage.survey('ehcp-experience-2'))
    const third = await upload(southAdmin, exported.text)
    expect(third.headers.location).toBe(paths.manage.survey('ehcp-experience-3'))
  })

  it('lists every problem with its path in an error summary, and saves nothing', async () => {
    const before = await importedRows(database.db)
    const refused = await upload(southAnalyst, JSON.stringify(fileWithEveryKindOfProblem(), null, 2))
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('<title>Error: Import a survey')
    expect(refused.text).toContain('govuk-error-summary')
    const text = decoded(refused.text).replaceAll(
      /<bdi dir="ltr" lang="en"><code class="heard-code">([^<]*)<\/code><\/bdi>/g,
      '$1',
    )
    for (const problem of everyKindOfProblem) expect(text).toContain(problem)
    expect(refused.text.match(/<li><a href="#file">/g)).toHaveLength(everyKindOfProblem.length)
    expect(await importedRows(database.db)).toEqual(before)
  })

  it('says where a file that is not JSON goes wrong, and saves nothing', async () => {
    const before = await importedRows(database.db)
    const refused = await upload(southAnalyst, '{\n  "format": "heard-survey",\n  oops\n}')
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('The file is not valid JSON: it goes wrong at line 3, column 3')
    expect(await importedRows(database.db)).toEqual(before)
  })

  it('speaks Welsh to a Welsh-speaking officer, with the paths as they are in the file', async () => {
    await southAnalyst.get('/?lang=cy')
    const refused = await upload(southAnalyst, '{"format": "heard-survey"}')
    await southAnalyst.get('/?lang=en')
    expect(refused.status).toBe(400)
    expect(decoded(refused.text)).toContain('Ni chafodd yr arolwg ei fewnforio')
    expect(decoded(refused.text)).toContain('formatVersion</code></bdi>: Mae hwn ar goll')
  })

  it('asks for a file when none is chosen', async () => {
    const before = await importedRows(database.db)
    const page = await southAnalyst.get(paths.manage.importSurvey)
    const refused = await southAnalyst.post(paths.manage.importSurvey).field('_csrf', csrfTokenIn(page.text))
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('Choose a survey file to import')
    expect(await importedRows(database.db)).toEqual(before)
  })

  it('refuses a file over 1 MB as too large (413) and a body cut short as bad input (400)', async () => {
    const before = await importedRows(database.db)
    const tooBig = await upload(southAnalyst, `{"padding": "${'x'.repeat(1024 * 1024)}"}`)
    expect(tooBig.status).toBe(413)
    const page = await southAnalyst.get(paths.manage.importSurvey)
    const cutShort = await southAnalyst
      .post(paths.manage.importSurvey)
      .set('Content-Type', 'multipart/form-data; boundary=heard-boundary')
      .send(
        `--heard-boundary\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrfTokenIn(page.text)}\r\n--heard-boundary\r\nContent-Disposition: form-data; name="file"; filename="survey.json"\r\n\r\n{"format": "heard-`,
      )
    expect(cutShort.status).toBe(400)
    expect(cutShort.text).not.toContain(' at ')
    expect(await importedRows(database.db)).toEqual(before)
  })

  it('refuses an upload without the CSRF token, or from a viewer, and saves nothing', async () => {
    const before = await importedRows(database.db)
    const exported = await northAnalyst.get(paths.manage.surveyFile('ehcp-experience'))
    const withoutToken = await southAnalyst
      .post(paths.manage.importSurvey)
      .attach('file', Buffer.from(exported.text), { filename: 'survey.json' })
    expect(withoutToken.status).toBe(403)
    expect((await upload(southAnalyst, exported.text, 'not-the-token')).status).toBe(403)
    expect((await northViewer.get(paths.manage.importSurvey)).status).toBe(403)
    const fromViewer = await northViewer
      .post(paths.manage.importSurvey)
      .attach('file', Buffer.from(exported.text), { filename: 'survey.json' })
    expect(fromViewer.status).toBe(403)
    const rowsNow = await importedRows(database.db)
    // Refusals are audited (refused-by-role, refused-without-csrf); nothing else is written.
    expect({ ...rowsNow, audit: before.audit }).toEqual(before)
  })
})

describe('the published schema', () => {
  it('is served to anyone, as the file every export points at', async () => {
    const schema = await request(testApp.app).get(paths.surveyFileSchema)
    expect(schema.status).toBe(200)
    expect(schema.headers['content-type']).toMatch(/^application\/schema\+json/)
    expect((JSON.parse(schema.text) as { title: string }).title).toBe('Heard survey file')
  })
})
