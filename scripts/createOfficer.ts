import { parseArgs } from 'node:util'
import { randomUUID } from 'node:crypto'
import { loadConfig } from '../server/config'
import { findOrganisationBySlug, insertOfficer } from '../server/officers/queries'
import { isRole } from '../server/officers/roles'
import { paths } from '../server/paths'
import { openServices } from '../server/services'
import { createSignInLink, signInLinkMinutes } from '../server/signIn/signInLinks'

const usage =
  'Usage: npm run officer:create -- --org <slug> --email <address> --role admin|analyst|viewer [--org-name "Name" to create the organisation]'

/**
 * Adds an officer to an organisation (creating the organisation when --org-name is given) and prints
 * a one-time sign-in link. With the embedded database, stop the server first: one process at a time.
 */
async function createOfficer(): Promise<void> {
  const { values } = parseArgs({
    options: {
      org: { type: 'string' },
      email: { type: 'string' },
      role: { type: 'string' },
      'org-name': { type: 'string' },
    },
  })
  const { org, email, role } = values
  if (!org || !email || !isRole(role)) throw new Error(usage)
  const config = loadConfig()
  const { db } = await openServices(config)
  try {
    let organisation = await findOrganisationBySlug(db, org)
    const name = values['org-name']
    if (!organisation && name) {
      await db.query('INSERT INTO organisations (id, slug, name) VALUES ($1, $2, $3)', [
        randomUUID(),
        org,
        name,
      ])
      organisation = await findOrganisationBySlug(db, org)
    }
    if (!organisation) throw new Error(`No organisation "${org}". Give --org-name "Its name" to create it.`)
    const officer = await insertOfficer(db, { organisationId: organisation.id, email, role })
    if (!officer) throw new Error(`${email} is already an officer.`)
    const token = await createSignInLink(db, { organisationId: organisation.id, id: officer.id })
    process.stdout.write(
      `Added ${email} to ${organisation.name} as ${role}.\nSign-in link (works once, for ${signInLinkMinutes} minutes):\n${config.baseUrl}${paths.signIn.link(token)}\n`,
    )
  } finally {
    await db.close()
  }
}

createOfficer().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
