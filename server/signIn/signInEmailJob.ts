import { createTranslator } from '../i18n/translator'
import { defaultLanguage, isLanguageCode } from '../i18n/languages'
import type { JobDependencies } from '../jobs/jobHandlers'
import type { JobData } from '../jobs/jobQueue'
import { findOfficer, type Officer } from '../officers/queries'
import { paths } from '../paths'
import { signInLimits } from './rateLimit'
import { countRecentSignInLinks, lockSignInLinksOf } from './linkQueries'
import { createSignInLink, withdrawSignInLink } from './signInLinks'
import { signInMessage } from './signInMessage'

let translator: ReturnType<typeof createTranslator> | undefined

/**
 * Mints a link for the officer and emails it, unless they were sent emailsPerAddress links in the
 * window: then nothing is sent and the links they have keep working. The lock makes two jobs for one
 * officer count one after the other. The token is made here, in the worker, and exists only in this
 * function and the email: the job's data (kept by the queue after it ran) holds ids, never a token,
 * and the database keeps only the token's hash. If the mail server refuses, the link is withdrawn and
 * the job fails, so the queue's retry mints a fresh one.
 */
export async function mailSignInLink(
  deps: Pick<JobDependencies, 'db' | 'config' | 'mailer'>,
  officer: Officer,
  language: string,
): Promise<void> {
  const token = await deps.db.transaction(async (tx) => {
    await lockSignInLinksOf(tx, officer.id)
    const sent = await countRecentSignInLinks(tx, officer, signInLimits.windowMinutes)
    return sent < signInLimits.emailsPerAddress ? createSignInLink(tx, officer) : undefined
  })
  if (!token) return
  const t = (await (translator ??= createTranslator()))(isLanguageCode(language) ? language : defaultLanguage)
  const link = `${deps.config.baseUrl}${paths.signIn.link(token)}`
  try {
    await deps.mailer.send(
      signInMessage({ to: officer.email, link, organisationName: officer.organisationName, t }),
    )
  } catch (error: unknown) {
    await withdrawSignInLink(deps.db, token)
    throw error
  }
}

/**
 * The 'sign-in-email' job. A request for an address that is nobody's enqueues one too, with no
 * officer, and it ends here: so the request does the same work whoever asked (see requestSignInLink).
 */
export async function sendSignInEmail(deps: JobDependencies, data: JobData): Promise<void> {
  if (typeof data.organisationId !== 'string' || typeof data.officerId !== 'string') return
  const officer = await findOfficer(deps.db, { organisationId: data.organisationId, id: data.officerId })
  if (!officer) return // removed since asking
  await mailSignInLink(deps, officer, String(data.language))
}
