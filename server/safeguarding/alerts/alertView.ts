import { z } from 'zod'
import { formatDateTime } from '../../i18n/formatDate'
import { isLanguageCode, languages, type LanguageCode } from '../../i18n/languages'
import type { Translate } from '../../i18n/translator'
import { paths } from '../../paths'
import type { AnswerRow } from './alertAnswers'
import type { Alert, AlertNote, AlertSummary } from './alertReadQueries'

const reasonsSchema = z.array(
  z.object({ questionId: z.string(), text: z.string(), phrases: z.array(z.string()) }),
)

const when = (date: Date, language: string) =>
  formatDateTime(date, isLanguageCode(language) ? language : 'en')

export function alertListRows(alerts: AlertSummary[], t: Translate, language: LanguageCode) {
  return alerts.map((alert) => ({
    href: paths.manage.alert(alert.handle),
    kind: t(`alerts.kind.${alert.kind}`),
    raised: when(alert.raisedAt, language),
    survey: alert.surveyTitle ?? t('alerts.noSurvey'),
    status: alert.status,
    statusText: t(`alerts.status.${alert.status}`),
  }))
}

const row = (key: string, lines: (string | null | undefined)[]) => ({
  key: { text: key },
  value: { lines: lines.filter((line): line is string => Boolean(line)) },
})

function aboutRows(alert: Alert, t: Translate, language: LanguageCode) {
  const languageName = languages.find((each) => each.code === alert.language)?.name ?? alert.language
  return [
    row(t('alerts.alert.kind'), [t(`alerts.kind.${alert.kind}`)]),
    row(t('alerts.alert.raised'), [when(alert.raisedAt, language)]),
    row(t('alerts.alert.survey'), [alert.surveyTitle ?? t('alerts.noSurvey')]),
    row(t('alerts.alert.language'), [languageName]),
    row(t('alerts.alert.status'), [
      t(`alerts.status.${alert.status}`),
      alert.acknowledgedAt && alert.acknowledgedBy
        ? t('alerts.alert.acknowledgedBy', {
            who: alert.acknowledgedBy,
            when: when(alert.acknowledgedAt, language),
          })
        : undefined,
      alert.closedAt && alert.closedBy
        ? t('alerts.alert.closedBy', { who: alert.closedBy, when: when(alert.closedAt, language) })
        : undefined,
      alert.escalatedAt
        ? t('alerts.alert.escalated', { when: when(alert.escalatedAt, language) })
        : undefined,
    ]),
  ].map((each) => (each.value.lines.length > 0 ? each : { ...each, value: { lines: [t('alerts.none')] } }))
}

function helpRequestRows(alert: Alert, t: Translate) {
  const request = alert.helpRequest
  if (!request) return []
  const notGiven = t('alerts.help.notGiven')
  const contact =
    request.contactMethod === 'none' || request.contactMethod === 'school'
      ? t(`alerts.help.contact.${request.contactMethod}`)
      : `${t(`alerts.help.contact.${request.contactMethod}`)}: ${request.contactDetail ?? notGiven}`
  return [
    row(t('alerts.help.name'), [request.name ?? notGiven]),
    row(t('alerts.help.contactHeading'), [contact]),
    row(t('alerts.help.school'), [request.school ?? notGiven]),
    row(t('alerts.help.message'), (request.message ?? notGiven).split(/\r?\n/)),
    row(t('alerts.help.answers'), [
      t(request.answersMayBeSeen ? 'alerts.help.answersAllowed' : 'alerts.help.answersNotAllowed'),
    ]),
  ]
}

/** What the alert page shows: about the alert, what was said and why it was raised, and its notes. */
export function alertPageModel(
  alert: Alert,
  extras: {
    notes: AlertNote[]
    titles: Record<string, string>
    answers: { rows: AnswerRow[]; sent: boolean } | undefined
  },
  t: Translate,
  language: LanguageCode,
) {
  const reasons = reasonsSchema.safeParse(alert.reasons)
  return {
    handle: alert.handle,
    kind: alert.kind,
    status: alert.status,
    heading: t(`alerts.kind.${alert.kind}`),
    aboutRows: aboutRows(alert, t, language),
    helpRows: helpRequestRows(alert, t),
    reasons: (reasons.success ? reasons.data : []).map((reason) => ({
      question: extras.titles[reason.questionId] ?? reason.questionId,
      lines: reason.text.split(/\r?\n/),
      phrases: reason.phrases.join(', '),
    })),
    answers: extras.answers,
    notes: extras.notes.map((note) => ({
      who: note.actor,
      when: when(note.writtenAt, language),
      lines: note.note.split(/\r?\n/),
    })),
    actions: {
      acknowledge: paths.manage.alertAcknowledge(alert.handle),
      notes: paths.manage.alertNotes(alert.handle),
      close: paths.manage.alertClose(alert.handle),
    },
  }
}
