import request from 'supertest'
import { paths } from '../../server/paths'
import { csrfTokenIn } from '../helpers/respondent'
import { insertOrganisation } from '../helpers/factories'
import { addOfficer, postForm, signedInAgent, type Agent } from '../helpers/officers'
import { linkIn, startSmtpServer } from '../helpers/smtpServer'
import { buildTestApp, startWorker, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { loadConfig } from '../../server/config'
import { waitForEmailJobs } from '../signIn/signInJobs'

let database: TestDatabase
let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let testApp: TestApp
let organisation: { id: string; slug: string }
let admin: Agent
let adminOfficer: Awaited<ReturnType<typeof addOfficer>>
let stopWorker: () => Promise<void>

beforeAll(async () => {
  database = await openTestDatabase()
  smtp = await startSmtpServer()
  testApp = await buildTestApp(database.db, { mail: { ...loadConfig({}).mail, smtpUrl: smtp.url } })
  organisation = await insertOrganisation(database.db)
  adminOfficer = await addOfficer(database.db, organisation.id, 'admin', 'boss@council.example')
  admin = await signedInAgent(testApp.app, database.db, adminOfficer)
  stopWorker = await startWorker(testApp)
})
afterAll(async () => {
  await stopWorker()
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
    await waitForEmailJobs(database.db)
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

describe('inviting an address that is already another council officer', () => {
  const mailsTo = (email: string) => smtp.received.filter((mail) => mail.to.includes(email))
  const tableOf = (html: string, caption: string) =>
    html.split('<table').find((table) => table.includes(caption)) ?? ''
  // The page with the one thing that should differ, the address, made the same.
  const withoutAddress = (html: string, email: string) => html.split(email).join('ADDRESS')

  it('answers exactly as for a new address, creates nothing, and lists both as invited', async () => {
    const other = await insertOrganisation(database.db)
    await addOfficer(database.db, other.id, 'analyst', 'taken@elsewhere.example')
    const elsewhere = await postForm(admin, paths.manage.officers, paths.manage.officers, {
      email: 'taken@elsewhere.example',
      role: 'viewer',
    })
    const nobody = await postForm(admin, paths.manage.officers, paths.manage.officers, {
      email: 'fresh@nowhere.example',
      role: 'viewer',
    })
    expect(elsewhere.status).toBe(303)
    expect(nobody.status).toBe(303)
    expect(elsewhere.headers.location).toBe(nobody.headers.location)
    expect(elsewhere.text).toBe(nobody.text)

    const list = await admin.get(paths.manage.officers)
    const invited = tableOf(list.text, 'Invited')
    const rowOf = (email: string) =>
      withoutAddress(
        (invited.split('<tr').find((row) => row.includes(email)) ?? '').split('</tr>')[0] ?? '',
        email,
      )
    expect(rowOf('taken@elsewhere.example')).not.toBe('')
    expect(rowOf('taken@elsewhere.example')).toBe(rowOf('fresh@nowhere.example'))
    expect(tableOf(list.text, 'Officers in your organisation')).not.toContain('@elsewhere.example')
    expect(list.text).not.toContain(other.slug)

    // Nothing of the other council changed, and nothing was made for it here.
    expect(await officerRows()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ email: 'taken@elsewhere.example', role: 'analyst' }),
      ]),
    )
    const mine = await database.db.query('SELECT 1 FROM officers WHERE organisation_id = $1 AND email = $2', [
      organisation.id,
      'taken@elsewhere.example',
    ])
    expect(mine).toEqual([])
  })

  it('asking again gets the same refusal for both', async () => {
    const again = async (email: string) =>
      postForm(admin, paths.manage.officers, paths.manage.officers, { email, role: 'viewer' })
    const elsewhere = await again('taken@elsewhere.example')
    const nobody = await again('fresh@nowhere.example')
    expect(elsewhere.status).toBe(400)
    expect(nobody.status).toBe(400)
    // Each page keeps its own typed address in the form; apart from that they are the same.
    const formOf = (html: string, typed: string) =>
      withoutAddress(html.slice(html.indexOf('<h2 class="govuk-heading-m">')), typed).replace(
        /name="_csrf" value="[^"]+"/,
        '',
      )
    expect(formOf(elsewhere.text, 'taken@elsewhere.example')).toBe(
      formOf(nobody.text, 'fresh@nowhere.example'),
    )
    expect(elsewhere.text).toContain('There is a problem')
    expect(nobody.text).toContain('There is a problem')
  })

  it('emails the person already elsewhere that someone tried, once; the new person gets a link that moves them to officers', async () => {
    await waitForEmailJobs(database.db)
    const told = mailsTo('taken@elsewhere.example')
    expect(told).toHaveLength(1)
    expect(told[0]?.subject).toBe('Someone tried to add you to Heard')
    expect(told[0]?.text).toContain(`Someone at Council ${organisation.slug} tried to add this email address`)
    expect(linkIn(told[0]?.text ?? '')).toBeUndefined()

    const [welcome] = mailsTo('fresh@nowhere.example')
    const link = new URL(linkIn(welcome?.text ?? '') ?? '').pathname
    const person = request.agent(testApp.app)
    const page = await person.get(link)
    const signedIn = await person
      .post(paths.signIn.linkAction)
      .type('form')
      .send({ token: link.split('/').at(-1), _csrf: csrfTokenIn(page.text) })
    expect(signedIn.status).toBe(303)
    const list = await admin.get(paths.manage.officers)
    expect(tableOf(list.text, 'Officers in your organisation')).toContain('fresh@nowhere.example')
    expect(tableOf(list.text, 'Invited')).toContain('taken@elsewhere.example')
    expect(tableOf(list.text, 'Invited')).not.toContain('fresh@nowhere.example')
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
