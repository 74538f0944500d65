import type { Queryable } from '../../../server/db/database'

/**
 * An agreement answer made from two importance answers of the same young person, so the parents'
 * and carers' answers vary as the young people's do, and every agreement answer but "don't know"
 * turns up.
 */
const agreementFrom = (first: string, second: string) => `CASE w.answers->>'${first}'
    WHEN 'very-important' THEN 'strongly-agree'
    WHEN 'important' THEN CASE WHEN w.answers->>'${second}' = 'not-important' THEN 'neither' ELSE 'agree' END
    WHEN 'not-important' THEN CASE WHEN w.answers->>'${second}' = 'very-important' THEN 'strongly-disagree' ELSE 'disagree' END
    ELSE 'dont-know' END`

/** Every question of surveys/ehcp-experience.json but the comment, which scorecards never read. */
const answersSql = `jsonb_build_object(
  'assessment-satisfied', ${agreementFrom('prepared-future', 'safe')},
  'plan-satisfied', ${agreementFrom('safe', 'enjoy-life')},
  'listened-to', ${agreementFrom('listened-to', 'healthiest')},
  'know-who-to-contact', ${agreementFrom('enjoy-life', 'listened-to')},
  'views-influence', ${agreementFrom('accepted-valued', 'listened-to')},
  'health-needs-met', ${agreementFrom('healthiest', 'accepted-valued')},
  'activities-meet-needs', ${agreementFrom('enjoy-life', 'prepared-future')},
  'child-age', CASE w.answers->>'age-group'
    WHEN '5-7' THEN '5-10' WHEN '8-11' THEN '5-10' WHEN '12-15' THEN '11-15'
    WHEN '16-18' THEN '16-18' WHEN '19-25' THEN '19-25' ELSE 'prefer-not-to-say' END,
  'support-type', CASE WHEN w.answers->>'helper' = 'school' THEN 'sen-support' ELSE 'ehcp' END
)`

/**
 * One response to "Your experience of Education, Health and Care Plans" for every sixteenth response to "What I need" (those whose
 * reference ends in 0), made from it in one INSERT ... SELECT: the same moment and language, a
 * reference of its own ("E" for "B"). Returns how many were added.
 */
export async function addEhcpResponses(
  db: Queryable,
  surveys: { organisationId: string; whatINeedId: string; ehcpId: string },
): Promise<number> {
  const rows = await db.query<{ added: number }>(
    `WITH added AS (
       INSERT INTO responses (organisation_id, id, survey_id, version, language, reference, draft_id, answers, submitted_at)
       SELECT w.organisation_id, gen_random_uuid(), $3, 1, w.language, 'E' || substr(w.reference, 2), gen_random_uuid(),
              ${answersSql}, w.submitted_at
         FROM responses w
        WHERE w.organisation_id = $1 AND w.survey_id = $2 AND right(w.reference, 1) = '0'
       RETURNING 1)
     SELECT count(*)::integer AS added FROM added`,
    [surveys.organisationId, surveys.whatINeedId, surveys.ehcpId],
  )
  return rows[0]?.added ?? 0
}
