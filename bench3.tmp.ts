import { connectPglite } from './server/db/connectPglite'
import { migrate } from './server/db/migrate'
import { insertOrganisation, insertSurvey } from './tests/helpers/factories'
import { everyQuestionType } from './tests/fixtures/everyQuestionType'
import { findResponsePage, firstPage } from './server/exports/queries'
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
  if (process.argv[3] === 'gen') {
    let c = 0; let t0 = Date.now()
    for await (const _row of readResponseRows(db, { organisationId: org.id, surveyId })) if (++c % 50000 === 0) { console.log(c, Date.now() - t0); t0 = Date.now() }
    return
  }
  if (process.argv[3] === 'vacuum') { const v = Date.now(); await db.query('VACUUM ANALYZE responses'); console.log('vacuum', Date.now() - v) }
  for (const pass of [1, 2]) {
  let after = firstPage; let page = 0; let t = Date.now(); console.log('pass', pass)
  for (;;) {
    const rows = await findResponsePage(db, { organisationId: org.id, surveyId }, { filter: {}, after, size: 1000 })
    const last = rows.at(-1); if (!last) break
    after = { submittedAt: last.cursor_at, id: last.id }
    if (++page % 50 === 0) { console.log(page, Date.now() - t, 'ms', last.cursor_at); t = Date.now() }
  }
  }
  await db.close()
}
void main()
