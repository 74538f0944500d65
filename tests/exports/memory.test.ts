import type { Writable } from 'node:stream'
import v8 from 'node:v8'
import { runInNewContext } from 'node:vm'
import type { Queryable } from '../../server/db/database'
import { writeResponsesCsv } from '../../server/exports/responsesCsv'
import type { ResponsesExport } from '../../server/exports/responsesTable'
import { writeResponsesXlsx } from '../../server/exports/responsesXlsx'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { everyQuestionType } from '../fixtures/everyQuestionType'
import { countingStream } from './streams'

const responseCount = 50_000

let database: TestDatabase
let survey: ResponsesExport

/** Many varied responses in one statement; every third shares its time with the next, to test ties. */
async function insertManyResponses(db: Queryable, key: { organisationId: string; surveyId: string }) {
  await db.query(
    `INSERT INTO responses (organisation_id, id, survey_id, version, language, reference, draft_id, answers, submitted_at)
     SELECT $1, gen_random_uuid(), $2, 1, (ARRAY['en', 'cy', 'ur'])[1 + i % 3], 'M' || i, gen_random_uuid(),
            jsonb_build_object(
              'importance', (ARRAY['very-important', 'important', 'not-important', 'dont-know'])[1 + i % 4],
              'agreement', (ARRAY['strongly-agree', 'agree', 'neither', 'disagree'])[1 + i % 4],
              'faces', (ARRAY['happy', 'okay', 'sad'])[1 + i % 3],
              'yes-no', (ARRAY['yes', 'no', 'not-sure'])[1 + i % 3],
              'single', (ARRAY['bus', 'train', 'car'])[1 + i % 3],
              'multiple', CASE WHEN i % 5 = 0 THEN 'null'::jsonb ELSE '["football", "drawing"]'::jsonb END,
              'text', 'A longer answer about what would make school better, number ' || i,
              'age', (ARRAY['under-8', '8-11', '12-15', '16-plus'])[1 + i % 4]),
            timestamptz '2025-01-01 00:00:00+00' + (i / 3) * interval '1 minute'
       FROM generate_series(1, $3::integer) AS i`,
    [key.organisationId, key.surveyId, responseCount],
  )
}

beforeAll(async () => {
  database = await openTestDatabase()
  const organisation = await insertOrganisation(database.db)
  const { surveyId } = await insertSurvey(database.db, {
    organisationId: organisation.id,
    template: everyQuestionType,
  })
  await insertManyResponses(database.db, { organisationId: organisation.id, surveyId })
  survey = { organisationId: organisation.id, surveyId, language: 'en' }
}, 180_000)
afterAll(() => database.drop())

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1)

// The heap measured straight after a full collection, so the figure is what the export holds on to
// rather than garbage not yet collected. `gc` is only exposed when asked for before a context starts.
v8.setFlagsFromString('--expose-gc')
const collectGarbage = runInNewContext('gc') as () => void
const retainedHeap = (): number => {
  collectGarbage()
  return process.memoryUsage().heapUsed
}

/**
 * Streams the whole export into a slow counting output and reports how far the retained heap grew
 * above where it started. Only completion and the count are asserted: heap figures vary with the
 * garbage collector, so they are printed for people to read rather than tested.
 */
async function measure(
  format: string,
  write: (db: Queryable, options: ResponsesExport, output: Writable) => Promise<number>,
) {
  const counter = countingStream(retainedHeap)
  const before = retainedHeap()
  const started = Date.now()
  const written = await write(database.db, survey, counter.output)
  console.log(
    `${format}: ${written} responses, ${megabytes(counter.bytes())} MB written in ${Date.now() - started} ms; ` +
      `retained heap grew at most ${megabytes(counter.peakHeap() - before)} MB (from ${megabytes(before)} MB) on ${database.db.kind}`,
  )
  return { written, counter }
}

describe(`exporting ${responseCount} responses`, () => {
  it('streams CSV with flat memory', async () => {
    const { written, counter } = await measure('CSV', writeResponsesCsv)
    expect(written).toBe(responseCount)
    expect(counter.lines()).toBe(responseCount + 1)
  }, 180_000)

  it('streams XLSX with flat memory', async () => {
    const { written, counter } = await measure('XLSX', writeResponsesXlsx)
    expect(written).toBe(responseCount)
    expect(counter.bytes()).toBeGreaterThan(0)
  }, 180_000)
})
