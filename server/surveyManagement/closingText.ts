import type { Translate } from '../i18n/translator'
import { formatDate } from '../i18n/formatDate'
import type { LanguageCode } from '../i18n/languages'
import { availabilityOf } from '../surveys/availability'
import type { SurveyStatus } from '../surveys/queries'
import { lastDayOf } from '../i18n/londonDates'

export interface ClosingDates {
  status: SurveyStatus
  opensAt: Date | null
  closesAt: Date | null
  closedAt: Date | null
}

interface Words {
  t: Translate
  language: LanguageCode
}

/** A last day (YYYY-MM-DD) as people read it; noon UTC is that same day in London all year. */
export const formatLastDay = (lastDay: string, language: LanguageCode): string =>
  formatDate(new Date(`${lastDay}T12:00:00Z`), language)

/**
 * What an officer reads about when a survey closes: "Closes at the end of 31 March 2027" while it
 * can still take answers, "Closed on …" once it has closed (by an officer, or by its closing date).
 */
export function closingText(survey: ClosingDates, now: Date, { t, language }: Words): string {
  const closed = survey.status === 'closed' || availabilityOf(survey, now) === 'closed'
  if (!closed) {
    if (!survey.closesAt) return t('pages.manageSurveys.noClosingDate')
    return t('closingDates.closesOn', { date: formatLastDay(lastDayOf(survey.closesAt), language) })
  }
  const byDate = survey.closesAt && survey.closesAt <= now ? survey.closesAt : null
  const byOfficer = survey.status === 'closed' ? survey.closedAt : null
  // Whichever happened first is when it stopped taking answers.
  if (byDate && (!byOfficer || byDate <= byOfficer))
    return t('closingDates.closedOn', { date: formatLastDay(lastDayOf(byDate), language) })
  if (byOfficer) return t('closingDates.closedOn', { date: formatDate(byOfficer, language) })
  return t('closingDates.closed')
}

/** The start page's line for respondents; none when the survey has no closing date. */
export function answerUntilText(closesAt: Date | null, { t, language }: Words): string | undefined {
  if (!closesAt) return undefined
  return t('closingDates.answerUntil', { date: formatLastDay(lastDayOf(closesAt), language) })
}
