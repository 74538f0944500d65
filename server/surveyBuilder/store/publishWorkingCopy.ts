import { recordAudit } from '../../audit/recordAudit'
import type { Queryable } from '../../db/database'
import type { Translate } from '../../i18n/translator'
import { insertSurveyVersion } from '../../surveys/queries'
import { checkWorkingCopy } from '../model/workingCopy'
import { deleteWorkingCopy, findBuilderSurvey, updateSurveyVersion } from './builderQueries'
import { linkOutcomeIndicators } from './linkOutcomeIndicators'

export type PublishOutcome =
  | { kind: 'unchanged'; version: number }
  | { kind: 'new-version' | 'in-place'; version: number }
  | { kind: 'invalid' }

/**
 * Turns the working copy into the survey's newest version, inside the caller's transaction.
 *
 * A version that has responses or drafts never changes: respondents part way through, and every
 * response, keep the words and questions they saw, so the copy becomes a new version. A version nobody
 * has answered or started (a draft survey, say) is corrected in place, so versions are not made for
 * nothing. The survey row is locked first, so a respondent cannot start on the version while it is
 * being replaced, and two officers publishing at once publish one after the other.
 *
 * The copy is checked by the survey schemas again, as a last guard: a copy saved by an older build
 * that no longer passes is refused rather than published.
 */
export async function publishWorkingCopy(
  tx: Queryable,
  publisher: { organisationId: string; officer: { id: string; email: string }; slug: string; t: Translate },
): Promise<PublishOutcome> {
  const survey = await findBuilderSurvey(tx, publisher.organisationId, publisher.slug, { lock: true })
  if (!survey) return { kind: 'invalid' }
  if (!survey.changed) return { kind: 'unchanged', version: survey.version }
  const checked = checkWorkingCopy(survey.copy)
  if (!checked.ok) return { kind: 'invalid' }
  const key = { organisationId: publisher.organisationId, surveyId: survey.surveyId }
  const version = survey.versionInUse ? survey.version + 1 : survey.version
  if (survey.versionInUse) await insertSurveyVersion(tx, { ...key, version, ...checked.copy })
  else await updateSurveyVersion(tx, { ...key, version }, checked.copy)
  await deleteWorkingCopy(tx, key)
  await linkOutcomeIndicators(tx, { ...publisher, surveyId: survey.surveyId }, checked.copy)
  await recordAudit(tx, {
    organisationId: publisher.organisationId,
    officer: publisher.officer,
    action: 'survey-published',
    subject: publisher.slug,
    details: { version, newVersion: survey.versionInUse },
  })
  return { kind: survey.versionInUse ? 'new-version' : 'in-place', version }
}
