import type { Database } from '../db/database'
import { findOfficerByEmail } from '../officers/queries'
import { paths } from '../paths'
import { createSignInLink } from '../signIn/signInLinks'
import { demoOrganisation } from './seedDemo'

/** A fresh one-time sign-in path for the demo admin, so a newcomer reaches the officers' pages in one step. */
export async function demoSignInPath(db: Database): Promise<string | undefined> {
  const admin = await findOfficerByEmail(db, demoOrganisation.admin)
  return admin ? paths.signIn.link(await createSignInLink(db, admin)) : undefined
}
