import { sweepContactLists } from '../../server/invitations/sweepContactLists'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { signedInAs } from '../helpers/officers'
import { buildTestApp } from '../helpers/testApp'
import { useTestDatabase } from '../helpers/testDatabase'
import { uploadAndSend, uploadContacts } from './invitationFixtures'

const database = useTestDatabase()
const day = 24 * 60 * 60 * 1000

const remaining = async () =>
  database.db
    .query<{ email: string }>('SELECT email FROM invitations ORDER BY email')
    .then((rows) => rows.map((row) => row.email))

describe('deleting contact lists after their survey closes', () => {
  it('deletes a closed survey’s contacts CONTACT_LISTS_KEPT_DAYS after closing, keeping unsubscribes and other surveys’', async () => {
    const testApp = await buildTestApp(database.db)
    const organisation = await insertOrganisation(database.db)
    const closing = await insertSurvey(database.db, {
      organisationId: organisation.id,
      template: 'ehcp-experience',
    })
    const running = await insertSurvey(database.db, {
      organisationId: organisation.id,
      template: 'what-i-need',
    })
    const analyst = await signedInAs(testApp.app, database.db, {
      organisationId: organisation.id,
      role: 'analyst',
    })
    await uploadAndSend(analyst, closing.slug, 'email\nold@example.org\n')
    await uploadAndSend(analyst, running.slug, 'email\nkept@example.org\n')
    await database.db.query(
      `INSERT INTO unsubscribed_addresses (organisation_id, email_hash, unsubscribed_on) VALUES ($1, repeat('a', 64), '2026-01-01')`,
      [organisation.id],
    )
    const closedAt = new Date()
    await database.db.query(
      `UPDATE surveys SET status = 'closed', closed_at = $2 WHERE organisation_id = $1 AND slug = $3`,
      [organisation.id, closedAt, closing.slug],
    )
    const deps = { ...testApp.jobDependencies }
    const sweepAt = (at: Date) => sweepContactLists({ ...deps, clock: () => at })

    await sweepAt(new Date(closedAt.getTime() + 29 * day))
    expect(await remaining()).toEqual(['kept@example.org', 'old@example.org'])
    await sweepAt(new Date(closedAt.getTime() + 30 * day + 1000))
    expect(await remaining()).toEqual(['kept@example.org'])
    expect(await database.db.query('SELECT count(*)::int AS n FROM contact_lists')).toEqual([{ n: 1 }])
    expect(await database.db.query('SELECT count(*)::int AS n FROM unsubscribed_addresses')).toEqual([
      { n: 1 },
    ])
    const audit = await database.db.query<{ action: string; details: unknown }>(
      `SELECT action, details FROM audit_events WHERE action = 'contacts-deleted'`,
    )
    expect(audit).toEqual([{ action: 'contacts-deleted', details: { contacts: 1 } }])
    await sweepAt(new Date(closedAt.getTime() + 31 * day))
    expect(await remaining()).toEqual(['kept@example.org'])
  })

  it('deletes a list never sent a day after it was uploaded', async () => {
    const testApp = await buildTestApp(database.db)
    const organisation = await insertOrganisation(database.db)
    const survey = await insertSurvey(database.db, {
      organisationId: organisation.id,
      template: 'ehcp-experience',
    })
    const analyst = await signedInAs(testApp.app, database.db, {
      organisationId: organisation.id,
      role: 'analyst',
    })
    expect((await uploadContacts(analyst, survey.slug, 'email\nwaiting@example.org\n')).status).toBe(303)
    await sweepContactLists({ ...testApp.jobDependencies, clock: () => new Date(Date.now() + 2 * day) })
    expect(await remaining()).toEqual(['kept@example.org'])
  })
})
