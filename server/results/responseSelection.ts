import type { ResultsFilter } from './types'

/**
 * The one home of the filter that selects a survey's responses: the results count them, the breakdown
 * splits them, the exports write them and the held count sits beside them, so each must select the
 * same responses. The fragments are constants taking parameters $1-$6, from selectionParameters, so
 * nothing from a request is ever written into SQL.
 */

/**
 * The selection of counted responses. An about-you filter is one jsonb containment test (answers @>
 * {"age-group": "12-15"}), so a download of a selection holds exactly the responses its results count.
 * A response keeps only its London day, so the bounds are London days too.
 */
export const responseSelection = `organisation_id = $1 AND survey_id = $2
  AND ($3::timestamptz IS NULL OR submitted_at >= ($3::timestamptz AT TIME ZONE 'Europe/London')::date)
  AND ($4::timestamptz IS NULL OR submitted_at < ($4::timestamptz AT TIME ZONE 'Europe/London')::date)
  AND ($5::text IS NULL OR language = $5::text)
  AND ($6::jsonb IS NULL OR answers @> $6::jsonb)`

/**
 * The same selection of held responses. A held response keeps its exact time (the review judges how
 * long it took), so it is compared with the bounds as instants. The filter's bounds are London
 * midnights (toResultsFilter), so this takes the same London days as responseSelection, and a held
 * response is in a selection before it is included exactly when it is in it after. Do not use
 * responseSelection here: a timestamptz compared with a date reads the date as midnight in the
 * session's time zone, not London's, and would move the edge by an hour in summer.
 */
export const heldSelection = `organisation_id = $1 AND survey_id = $2
  AND ($3::timestamptz IS NULL OR submitted_at >= $3::timestamptz)
  AND ($4::timestamptz IS NULL OR submitted_at < $4::timestamptz)
  AND ($5::text IS NULL OR language = $5::text)
  AND ($6::jsonb IS NULL OR answers @> $6::jsonb)`

/** $1-$6 of either selection, for one survey and filter. */
export const selectionParameters = (
  survey: { organisationId: string; surveyId: string },
  filter: ResultsFilter = {},
): unknown[] => [
  survey.organisationId,
  survey.surveyId,
  filter.from ?? null,
  filter.to ?? null,
  filter.language ?? null,
  filter.aboutYou ? JSON.stringify(filter.aboutYou) : null,
]
