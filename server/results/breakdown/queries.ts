import type { Queryable } from '../../db/database'
import { questionCountsFrom, type CountAnswersOptions, type QuestionCounts } from '../countAnswers'
import type { AnswerRow } from '../countQueries'
import { responseSelection, selectionParameters } from '../responseSelection'

/**
 * Each distinct answer to each counted question, with how many gave it, in each group: the
 * responses' answer to the about-you question ($7) is grouped on too, so the database counts every
 * group in one pass. Only the counted questions ($8: choice questions) are read, so nobody's written
 * words are touched. A group is null where the response gave no answer to the about-you question.
 */
const groupedAnswersSql = `
SELECT answers ->> $7::text AS grp,
       entry.key AS question_id,
       entry.value AS answer,
       count(*)::integer AS responses,
       count(*) FILTER (WHERE entry.value IS NULL)::integer AS blank,
       0 AS written
  FROM responses
 CROSS JOIN LATERAL jsonb_each_text(answers) AS entry
 WHERE ${responseSelection} AND entry.key = ANY ($8::text[])
 GROUP BY 1, 2, 3`

interface GroupedAnswerRow extends AnswerRow {
  grp: string | null
}

/** Counts per question for each answer to the about-you question (null: no answer), in one query. */
export async function countAnswersByGroup(
  db: Queryable,
  options: CountAnswersOptions & { by: string; questionIds: string[] },
): Promise<Map<string | null, Map<string, QuestionCounts>>> {
  const rows = await db.query<GroupedAnswerRow>(groupedAnswersSql, [
    ...selectionParameters(options, options.filter),
    options.by,
    options.questionIds,
  ])
  const byGroup = new Map<string | null, GroupedAnswerRow[]>()
  for (const row of rows) byGroup.set(row.grp, [...(byGroup.get(row.grp) ?? []), row])
  return new Map([...byGroup].map(([group, groupRows]) => [group, questionCountsFrom(groupRows)]))
}
