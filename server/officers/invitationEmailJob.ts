import { createTranslator } from '../i18n/translator'
import { defaultLanguage, isLanguageCode, type LanguageCode } from '../i18n/languages'
import type { JobDependencies } from '../jobs/jobHandlers'
import type { JobData } from '../jobs/jobQueue'
import { paths } from '../paths'
import { createSignInLink, withdrawSignInLink } from '../signIn/signInLinks'
import {
  claimInvitationNotice,
  findInvitation,
  releaseInvitationNotice,
  type Invitation,
} from './invitationQueries'
import { invitationMessage } from './invitationMessage'
import { invitedElsewhereMessage } from './invitedElsewhereMessage'
import { findOfficer, findOfficerByEmail, type Officer } from './queries'

let translator: ReturnType<typeof createTranslator> | undefined

const minutesInADay = 24 * 60

/**
 * The invitation itself: a link that signs the person in (and so accepts) for the configured days.
 * The token exists only here and in the email, as for sign-in links; if the email cannot be sent the
 * link is withdrawn.
 */
async function mailInvitation(
  deps: JobDependencies,
  invited: { officer: Officer; invitation: Invitation; inviter: string; language: LanguageCode },
): Promise<void> {
  const days = deps.config.officerInvitationDays
  const token = await createSignInLink(deps.db, invited.officer, days * minutesInADay)
  const t = (await (translator ??= createTranslator()))(invited.language)
  try {
    await deps.mailer.send(
      invitationMessage({
        to: invited.invitation.email,
        link: `${deps.config.baseUrl}${paths.signIn.link(token)}`,
        signInPage: `${deps.config.baseUrl}${paths.signIn.request}`,
        inviter: invited.inviter,
        organisationName: invited.invitation.organisationName,
        role: invited.invitation.role,
        validUntil: new Date(deps.clock().getTime() + days * minutesInADay * 60_000),
        t,
        language: invited.language,
      }),
    )
  } catch (error: unknown) {
    await withdrawSignInLink(deps.db, token)
    throw error
  }
}

/**
 * The 'officer-invitation-email' job, once for each time an invitation is sent: a person new to
 * Heard gets the invitation; a person who is already another organisation's officer is told that
 * someone tried to add them and that nothing changed. Safe to run twice: the invitation is marked
 * emailed before sending, and unmarked if sending fails, so a retry sends it and a repeat does not.
 */
export async function sendInvitationEmail(deps: JobDependencies, data: JobData): Promise<void> {
  const key = { organisationId: String(data.organisationId), id: String(data.invitationId) }
  const language = isLanguageCode(data.language) ? data.language : defaultLanguage
  const invitation = await findInvitation(deps.db, key)
  if (!invitation || invitation.acceptedAt) return
  const officer = await findOfficerByEmail(deps.db, invitation.email)
  if (!officer) return // removed before the email went
  const inviter =
    typeof data.invitedBy === 'string'
      ? await findOfficer(deps.db, { organisationId: key.organisationId, id: data.invitedBy })
      : undefined
  if (!(await claimInvitationNotice(deps.db, key))) return
  try {
    if (officer.organisationId === invitation.organisationId)
      await mailInvitation(deps, {
        officer,
        invitation,
        inviter: inviter?.email ?? invitation.organisationName,
        language,
      })
    else {
      const t = (await (translator ??= createTranslator()))(language)
      await deps.mailer.send(
        invitedElsewhereMessage({ to: invitation.email, organisationName: invitation.organisationName, t }),
      )
    }
  } catch (error: unknown) {
    await releaseInvitationNotice(deps.db, key)
    throw error
  }
}
