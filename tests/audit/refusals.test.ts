import request from 'supertest'
import { paths } from '../../server/paths'
import { createSignInLink } from '../../server/signIn/signInLinks'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { addOfficer, postForm, signedInAgent, signedInAs, type Agent } from '../helpers/officers'
import { csrfTokenIn } from '../helpers/respondent'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { useTestDatabase } from '../helpers/testDatabase'

const database = useTestDatabase()
let testApp: TestApp
let organisationId: string
let viewer: Agent
let analyst: Agent

const rowsOf = (action: string) =>
  database.db.query<{ actor: string; subject: string | null; details: Record<string, unknown> }>(
    `SELECT actor, subject, details FROM audit_events
      WHERE organisation_id = $1 AND action = $2 ORDER BY occurred_at, id`,
    [organisationId, action],
  )

beforeAll(async () => {
  testApp = await buildTestApp(database.db)
  const organisation = await insertOrganisation(database.db, 'refusing-council')
  organisationId = organisation.id
  await insertSurvey(database.db, { organisationId, template: 'what-i-need' })
  viewer = await signedInAs(testApp.app, database.db, {
    organisationId,
    role: 'viewer',
    email: 'viewer@refusing.example',
  })
  analyst = await signedInAs(testApp.app, database.db, {
    organisationId,
    role: 'analyst',
    email: 'analyst@refusing.example',
  })
})

describe('refused attempts are audited: who, what and why', () => {
  it('an officer refused by their role', async () => {
    const refused = await postForm(viewer, paths.manage.scorecardFramework, paths.manage.scorecardTemplate)
    expect(refused.status).toBe(403)
    expect((await viewer.get(paths.manage.audit)).status).toBe(403)
    expect(await rowsOf('refused-by-role')).toEqual([
      {
        actor: 'viewer@refusing.example',
        subject: `POST ${paths.manage.scorecardTemplate}`,
        details: { role: 'viewer', reason: 'Needs the analyst role' },
      },
      {
        actor: 'viewer@refusing.example',
        subject: `GET ${paths.manage.audit}`,
        details: { role: 'viewer', reason: 'Needs the admin role' },
      },
    ])
  })

  it('a post to an officer page without the session’s CSRF token, never writing what was posted', async () => {
    const refused = await analyst
      .post(paths.manage.scorecardYouSaidWeDid)
      .type('form')
      .send({ youSaid: 'Private words', weDid: 'More', _csrf: 'forged-token-value' })
    expect(refused.status).toBe(403)
    const rows = await rowsOf('refused-without-csrf')
    expect(rows).toEqual([
      {
        actor: 'analyst@refusing.example',
        subject: `POST ${paths.manage.scorecardYouSaidWeDid}`,
        details: { reason: 'CSRF token missing or wrong' },
      },
    ])
    expect(JSON.stringify(rows)).not.toMatch(/Private words|forged-token-value/)
  })

  it('a CSRF refusal from nobody signed in belongs to no organisation and writes nothing', async () => {
    const before = await database.db.query('SELECT id FROM audit_events')
    const refused = await request(testApp.app).post(paths.manage.scorecardYouSaidWeDid).type('form').send({})
    expect(refused.status).toBe(403)
    expect(await database.db.query('SELECT id FROM audit_events')).toEqual(before)
  })

  it('a sign-in link used a second time, without the token', async () => {
    const officer = await addOfficer(database.db, organisationId, 'viewer', 'twice@refusing.example')
    const token = await createSignInLink(database.db, officer)
    const first = request.agent(testApp.app)
    const page = await first.get(paths.signIn.link(token))
    const send = (agent: typeof first, csrf: string) =>
      agent.post(paths.signIn.linkAction).type('form').send({ token, _csrf: csrf })
    expect((await send(first, csrfTokenIn(page.text))).status).toBe(303)
    const second = request.agent(testApp.app)
    const secondPage = await second.get('/sign-in')
    expect((await send(second, csrfTokenIn(secondPage.text))).status).toBe(410)
    const rows = await rowsOf('refused-sign-in-link')
    expect(rows).toEqual([
      {
        actor: 'twice@refusing.example',
        subject: 'twice@refusing.example',
        details: { reason: 'already used' },
      },
    ])
    expect(JSON.stringify(await database.db.query('SELECT * FROM audit_events'))).not.toContain(token)
  })

  it('an erasure refused because the reference is not one of ours', async () => {
    const refused = await postForm(analyst, paths.manage.erasure, paths.manage.erasureConfirm, {
      reference: 'ABCD2345',
    })
    expect(refused.status).toBe(404)
    const rows = await rowsOf('refused-erasure')
    expect(rows).toEqual([
      {
        actor: 'analyst@refusing.example',
        subject: null,
        details: { reason: 'no response with that reference' },
      },
    ])
  })

  it('an admin reads the refusals on the audit page', async () => {
    const admin = await signedInAgent(
      testApp.app,
      database.db,
      await addOfficer(database.db, organisationId, 'admin'),
    )
    const page = await admin.get(`${paths.manage.audit}?action=refused-by-role`)
    expect(page.status).toBe(200)
    expect(page.text).toContain('Refused: their role does not allow it')
    expect(page.text).toContain('reason: Needs the admin role')
  })
})
