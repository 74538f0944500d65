import { parseArgs } from 'node:util'
import { loadConfig, type Config } from '../server/config'
import { connectDatabase } from '../server/db/connect'
import type { Database } from '../server/db/database'
import { bringSchemaUpToDate } from '../server/db/migrate'
import { runInOrganisationScope, scopeByOrganisation } from '../server/db/organisationScope'
import { createTranslator, type Translate } from '../server/i18n/translator'
import { findOrganisationBySlug } from '../server/officers/queries'

/** A command's failure: its message goes to standard error and the exit code is 1. */
export class CommandError extends Error {}

export interface CommandContext {
  config: Config
  /** Scoped to the organisation: row-level security backs up every query's own organisation_id. */
  db: Database
  organisation: { id: string; slug: string; name: string }
  /** English words, as the command line speaks English. */
  t: Translate
  values: Record<string, string | undefined>
  positionals: string[]
}

/**
 * Runs a survey-file command against the configured database (DATABASE_URL, or the embedded one in
 * DATA_DIR, which no server may have open at the same time), brought up to date first, inside the
 * organisation named by --organisation.
 */
export function runSurveyFileCommand(
  usage: string,
  options: Record<string, { type: 'string' }>,
  work: (context: CommandContext) => Promise<void>,
): void {
  const run = async () => {
    let parsed
    try {
      parsed = parseArgs({
        options: { organisation: { type: 'string' }, ...options },
        allowPositionals: true,
      })
    } catch {
      throw new CommandError(usage)
    }
    const values = parsed.values as Record<string, string | undefined>
    const slug = values.organisation
    if (!slug) throw new CommandError(usage)
    const config = loadConfig()
    const database = await connectDatabase(config.database)
    try {
      await bringSchemaUpToDate(database, config)
      const organisation = await findOrganisationBySlug(database, slug)
      if (!organisation) throw new CommandError(`No organisation "${slug}".`)
      const t = (await createTranslator())('en')
      const db = scopeByOrganisation(database)
      await runInOrganisationScope(organisation.id, () =>
        work({ config, db, organisation, t, values, positionals: parsed.positionals }),
      )
    } finally {
      await database.close()
    }
  }
  run().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  })
}
