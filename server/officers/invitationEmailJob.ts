import { createTranslator } from '../i18n/translator'
import { defaultLanguage, isLanguageCode } from '../i18n/languages'
import type { JobDependencies } from '../jobs/jobHandlers'
import type { JobData } from '../jobs/jobQueue'
import { mailSignInLink } from '../signIn/signInEmailJob'
import { claimInvitationNotice, findInvitation, releaseInvitationNotice } from './invitationQueries'
import { invitedElsewhereMessage } from './invitedElsewhereMessage'
import { findOfficerByEmail } from './queries'

let translator: ReturnType<typeof createTranslator> | undefined

/**
 * The 'officer-invitation-email' job: a person new to Heard gets a sign-in link (signing in accepts the
 * invitation); a person who is already another organisation's officer is told, once, that someone
 * tried to add them and that nothing changed. Safe to run twice.
 */
export async function sendInvitationEmail(deps: JobDependencies, data: JobData): Promise<void> {
  const key = { organisationId: String(data.organisationId), id: String(data.invitationId) }
  const language = isLanguageCode(data.language) ? data.language : defaultLanguage
  const invitation = await findInvitation(deps.db, key)
  if (!invitation || invitation.acceptedAt) return
  const officer = await findOfficerByEmail(deps.db, invitation.email)
  if (!officer) return // removed before the email went
  if (officer.organisationId === invitation.organisationId) {
    await mailSignInLink(deps, officer, language)
    return
  }
  if (!(await claimInvitationNotice(deps.db, key))) return
  const t = (await (translator ??= createTranslator()))(language)
  try {
    await deps.mailer.send(
      invitedElsewhereMessage({ to: invitation.email, organisationName: invitation.organisationName, t }),
    )
  } catch (error: unknown) {
    await releaseInvitationNotice(deps.db, key)
    throw error
  }
}
