import type { Queryable } from '../../../server/db/database'

/** Rows per INSERT: one statement each, small enough for PGlite's memory and PostgreSQL 15 alike. */
export const chunkSize = 100_000

/**
 * A number from 0 to 1023 that looks random but is fixed by the row number g and a salt, so every
 * run (and both databases) get the same answers. hashint4 is in PostgreSQL 15 and in PGlite.
 */
const draw = (salt: number) => `(hashint4(g * 32 + ${salt}) & 1023)`

/** A weighted choice: values with their shares in 1024ths (the last takes whatever is left). */
function weighted(salt: number, choices: [value: string, per1024: number][]): string {
  let upTo = 0
  const branches = choices.slice(0, -1).map(([value, share]) => {
    upTo += share
    return `WHEN ${draw(salt)} < ${upTo} THEN '${value}'`
  })
  const last = choices.at(-1)?.[0] ?? ''
  return `CASE ${branches.join(' ')} ELSE '${last}' END`
}

const importanceSpread = (salt: number, veryImportant: number) =>
  weighted(salt, [
    ['very-important', veryImportant],
    ['important', 330],
    ['not-important', 120],
    ['dont-know', 0],
  ])

// Comments as young people write them: some short, some long, some with commas, quotes and new lines.
const comments = [
  'More clubs near home',
  'Teachers who listen to me',
  'Help with the bus to college, it takes too long',
  'Someone to talk to when I am worried',
  'Less waiting for my assessment. We waited "nearly two years" and nobody told us why',
  'A quiet room at school',
  'Friends who understand me\nand a job when I leave school',
  'Being asked what I think before decisions are made about me, not after. My mum has to fight for everything and it is tiring for all of us.',
]

/** Every question of surveys/what-i-need.json with a plausible spread; about 10% write a comment. */
const answersSql = `jsonb_build_object(
  'listened-to', ${importanceSpread(1, 470)},
  'healthiest', ${importanceSpread(2, 430)},
  'safe', ${importanceSpread(3, 560)},
  'accepted-valued', ${importanceSpread(4, 450)},
  'prepared-future', ${importanceSpread(5, 400)},
  'enjoy-life', ${importanceSpread(6, 500)},
  'life-better', CASE WHEN ${draw(7)} < 102
    THEN (ARRAY[${comments.map((text) => `'${text.replaceAll("'", "''")}'`).join(', ')}])[1 + (${draw(8)} % ${comments.length})] || ' (' || g || ')'
    ELSE NULL END,
  'age-group', ${weighted(9, [
    ['5-7', 90],
    ['8-11', 260],
    ['12-15', 340],
    ['16-18', 200],
    ['19-25', 100],
    ['prefer-not-to-say', 0],
  ])},
  'helper', ${weighted(10, [
    ['no', 440],
    ['parent-carer', 370],
    ['school', 160],
    ['someone-else', 0],
  ])}
)`

const languageSql = weighted(11, [
  ['en', 870],
  ['cy', 100],
  ['ur', 0],
])

/** A reference in the shape the app gives ("B000-01A2"), unique because g is. */
const referenceSql = `(SELECT substr(r, 1, 4) || '-' || substr(r, 5, 4)
    FROM (SELECT 'B' || upper(lpad(to_hex(g), 7, '0')) AS r) AS hex)`

/** Submitted at a fixed-looking moment within the year before $5. */
const submittedAtSql = `(($5::timestamptz - ((hashint4(g * 32 + 12)::bigint & 2147483647) % 31536000) * interval '1 second') AT TIME ZONE 'Europe/London')::date`

const insertSql = `INSERT INTO responses (organisation_id, id, survey_id, version, language, reference, draft_id, answers, submitted_at)
  SELECT $1, gen_random_uuid(), $2, 1, ${languageSql}, ${referenceSql}, gen_random_uuid(), ${answersSql}, ${submittedAtSql}
    FROM generate_series($3::integer, $4::integer) AS g`

/**
 * Adds responses numbered from..to (inclusive) to the survey, one INSERT ... generate_series a
 * chunk. Numbers must not repeat between calls: they make the references.
 */
export async function generateResponses(
  db: Queryable,
  survey: { organisationId: string; surveyId: string; yearEnding: Date },
  range: { from: number; to: number },
): Promise<void> {
  // g * 32 must stay within a 32-bit integer for hashint4.
  if (range.to > 60_000_000) throw new Error('at most 60,000,000 responses')
  for (let first = range.from; first <= range.to; first += chunkSize) {
    const last = Math.min(range.to, first + chunkSize - 1)
    await db.query(insertSql, [survey.organisationId, survey.surveyId, first, last, survey.yearEnding])
  }
}
