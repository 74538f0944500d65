import type { Request } from 'express'
import { formatDate } from '../i18n/formatDate'
import type { SurveyRetention } from '../surveyManagement/queries'

/** What the survey page says about keeping its responses: for how long, and when they go (or went). */
export function retentionSummary(
  retention: SurveyRetention,
  req: Request,
): { kept: string; deleted: string } {
  const { deleteAfter, deletedAt } = retention
  const kept =
    retention.months === null
      ? req.t('retention.survey.default', { months: retention.organisationMonths })
      : String(retention.months)
  // A survey reopened after the sweep has a later end again: that is the date that matters now.
  const deleted =
    deletedAt && deleteAfter && deleteAfter <= deletedAt
      ? req.t('retention.survey.deletedOn', { date: formatDate(deletedAt, req.language) })
      : deleteAfter
        ? req.t('retention.survey.deleteAfter', { date: formatDate(deleteAfter, req.language) })
        : req.t('retention.survey.whenClosed')
  return { kept, deleted }
}
