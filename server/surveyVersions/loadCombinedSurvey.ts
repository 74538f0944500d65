import type { Queryable } from '../db/database'
import { NotFoundError } from '../errors'
import { combineVersions, type CombinedSurvey } from './combineVersions'
import { findSurveyVersions, type SurveyKey } from './queries'

/** A survey's versions combined by question id; NotFoundError when the organisation has no such survey. */
export async function loadCombinedSurvey(db: Queryable, survey: SurveyKey): Promise<CombinedSurvey> {
  const versions = await findSurveyVersions(db, survey)
  if (versions.length === 0) throw new NotFoundError(`No survey ${survey.surveyId} in this organisation`)
  return combineVersions(versions)
}
