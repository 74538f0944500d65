import { countAnswers } from '../../server/results/countAnswers'
import { loadSurveyResults } from '../../server/results/surveyResults'
import { surveyDefinitionSchema } from '../../server/surveys/definitionSchema'
import { insertSurveyVersion } from '../../server/surveys/queries'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { insertResponses, repeated } from './insertResponses'
import { plainCounts } from './plainCounts'
import { fortyResponses, resultsSurvey } from './resultsSurvey'

let database: TestDatabase
let ours: { organisationId: string; surveyId: string }
let theirs: { organisationId: string; surveyId: string }

const theirResponse = {
  language: 'en',
  submittedAt: '2025-03-15T12:00:00Z',
  answers: { importance: 'not-important', text: 'Their words' },
}

/**
 * Survey ids are unique across the whole database today, so two organisations cannot share one.
 * A deployment split or distributed by organisation may not enforce that, and results must not
 * lean on it: this test's throwaway database drops the rule and gives another organisation a survey
 * with the same id, its own definition, and responses of its own.
 */
beforeAll(async () => {
  database = await openTestDatabase()
  const { db } = database
  const organisation = await insertOrganisation(db)
  const { surveyId } = await insertSurvey(db, { organisationId: organisation.id, template: resultsSurvey })
  ours = { organisationId: organisation.id, surveyId }
  await insertResponses(db, ours, fortyResponses)

  await db.query('ALTER TABLE surveys DROP CONSTRAINT surveys_id_key')
  const other = await insertOrganisation(db)
  theirs = { organisationId: other.id, surveyId }
  await db.query(
    `INSERT INTO surveys (organisation_id, id, slug, template_id, status) VALUES ($1, $2, 'theirs', 'theirs', 'open')`,
    [theirs.organisationId, theirs.surveyId],
  )
  await insertSurveyVersion(db, {
    ...theirs,
    version: 1,
    words: resultsSurvey.words,
    definition: surveyDefinitionSchema.parse({
      ...resultsSurvey.definition,
      questions: [
        { id: 'importance', type: 'importance' },
        { id: 'text', type: 'free-text' },
      ],
    }),
  })
  await insertResponses(db, theirs, repeated(12, theirResponse))

  // And a second survey of our own, whose responses are not the first's.
  const { surveyId: secondId } = await insertSurvey(db, {
    organisationId: organisation.id,
    template: resultsSurvey,
    slug: 'second',
  })
  await insertResponses(
    db,
    { organisationId: organisation.id, surveyId: secondId },
    repeated(9, theirResponse),
  )
})
afterAll(() => database.drop())

describe('tenant isolation', () => {
  it("never counts another organisation's responses to a survey with the same id", async () => {
    const counts = plainCounts(await countAnswers(database.db, { ...ours, filter: {} }))
    expect(counts.responses).toBe(40)
    expect(counts.questions.importance?.options).toEqual({
      'very-important': 21,
      important: 8,
      'not-important': 5,
      'dont-know': 6,
    })
  })

  it("counts only the other organisation's own responses for it", async () => {
    const counts = plainCounts(await countAnswers(database.db, { ...theirs, filter: {} }))
    expect(counts).toEqual({
      responses: 12,
      questions: {
        importance: { answered: 12, written: 0, options: { 'not-important': 12 } },
        text: { answered: 12, written: 12, options: {} },
      },
    })
  })

  it("reads each organisation's results by its own definition", async () => {
    const theirResults = await loadSurveyResults(database.db, { ...theirs, filter: {} })
    expect(theirResults.responses.value).toBe(12)
    expect(theirResults.questions.map((question) => question.questionId)).toEqual(['importance', 'text'])
    const ourResults = await loadSurveyResults(database.db, { ...ours, filter: {} })
    expect(ourResults.responses.value).toBe(40)
    expect(ourResults.questions).toHaveLength(resultsSurvey.definition.questions.length)
  })
})
