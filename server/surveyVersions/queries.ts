import type { Queryable } from '../db/database'
import type { SurveyVersion } from '../surveys/queries'

export interface SurveyKey {
  organisationId: string
  surveyId: string
}

/** Every published version of a survey, oldest first: what its responses were answered against. */
export async function findSurveyVersions(db: Queryable, survey: SurveyKey): Promise<SurveyVersion[]> {
  return db.query<SurveyVersion>(
    `SELECT version, definition, words FROM survey_versions
      WHERE organisation_id = $1 AND survey_id = $2
      ORDER BY version`,
    [survey.organisationId, survey.surveyId],
  )
}
