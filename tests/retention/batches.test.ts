import { sweepRetention } from '../../server/retention/retentionSweep'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { insertResponses } from '../helpers/insertResponses'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { countWhere, insertActivity, insertDrafts, insertHeldResponses } from './retentionFixtures'

let database: TestDatabase
afterAll(() => database.drop())

describe('the retention sweep in batches', () => {
  it('deletes everything due a few rows per statement, however many batches that takes', async () => {
    database = await openTestDatabase()
    const { db } = database
    const organisation = await insertOrganisation(db)
    const { surveyId } = await insertSurvey(db, {
      organisationId: organisation.id,
      template: 'what-i-need',
      status: 'closed',
    })
    const survey = { organisationId: organisation.id, surveyId }
    await db.query(`UPDATE surveys SET closed_at = '2024-01-01T00:00:00Z' WHERE id = $1`, [surveyId])
    const ids = await insertResponses(
      db,
      survey,
      Array.from({ length: 7 }, () => ({ answers: { 'life-better': 'words' } })),
    )
    await db.query(
      `INSERT INTO survey_themes (organisation_id, survey_id, id, name) VALUES ($1, $2, gen_random_uuid(), 'Buses')`,
      [organisation.id, surveyId],
    )
    await db.query(
      `INSERT INTO answer_themes (organisation_id, response_id, question_id, theme_id)
       SELECT $1, response_id, 'life-better', t.id
         FROM unnest($2::uuid[]) AS response_id CROSS JOIN survey_themes t WHERE t.organisation_id = $1`,
      [organisation.id, ids.slice(0, 3)],
    )
    await insertHeldResponses(db, survey, 5, '2023-12-01T00:00:00Z')
    await insertDrafts(db, survey, 5, '2026-01-01T00:00:00Z')
    await insertActivity(db, organisation.id, 5, '2026-01-01T00:00:00Z')

    const now = new Date('2026-03-01T00:00:00Z')
    expect(await sweepRetention(db, { now, limit: 2 })).toEqual({
      organisations: 1,
      totals: {
        responses: 7,
        heldResponses: 5,
        answerTags: 3,
        drafts: 5,
        alerts: 0,
        helpRequests: 0,
        responseActivity: 5,
      },
    })
    for (const table of ['responses', 'held_responses', 'answer_themes', 'drafts', 'response_activity'])
      expect({ table, rows: await countWhere(db, table, organisation.id) }).toEqual({ table, rows: 0 })
    expect((await sweepRetention(db, { now, limit: 2 })).totals.responses).toBe(0)
  })
})
