import { readResponseRows, type ResponseRow } from '../../server/exports/responseRows'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { insertExportSurvey, plannedResponses, type ExportSurvey } from './exportSurvey'

let database: TestDatabase
let survey: ExportSurvey

beforeAll(async () => {
  database = await openTestDatabase()
  survey = await insertExportSurvey(database.db)
})
afterAll(() => database.drop())

async function readAll(pageSize?: number): Promise<ResponseRow[]> {
  const rows: ResponseRow[] = []
  const key = { organisationId: survey.organisationId, surveyId: survey.surveyId }
  for await (const row of readResponseRows(database.db, key, { pageSize })) rows.push(row)
  return rows
}

describe('readResponseRows', () => {
  it('reads every response of the survey once, oldest first', async () => {
    const rows = await readAll()
    expect(rows).toHaveLength(plannedResponses.length)
    expect(rows.map((row) => row.answers)).toEqual(plannedResponses.map((response) => response.answers))
    expect(rows.map((row) => row.version)).toEqual(plannedResponses.map((response) => response.version))
    expect(rows.every((row) => row.submittedAt instanceof Date)).toBe(true)
  })

  it.each([1, 2, 3, 4, 7, 25, 26])(
    'reads the same rows in pages of %i, even where a page ends within a day',
    async (pageSize) => {
      expect(await readAll(pageSize)).toEqual(await readAll())
    },
  )

  it('holds nothing that could identify a respondent', async () => {
    const [row] = await readAll()
    expect(Object.keys(row ?? {}).sort()).toEqual([
      'answers',
      'collectionMethod',
      'language',
      'submittedAt',
      'version',
    ])
  })
})
