import { addOfficer, postForm, signedInAgent } from '../helpers/officers'
import { listAlertRecipients } from '../../server/safeguarding/alerts/alertQueries'
import { useAlertsApp } from './alertsFixtures'

const heard = useAlertsApp(['admin'])

const officerRow = async (email: string) =>
  (
    await heard.database.db.query<{ role: string; safeguarding_contact: boolean }>(
      'SELECT role, safeguarding_contact FROM officers WHERE email = $1',
      [email],
    )
  )[0]
const contactAudits = async (email: string) =>
  (
    await heard.database.db.query<{ details: { contact: boolean } }>(
      `SELECT details FROM audit_events WHERE action = 'safeguarding-contact-changed' AND subject = $1
        ORDER BY occurred_at, id`,
      [email],
    )
  ).map((row) => row.details.contact)

describe('safeguarding officers and contacts', () => {
  it('an admin invites a safeguarding officer, whose role is explained', async () => {
    const page = await heard.agents.admin.get('/manage/officers')
    expect(page.text).toContain(
      'Safeguarding officer: sees results, and reads and acts on safeguarding alerts',
    )
    expect(page.text).toContain('Nobody in your organisation is a safeguarding officer or contact')
    const invited = await postForm(heard.agents.admin, '/manage/officers', '/manage/officers', {
      email: 'dsl@council.example',
      role: 'safeguarding',
    })
    expect(invited.status).toBe(303)
    expect((await officerRow('dsl@council.example'))?.role).toBe('safeguarding')
    const after = await heard.agents.admin.get('/manage/officers')
    expect(after.text).toContain('Safeguarding officer</td>')
    expect(after.text).not.toContain('Nobody in your organisation is a safeguarding officer or contact')
  })

  it('an admin is marked and unmarked as a safeguarding contact, audited, and then is emailed or not', async () => {
    const other = await addOfficer(heard.database.db, heard.organisation.id, 'admin')
    const path = `/manage/officers/${other.handle}`
    expect((await heard.agents.admin.get(path)).text).toContain('This admin is not a safeguarding contact.')
    const marked = await postForm(heard.agents.admin, path, `${path}/safeguarding-contact`, {
      contact: 'yes',
    })
    expect(marked.status).toBe(303)
    expect((await officerRow(other.email))?.safeguarding_contact).toBe(true)
    expect(await listAlertRecipients(heard.database.db, heard.organisation.id)).toContain(other.id)
    expect((await heard.agents.admin.get(path)).text).toContain('This admin is a safeguarding contact')
    expect((await heard.agents.admin.get('/manage/officers')).text).toContain('<br>Safeguarding contact')

    await postForm(heard.agents.admin, path, `${path}/safeguarding-contact`, { contact: 'no' })
    expect((await officerRow(other.email))?.safeguarding_contact).toBe(false)
    expect(await listAlertRecipients(heard.database.db, heard.organisation.id)).not.toContain(other.id)
    expect(await contactAudits(other.email)).toEqual([true, false])
  })

  it('only an admin can be a contact; a bad choice gets 400 and nothing is written', async () => {
    const viewer = await addOfficer(heard.database.db, heard.organisation.id, 'viewer')
    const path = `/manage/officers/${viewer.handle}`
    const refused = await postForm(heard.agents.admin, path, `${path}/safeguarding-contact`, {
      contact: 'yes',
    })
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('Only an admin can be a safeguarding contact')
    expect((await officerRow(viewer.email))?.safeguarding_contact).toBe(false)

    const other = await addOfficer(heard.database.db, heard.organisation.id, 'admin')
    const otherPath = `/manage/officers/${other.handle}`
    const nonsense = await postForm(heard.agents.admin, otherPath, `${otherPath}/safeguarding-contact`, {
      contact: 'perhaps',
    })
    expect(nonsense.status).toBe(400)
    expect(nonsense.text).toContain('Choose whether this admin is a safeguarding contact')
    expect((await officerRow(other.email))?.safeguarding_contact).toBe(false)
    expect(await contactAudits(viewer.email)).toEqual([])
    expect(await contactAudits(other.email)).toEqual([])
  })

  it('an admin who stops being an admin stops being a contact', async () => {
    const other = await addOfficer(heard.database.db, heard.organisation.id, 'admin')
    const path = `/manage/officers/${other.handle}`
    await postForm(heard.agents.admin, path, `${path}/safeguarding-contact`, { contact: 'yes' })
    await postForm(heard.agents.admin, path, `${path}/role`, { role: 'analyst' })
    expect(await officerRow(other.email)).toEqual({ role: 'analyst', safeguarding_contact: false })
  })

  it('a safeguarding officer cannot manage officers', async () => {
    const dsl = await signedInAgent(
      heard.testApp.app,
      heard.database.db,
      await addOfficer(heard.database.db, heard.organisation.id, 'safeguarding'),
    )
    expect((await dsl.get('/manage/officers')).status).toBe(403)
  })
})
