import { paths } from '../../server/paths'
import { insertOrganisation } from '../helpers/factories'
import { addOfficer, postForm, signedInAgent, type Agent } from '../helpers/officers'
import { linkIn, startSmtpServer } from '../helpers/smtpServer'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { loadConfig } from '../../server/config'

let database: TestDatabase
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let testApp: TestApp
let organisation: { id: string; slug: string }
let admin: Agent
let adminOfficer: Awaited<ReturnType<typeof addOfficer>>

beforeAll(async () => {
  database = await openTestDatabase()
  smtp = await startSmtpServer()
  testApp = await buildTestApp(database.db, { mail: { ...loadConfig({}).mail, smtpUrl: smtp.url } })
  organisation = await insertOrganisation(database.db)
  adminOfficer = await addOfficer(database.db, organisation.id, 'admin', 'boss@council.example')
  admin = await signedInAgent(testApp.app, database.db, adminOfficer)
})
afterAll(async () => {
  await smtp.close()
  await database.drop()
})

const officerRows = () =>
  database.db.query<{ email: string; role: string; handle: string }>(
    'SELECT email, role, handle FROM officers ORDER BY email',
  )

describe('admins manage officers', () => {
  it('invites an officer, who receives a sign-in link', async () => {
    const invited = await postForm(admin, paths.manage.officers, paths.manage.officers, {
      email: 'New.Person@Council.example',
      role: 'analyst',
    })
    expect(invited.status).toBe(303)
    expect(await officerRows()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ email: 'new.person@council.example', role: 'analyst' }),
      ]),
    )
    for (let tries = 0; tries < 50 && smtp.received.length === 0; tries += 1)
      await new Promise((resolve) => setTimeout(resolve, 50))
    expect(smtp.received[0]?.to).toContain('new.person@council.example')
    expect(linkIn(smtp.received[0]?.text ?? '')).toBeDefined()
    const list = await admin.get(paths.manage.officers)
    expect(list.text).toContain('new.person@council.example')
  })

  it('refuses a bad invitation with 400, errors linked to fields, and nothing written', async () => {
    const before = await officerRows()
    const bad = await postForm(admin, paths.manage.officers, paths.manage.officers, {
      email: 'nope',
      role: 'emperor',
    })
    expect(bad.status).toBe(400)
    expect(bad.text).toContain('<a href="#email">')
    expect(bad.text).toContain('<a href="#role">Choose a role</a>')
    expect(bad.text).toContain('value="nope"')
    const taken = await postForm(admin, paths.manage.officers, paths.manage.officers, {
      email: 'boss@council.example',
      role: 'viewer',
    })
    expect(taken.status).toBe(400)
    expect(await officerRows()).toEqual(before)
  })

  it('changes a role, and the change applies to a signed-in officer at once', async () => {
    const person = await addOfficer(database.db, organisation.id, 'viewer')
    const personAgent = await signedInAgent(testApp.app, database.db, person)
    expect((await personAgent.get(paths.manage.newSurvey)).status).toBe(403)
    const changed = await postForm(
      admin,
      paths.manage.officer(person.handle),
      paths.manage.officerRole(person.handle),
      { role: 'analyst' },
    )
    expect(changed.status).toBe(303)
    expect((await personAgent.get(paths.manage.newSurvey)).status).toBe(200)
  })

  it('removes an officer, whose session ends at once', async () => {
    const person = await addOfficer(database.db, organisation.id, 'analyst')
    const personAgent = await signedInAgent(testApp.app, database.db, person)
    const removed = await postForm(
      admin,
      paths.manage.officer(person.handle),
      paths.manage.officerRemove(person.handle),
    )
    expect(removed.status).toBe(303)
    expect((await personAgent.get(paths.manage.surveys)).headers.location).toBe(paths.signIn.request)
  })

  it('keeps at least one admin', async () => {
    const demote = await postForm(
      admin,
      paths.manage.officer(adminOfficer.handle),
      paths.manage.officerRole(adminOfficer.handle),
      { role: 'viewer' },
    )
    expect(demote.status).toBe(400)
    expect(demote.text).toContain('An organisation must keep at least one admin')
    const remove = await postForm(
      admin,
      paths.manage.officer(adminOfficer.handle),
      paths.manage.officerRemove(adminOfficer.handle),
    )
    expect(remove.status).toBe(400)
    expect((await officerRows()).find((row) => row.email === 'boss@council.example')?.role).toBe('admin')
  })
})

describe('the audit log', () => {
  it('lists sign-ins, invitations, role changes and removals, newest first, and filters them', async () => {
    const page = await admin.get(paths.manage.audit)
    expect(page.status).toBe(200)
    for (const action of ['Signed in', 'Officer invited', 'Role changed', 'Officer removed'])
      expect(page.text).toContain(action)
    const filtered = await admin.get(`${paths.manage.audit}?action=role-changed&actor=&from=&to=`)
    expect(filtered.text).toContain('Role changed')
    expect(filtered.text).not.toContain('Officer invited</td>')
    const byPerson = await admin.get(`${paths.manage.audit}?action=&actor=nobody-matches&from=&to=`)
    expect(byPerson.text).toContain('Nothing matches these filters.')
  })

  it('refuses a bad filter with 400 and the filter kept', async () => {
    const bad = await admin.get(`${paths.manage.audit}?action=explode&actor=&from=yesterday&to=`)
    expect(bad.status).toBe(400)
    expect(bad.text).toContain('Enter a date like 2026-11-23')
    expect(bad.text).toContain('value="yesterday"')
  })
})
