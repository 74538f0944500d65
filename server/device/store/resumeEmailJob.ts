import { createTranslator } from '../../i18n/translator'
import { defaultLanguage, isLanguageCode } from '../../i18n/languages'
import type { JobDependencies } from '../../jobs/jobHandlers'
import type { JobData } from '../../jobs/jobQueue'
import { paths } from '../../paths'
import { findSurveyVersion } from '../../surveys/queries'
import { wordsFor } from '../../surveys/words'
import { hashResumeToken, newResumeToken } from '../model/resumeToken'
import { resumeMessage } from '../model/resumeMessage'
import {
  claimResumeEmail,
  deleteResumeEmail,
  deleteResumeEmailOfExpiredDraft,
  releaseResumeEmail,
} from './resumeEmailQueries'
import { deleteResumeLink, insertResumeLink } from './resumeLinkQueries'

// Longer than a send can take, so two workers never send one row; short enough that a worker that
// died mid-send delays the email little.
const holdMinutes = 10

let translator: ReturnType<typeof createTranslator> | undefined

/**
 * The 'resume-email' job: mints the link, emails it, and deletes the outbox row and so the address.
 * The token is made here and exists only in this function and the email; the database keeps its
 * hash. Safe to run twice or on two workers: the row is claimed before sending and deleted as soon as
 * the mail server took the email, so a second run finds nothing to send. If the mail server refuses,
 * the link is withdrawn and the row freed, and the queue tries again. Nothing here is logged: the
 * address, the token and the link stay out of every log.
 */
export async function sendResumeEmail(deps: JobDependencies, data: JobData): Promise<void> {
  const key = { organisationId: String(data.organisationId), id: String(data.resumeEmailId) }
  const now = deps.clock()
  await deleteResumeEmailOfExpiredDraft(deps.db, key)
  const claimed = await claimResumeEmail(deps.db, key, {
    now,
    holdUntil: new Date(now.getTime() + holdMinutes * 60_000),
  })
  if (!claimed) return
  const language = isLanguageCode(claimed.language) ? claimed.language : defaultLanguage
  const t = (await (translator ??= createTranslator()))(language)
  const version = await findSurveyVersion(
    deps.db,
    { organisationId: key.organisationId, surveyId: claimed.surveyId },
    claimed.version,
  )
  const token = newResumeToken()
  const link = { organisationId: key.organisationId, tokenHash: hashResumeToken(token) }
  const draft = { organisationId: key.organisationId, surveyId: claimed.surveyId, draftId: claimed.draftId }
  await insertResumeLink(deps.db, draft, { tokenHash: link.tokenHash, createdAt: now })
  try {
    await deps.mailer.send(
      resumeMessage({
        to: claimed.to,
        link: `${deps.config.baseUrl}${paths.respond.resumeLink(claimed.organisationSlug, claimed.surveySlug, token)}`,
        surveyTitle: version ? wordsFor(version.words, language).title : '',
        expiresAt: claimed.draftExpiresAt,
        language,
        t,
      }),
    )
  } catch (error: unknown) {
    await deleteResumeLink(deps.db, link)
    await releaseResumeEmail(deps.db, key)
    throw error
  }
  await deleteResumeEmail(deps.db, key)
}
