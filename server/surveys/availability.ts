import type { PublishedSurvey } from './queries'

export type Availability = 'open' | 'closed' | 'not-published'

/** Whether a survey takes answers now: open, between its opening and closing dates. */
export function availabilityOf(
  survey: Pick<PublishedSurvey, 'status' | 'opensAt' | 'closesAt'>,
  now: Date,
): Availability {
  if (survey.status === 'draft') return 'not-published'
  if (survey.status === 'closed') return 'closed'
  if (survey.opensAt && survey.opensAt > now) return 'not-published'
  if (survey.closesAt && survey.closesAt <= now) return 'closed'
  return 'open'
}
