import type { Queryable } from '../db/database'
import { NotFoundError } from '../errors'
import type { SurveyDefinition } from '../surveys/definitionSchema'
import { findSurveyVersion } from '../surveys/queries'
import { countAnswers, type AnswerCounts, type CountAnswersOptions } from './countAnswers'

/**
 * The counts for a selection, with the newest version's definition to read them by. Responses to
 * older versions are counted against it: answers to questions it no longer has are ignored.
 */
export async function loadCounts(
  db: Queryable,
  options: CountAnswersOptions,
): Promise<{ definition: SurveyDefinition; counts: AnswerCounts }> {
  const newest = await findSurveyVersion(db, options)
  if (!newest) throw new NotFoundError(`No survey ${options.surveyId} in this organisation`)
  return { definition: newest.definition, counts: await countAnswers(db, options) }
}
