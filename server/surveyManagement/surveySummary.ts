import type { Request } from 'express'
import { formatDate, formatDateTime } from '../i18n/formatDate'
import type { Officer } from '../officers/queries'
import { countText } from '../statistics/countText'
import { retentionSummary } from '../retention/retentionSummary'
import { wordsFor } from '../surveys/words'
import { closingText } from './closingText'
import type { ManagedSurvey } from './queries'

/** What the survey list and a survey's page both say about it, in the officer's language. */
export function surveySummary(survey: ManagedSurvey, req: Request, officer: Officer, now = new Date()) {
  const when = (date: Date | null) => (date ? formatDateTime(date, req.language) : '')
  return {
    title: wordsFor(survey.words, req.language).title,
    slug: survey.slug,
    status: survey.status,
    responses: countText(survey.responses, {
      setting: officer.smallNumberThreshold,
      t: req.t,
      language: req.language,
    }),
    // Responses keep only the day they were sent.
    lastResponse: survey.lastResponseAt ? formatDate(survey.lastResponseAt, req.language) : '',
    opens: when(survey.opensAt),
    closes: closingText(survey, now, { t: req.t, language: req.language }),
    retention: retentionSummary(survey.retention, req),
  }
}
