import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import net from 'node:net'
import request from 'supertest'
import { paths } from '../../server/paths'
import { statementsRated } from '../fixtures/whatINeedAnswers'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { signedInAs, type Agent } from '../helpers/officers'
import { csrfTokenIn, Respondent } from '../helpers/respondent'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'

let database: TestDatabase
let testApp: TestApp
let organisation: { id: string; slug: string }
let admin: Agent
const badRequestHeading = 'There was a problem with what was sent'

/** Text no form of ours takes, as a browser or a script could send it in a form body or a query. */
const broken: [string, string][] = [
  ['a NUL byte', 'a%00b'],
  ['a bell', 'a%07b'],
  ['a vertical tab', 'a%0Bb'],
  ['an escape', 'a%1Bb'],
  ['a byte that is never UTF-8', 'a%FFb'],
  ['the start of a character on its own', 'a%C3'],
  ['half a surrogate pair, encoded', 'a%ED%A0%80b'],
  ['an overlong encoding', 'a%C0%80b'],
]

beforeAll(async () => {
  database = await openTestDatabase()
  testApp = await buildTestApp(database.db)
  organisation = await insertOrganisation(database.db)
  await insertSurvey(database.db, { organisationId: organisation.id, template: 'what-i-need' })
  admin = await signedInAs(testApp.app, database.db, { organisationId: organisation.id, role: 'admin' })
})
afterAll(() => database.drop())

const expectBadRequestPage = (response: { status: number; text: string }) => {
  expect(response.status).toBe(400)
  expect(response.text).toContain(badRequestHeading)
  expect(response.text).not.toMatch(/at .*\.(ts|js):\d+/)
}

/** A GET whose request line carries exactly these bytes, which no HTTP client library would send. */
async function rawGet(target: Buffer): Promise<{ status: number; text: string }> {
  const server = testApp.app.listen(0, '127.0.0.1')
  await once(server, 'listening')
  try {
    const socket = net.connect((server.address() as AddressInfo).port, '127.0.0.1')
    socket.write(
      Buffer.concat([
        Buffer.from('GET '),
        target,
        Buffer.from(' HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'),
      ]),
    )
    const chunks: Buffer[] = []
    for await (const chunk of socket) chunks.push(chunk as Buffer)
    const text = Buffer.concat(chunks).toString('utf8')
    return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]), text }
  } finally {
    server.close()
  }
}

const count = async (sql: string, parameters: unknown[] = []) => {
  const [row] = await database.db.query<{ count: number }>(sql, parameters)
  return row?.count ?? 0
}

describe('a young person’s free-text answer', () => {
  let respondent: Respondent
  let token: string
  const path = () => respondent.questionPath('life-better')
  const freeText = () =>
    count(
      `SELECT count(*)::integer AS count FROM drafts WHERE organisation_id = $1 AND answers ? 'life-better'`,
      [organisation.id],
    )

  beforeAll(async () => {
    respondent = new Respondent(testApp.app, organisation.slug, 'what-i-need')
    await respondent.begin()
    await respondent.answerAll(statementsRated())
    token = csrfTokenIn((await respondent.get(path())).text)
  })

  it.each(broken)('with %s gets the 400 page and is not saved', async (_name, encoded) => {
    const response = await respondent.agent.post(path()).type('form').send(`answer=${encoded}&_csrf=${token}`)
    expectBadRequestPage(response)
    expect(await freeText()).toBe(0)
  })

  it('with bytes that are not UTF-8, sent raw, gets the 400 page', async () => {
    const body = Buffer.concat([
      Buffer.from('answer=a'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(`&_csrf=${token}`),
    ])
    // Sent as the bytes they are, not serialised as a form of their own.
    const response = await respondent.agent
      .post(path())
      .set('content-type', 'application/x-www-form-urlencoded')
      .serialize((value: unknown) => value as string)
      .send(body as unknown as string)
    expectBadRequestPage(response)
    expect(await freeText()).toBe(0)
  })

  it('with a broken field name gets the 400 page', async () => {
    const response = await respondent.agent
      .post(path())
      .type('form')
      .send(`answer=fine&a%00=1&_csrf=${token}`)
    expectBadRequestPage(response)
    expect(await freeText()).toBe(0)
  })

  it('keeps tabs, line breaks, Welsh, Urdu, emoji and a genuine replacement character', async () => {
    const text = 'Mwy o glybiau\tŵyr\nاسکول 😀 \uFFFD'
    const response = await respondent.post(path(), { answer: text })
    expect(response.status).toBe(303)
    const [row] = await database.db.query<{ answers: Record<string, string> }>(
      `SELECT answers FROM drafts WHERE organisation_id = $1 AND answers ? 'life-better'`,
      [organisation.id],
    )
    expect(row?.answers['life-better']).toBe(text)
  })
})

describe('the sign-in form', () => {
  it.each(broken)(
    'refuses an address with %s with the 400 page and writes nothing',
    async (_name, encoded) => {
      const agent = request.agent(testApp.app)
      const token = csrfTokenIn((await agent.get(paths.signIn.request)).text)
      const requests = () => count('SELECT count(*)::integer AS count FROM sign_in_requests')
      const links = () => count('SELECT count(*)::integer AS count FROM sign_in_links')
      const before = [await requests(), await links()]
      const response = await agent
        .post(paths.signIn.request)
        .type('form')
        .send(`email=${encoded}%40council.example&_csrf=${token}`)
      expectBadRequestPage(response)
      expect([await requests(), await links()]).toEqual(before)
    },
  )
})

describe('officers’ forms and pages', () => {
  const post = async (pagePath: string, action: string, body: string) => {
    const token = csrfTokenIn((await admin.get(pagePath)).text)
    return admin.post(action).type('form').send(`${body}&_csrf=${token}`)
  }

  it.each(broken)('inviting an officer with %s is the 400 page and adds nobody', async (_name, encoded) => {
    const before = await count('SELECT count(*)::integer AS count FROM officers')
    expectBadRequestPage(
      await post(
        paths.manage.officers,
        paths.manage.officers,
        `email=new${encoded}%40council.example&role=viewer`,
      ),
    )
    expect(await count('SELECT count(*)::integer AS count FROM officers')).toBe(before)
  })

  it.each(broken)(
    'a retention period with %s is the 400 page and changes nothing',
    async (_name, encoded) => {
      const page = paths.manage.surveyRetention('what-i-need')
      expectBadRequestPage(await post(page, page, `months=1${encoded}`))
      expect(
        await count('SELECT count(*)::integer AS count FROM surveys WHERE retention_months IS NOT NULL'),
      ).toBe(0)
    },
  )

  it.each(broken)('a query string with %s is the 400 page', async (_name, encoded) => {
    expectBadRequestPage(await admin.get(`${paths.manage.audit}?actor=${encoded}`))
    expectBadRequestPage(await admin.get(`${paths.manage.surveys}?${encoded}=1`))
  })

  // Node's own HTTP parser refuses such a request line with a bare 400 before the app sees it.
  it('a query string with raw bytes that are not UTF-8 is refused with 400, never a 500', async () => {
    const target = Buffer.concat([
      Buffer.from(`${paths.signIn.request}?x=a`),
      Buffer.from([0xff]),
      Buffer.from('b'),
    ])
    expect((await rawGet(target)).status).toBe(400)
    expect((await rawGet(Buffer.from(`${paths.signIn.request}?x=${encodeURIComponent('ŵ')}`))).status).toBe(
      200,
    )
  })

  it('the fields of a file upload are checked too', async () => {
    const token = csrfTokenIn((await admin.get(paths.manage.scorecardImport)).text)
    const boundary = 'heard-boundary'
    const part = (headers: string, content: Buffer) =>
      Buffer.concat([Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`), content, Buffer.from('\r\n')])
    const body = Buffer.concat([
      part('Content-Disposition: form-data; name="_csrf"', Buffer.from(token)),
      part('Content-Disposition: form-data; name="note"', Buffer.from([0x61, 0xff, 0x62])),
      part(
        'Content-Disposition: form-data; name="file"; filename="figures.csv"\r\nContent-Type: text/csv',
        Buffer.from('indicator,period,value\n'),
      ),
      Buffer.from(`--${boundary}--\r\n`),
    ])
    const response = await admin
      .post(paths.manage.scorecardImport)
      .set('content-type', `multipart/form-data; boundary=${boundary}`)
      .send(body)
    expectBadRequestPage(response)
    expect(await count('SELECT count(*)::integer AS count FROM administrative_values')).toBe(0)
  })

  it('ordinary text with a percent sign that is not an escape is left alone', async () => {
    const response = await admin.get(`${paths.manage.audit}?actor=100%`)
    expect(response.status).toBe(200)
  })
})
