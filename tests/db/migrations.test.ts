import { listMigrationFiles, migrate, migrationFilePattern } from '../../server/db/migrate'
import { openTestDatabase } from '../helpers/testDatabase'

describe('migrations', () => {
  it('are numbered NNNN_words.sql, with no number used twice', () => {
    const files = listMigrationFiles()
    expect(files.length).toBeGreaterThan(0)
    for (const file of files) expect(file).toMatch(migrationFilePattern)
    const numbers = files.map((file) => file.slice(0, 4))
    expect(new Set(numbers).size).toBe(numbers.length)
  })

  it('apply once: running them again changes nothing', async () => {
    const database = await openTestDatabase()
    try {
      expect(await migrate(database.db)).toEqual([])
      const applied = await database.db.query<{ name: string }>(
        'SELECT name FROM schema_migrations ORDER BY name',
      )
      expect(applied.map((row) => row.name)).toEqual(listMigrationFiles())
    } finally {
      await database.drop()
    }
  })

  it('every tenant table carries the organisation id', async () => {
    const database = await openTestDatabase()
    try {
      const tables = await database.db.query<{ table_name: string; has_organisation: boolean }>(
        `SELECT t.table_name,
                EXISTS (SELECT 1 FROM information_schema.columns c
                         WHERE c.table_name = t.table_name AND c.column_name = 'organisation_id') AS has_organisation
           FROM information_schema.tables t
          WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'`,
      )
      // sign_in_requests holds only hashes for rate limiting, before anyone is known to belong anywhere.
      // invitation_send_schedule holds one time: the next free slot of the deployment's sending rate.
      const shared = [
        'organisations',
        'schema_migrations',
        'sessions',
        'app_secrets',
        'sign_in_requests',
        'invitation_send_schedule',
      ]
      const tenant = tables.filter((table) => !shared.includes(table.table_name))
      expect(tenant.map((table) => table.table_name).sort()).toEqual([
        'administrative_values',
        'answer_themes',
        'audit_events',
        'contact_lists',
        'drafts',
        'group_sessions',
        'held_responses',
        'help_request_keys',
        'help_requests',
        'indicator_commentary',
        'indicator_facts',
        'indicator_reference_values',
        'indicator_targets',
        'indicators',
        'invitation_emails',
        'invitations',
        'officer_invitations',
        'officers',
        'outcomes',
        'response_activity',
        'responses',
        'resume_emails',
        'resume_links',
        'safeguarding_alert_emails',
        'safeguarding_alert_notes',
        'safeguarding_alerts',
        'safeguarding_phrases',
        'scorecard_runs',
        'scorecard_snapshots',
        'sign_in_links',
        'survey_themes',
        'survey_versions',
        'survey_working_copies',
        'surveys',
        'text_translations',
        'unsubscribed_addresses',
        'you_said_we_did',
      ])
      for (const table of tenant) expect(table).toMatchObject({ has_organisation: true })
    } finally {
      await database.drop()
    }
  })
})
