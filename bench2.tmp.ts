import { Writable } from 'node:stream'
import v8 from 'node:v8'
import { runInNewContext } from 'node:vm'
import { connectPglite } from './server/db/connectPglite'
import { migrate } from './server/db/migrate'
import { insertOrganisation, insertSurvey } from './tests/helpers/factories'
import { everyQuestionType } from './tests/fixtures/everyQuestionType'
import { writeResponsesCsv } from './server/exports/responsesCsv'
import { writeResponsesXlsx } from './server/exports/responsesXlsx'
v8.setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void
async function main() {
  const db = await connectPglite({})
  await migrate(db)
  const org = await insertOrganisation(db)
  const { surveyId } = await insertSurvey(db, { organisationId: org.id, template: everyQuestionType })
  const n = Number(process.argv[2] ?? 50000)
  const delay = Number(process.argv[3] ?? 0)
  await db.query(`INSERT INTO responses (organisation_id, id, survey_id, version, language, reference, draft_id, answers, submitted_at)
     SELECT $1, gen_random_uuid(), $2, 1, 'en', 'M' || i, gen_random_uuid(),
            jsonb_build_object('importance','important','agreement','agree','faces','happy','yes-no','yes','single','bus','multiple','["football","drawing"]'::jsonb,'text','A longer answer about what would make school better, number ' || md5(i::text),'age','8-11'),
            timestamptz '2025-01-01 00:00:00+00' + (i / 3) * interval '1 minute'
       FROM generate_series(1, $3::integer) AS i`, [org.id, surveyId, n])
  for (const [name, write] of [['csv', writeResponsesCsv], ['xlsx', writeResponsesXlsx]] as const) {
    gc(); const base = process.memoryUsage().heapUsed; let peak = 0; let chunks = 0
    const sink = new Writable({ highWaterMark: 16384, write(chunk, _e, done) { if (++chunks % 10 === 0) { gc(); peak = Math.max(peak, process.memoryUsage().heapUsed) } ; setTimeout(done, delay) } })
    const t = Date.now()
    await write(db, { organisationId: org.id, surveyId, language: 'en' }, sink)
    console.log(name, n, 'delay', delay, Date.now() - t, 'ms; retained growth MB', ((peak - base) / 1048576).toFixed(1), 'chunks', chunks)
  }
  await db.close()
}
void main()
