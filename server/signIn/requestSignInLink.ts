import type { Database } from '../db/database'
import type { JobSender } from '../jobs/jobQueue'
import { findOfficerByEmail } from '../officers/queries'
import { allowSignInRequest } from './rateLimit'

/**
 * What asking for a sign-in link does in the request: count it against the client, look the address
 * up, and enqueue one 'sign-in-email' job, in one transaction. The same three statements run whether
 * or not the address is an officer's (a stranger's job carries no officer and the worker drops it),
 * and the email is sent by the worker, so the answer takes the same time either way and says nothing
 * about who is an officer. Returns false when the client asked too often.
 */
export async function requestSignInLink(
  deps: { db: Database; jobs: JobSender },
  request: { email: string; client: string; language: string },
): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    if (!(await allowSignInRequest(tx, request.client))) return false
    const officer = await findOfficerByEmail(tx, request.email)
    await deps.jobs.enqueue(tx, 'sign-in-email', {
      organisationId: officer?.organisationId ?? null,
      officerId: officer?.id ?? null,
      language: request.language,
    })
    return true
  })
}
