import type { Queryable } from '../../db/database'
import type { Translate } from '../../i18n/translator'
import type { ManagedSurvey } from '../../surveyManagement/queries'
import type { SurveyWords } from '../../surveys/words'
import { checkWorkingCopy } from '../model/workingCopy'
import { findBuilderSurvey, saveWorkingCopy } from './builderQueries'
import { publishWorkingCopy } from './publishWorkingCopy'

/** The survey with its builder working copy in place of its newest version, for the words editor. */
export async function withWorkingCopy(
  db: Queryable,
  organisationId: string,
  survey: ManagedSurvey,
): Promise<ManagedSurvey> {
  const built = await findBuilderSurvey(db, organisationId, survey.slug)
  return built ? { ...survey, definition: built.copy.definition, words: built.copy.words } : survey
}

/**
 * Saves one language's words from the words editor through the working copy, in the caller's
 * transaction. With no other unpublished change they are published at once, as the editor always
 * did (a new version when the current one has responses or drafts, in place otherwise); with builder
 * changes waiting, they join those and are published with them, never half of them.
 */
export async function saveWordsThroughCopy(
  tx: Queryable,
  editor: { organisationId: string; officer: { id: string; email: string }; slug: string; t: Translate },
  change: { language: string; words: SurveyWords },
): Promise<{ version: number; published: boolean }> {
  const survey = await findBuilderSurvey(tx, editor.organisationId, editor.slug, { lock: true })
  if (!survey) throw new Error('The survey went while its words were saved')
  const checked = checkWorkingCopy({
    definition: survey.copy.definition,
    words: {
      ...survey.copy.words,
      // The words form may not hold every information page's words; those it leaves out are kept.
      [change.language]: {
        ...change.words,
        pages: change.words.pages ?? survey.copy.words[change.language]?.pages,
      },
    },
  })
  if (!checked.ok)
    throw new Error(
      `Words that passed the form failed the survey schema: ${checked.issues[0]?.message ?? ''}`,
    )
  await saveWorkingCopy(
    tx,
    { organisationId: editor.organisationId, surveyId: survey.surveyId, basedOnVersion: survey.version },
    checked.copy,
  )
  if (survey.changed) return { version: survey.version, published: false }
  const published = await publishWorkingCopy(tx, editor)
  return { version: published.kind === 'invalid' ? survey.version : published.version, published: true }
}
