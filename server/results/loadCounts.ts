import type { Queryable } from '../db/database'
import type { SurveyDefinition } from '../surveys/definitionSchema'
import type { CombinedSurvey } from '../surveyVersions/combineVersions'
import { loadCombinedSurvey } from '../surveyVersions/loadCombinedSurvey'
import { countAnswers, type AnswerCounts, type CountAnswersOptions } from './countAnswers'

/**
 * The counts for a selection, with every version of the survey combined by question id to read them
 * by: answers are counted by question id and option value whichever version they were given to.
 * NotFoundError when the organisation has no such survey.
 */
export async function loadCounts(
  db: Queryable,
  options: CountAnswersOptions,
): Promise<{ survey: CombinedSurvey; definition: SurveyDefinition; counts: AnswerCounts }> {
  const survey = await loadCombinedSurvey(db, options)
  return { survey, definition: survey.definition, counts: await countAnswers(db, options) }
}
