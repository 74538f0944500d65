import { recordAudit } from '../../server/audit/recordAudit'
import type { Database } from '../../server/db/database'
import { insertOrganisation } from '../helpers/factories'
import { useTestDatabase } from '../helpers/testDatabase'
import { openAsApplicationRole } from './applicationRole'

const database = useTestDatabase()

const auditedIn = async (db: Database) => {
  const organisation = await insertOrganisation(db)
  await recordAudit(db, {
    organisationId: organisation.id,
    officer: undefined,
    actor: 'test',
    action: 'downloaded',
  })
  return organisation.id
}

describe('the audit log', () => {
  it('refuses UPDATE, DELETE and TRUNCATE even to the tables’ owner', async () => {
    const { db } = database
    const organisationId = await auditedIn(db)
    const before = await db.query('SELECT * FROM audit_events WHERE organisation_id = $1', [organisationId])
    expect(before).toHaveLength(1)
    const refused = { message: expect.stringContaining('append-only') as unknown }
    await expect(
      db.query(`UPDATE audit_events SET actor = 'someone else' WHERE organisation_id = $1`, [organisationId]),
    ).rejects.toMatchObject(refused)
    await expect(
      db.query('DELETE FROM audit_events WHERE organisation_id = $1', [organisationId]),
    ).rejects.toMatchObject(refused)
    await expect(db.exec('TRUNCATE audit_events')).rejects.toMatchObject(refused)
    expect(await db.query('SELECT * FROM audit_events WHERE organisation_id = $1', [organisationId])).toEqual(
      before,
    )
  })

  it('may not be changed by the application role, which may still add to it', async () => {
    const applicationRole = await openAsApplicationRole()
    try {
      await applicationRole.migrate()
      const organisationId = await auditedIn(applicationRole.db)
      const denied = { message: expect.stringContaining('permission denied') as unknown }
      await expect(
        applicationRole.db.query(`UPDATE audit_events SET actor = 'x' WHERE organisation_id = $1`, [
          organisationId,
        ]),
      ).rejects.toMatchObject(denied)
      await expect(
        applicationRole.db.query('DELETE FROM audit_events WHERE organisation_id = $1', [organisationId]),
      ).rejects.toMatchObject(denied)
    } finally {
      await applicationRole.drop()
    }
  })
})
