import { insertOrganisation, insertSurvey } from './factories'
import { buildTestApp, type TestApp } from './testApp'
import { openTestDatabase, type TestDatabase } from './testDatabase'

export interface SurveyApp {
  database: TestDatabase
  testApp: TestApp
  organisation: { id: string; slug: string }
  /** Each template survey's id, by its slug. */
  surveyIds: Record<string, string>
}

/**
 * For a test file: a fresh database, the app on it, and one organisation with the named template
 * surveys open. Filled in by beforeAll and dropped by afterAll.
 */
export function useSurveyApp(templates: string[]): SurveyApp {
  const fixture = {} as SurveyApp
  beforeAll(async () => {
    fixture.database = await openTestDatabase()
    fixture.testApp = await buildTestApp(fixture.database.db)
    fixture.organisation = await insertOrganisation(fixture.database.db)
    fixture.surveyIds = {}
    for (const template of templates) {
      const { surveyId, slug } = await insertSurvey(fixture.database.db, {
        organisationId: fixture.organisation.id,
        template,
      })
      fixture.surveyIds[slug] = surveyId
    }
  })
  afterAll(() => fixture.database.drop())
  return fixture
}
