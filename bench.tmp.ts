import { Writable } from 'node:stream'
import { connectPglite } from './server/db/connectPglite'
import { migrate } from './server/db/migrate'
import { insertOrganisation, insertSurvey } from './tests/helpers/factories'
import { everyQuestionType } from './tests/fixtures/everyQuestionType'
import { writeResponsesCsv } from './server/exports/responsesCsv'
import { writeResponsesXlsx } from './server/exports/responsesXlsx'
import { readResponseRows } from './server/exports/responseRows'
async function main() {
  const db = await connectPglite({})
  await migrate(db)
  const org = await insertOrganisation(db)
  const { surveyId } = await insertSurvey(db, { organisationId: org.id, template: everyQuestionType })
  const n = Number(process.argv[2] ?? 50000)
  await db.query(`INSERT INTO responses (organisation_id, id, survey_id, version, language, reference, draft_id, answers, submitted_at)
     SELECT $1, gen_random_uuid(), $2, 1, 'en', 'M' || i, gen_random_uuid(),
            jsonb_build_object('importance','important','agreement','agree','faces','happy','yes-no','yes','single','bus','multiple','["football","drawing"]'::jsonb,'text','A longer answer about what would make school better, number ' || i,'age','8-11'),
            timestamptz '2025-01-01 00:00:00+00' + (i / 3) * interval '1 minute'
       FROM generate_series(1, $3::integer) AS i`, [org.id, surveyId, n])
  let t = Date.now(); let c = 0
  for await (const _ of readResponseRows(db, { organisationId: org.id, surveyId })) c++
  console.log('rows only', c, Date.now() - t, 'ms')
  let peak = 0
  const sink = () => new Writable({ write(chunk, _e, done) { peak = Math.max(peak, process.memoryUsage().heapUsed); setImmediate(done) } })
  const base = process.memoryUsage().heapUsed
  t = Date.now()
  await writeResponsesCsv(db, { organisationId: org.id, surveyId, language: 'en' }, sink())
  console.log('csv', Date.now() - t, 'ms peak growth MB', ((peak - base) / 1048576).toFixed(1))
  peak = 0
  t = Date.now()
  if (process.argv[3] === 'xlsx') await writeResponsesXlsx(db, { organisationId: org.id, surveyId, language: 'en' }, sink())
  console.log('xlsx', Date.now() - t, 'ms peak growth MB', ((peak - base) / 1048576).toFixed(1))
  await db.close()
}
void main()
