import { loadConfig } from '../server/config'
import { connectDatabase } from '../server/db/connect'
import { bringSchemaUpToDate, migrationPool } from '../server/db/migrate'

/**
 * `npm run migrate`: brings the schema up to date and stops. With MIGRATION_DATABASE_URL it migrates
 * as that role and grants the role in DATABASE_URL what the application needs; without it, as the
 * role in DATABASE_URL (or the embedded database under DATA_DIR).
 */
async function main(): Promise<void> {
  const config = loadConfig()
  const db = await connectDatabase(config.database, migrationPool)
  try {
    const applied = await bringSchemaUpToDate(db, config)
    process.stdout.write(applied.length > 0 ? `Applied: ${applied.join(', ')}\n` : 'Already up to date\n')
  } finally {
    await db.close()
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Migrating failed: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
