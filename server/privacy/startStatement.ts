import type { Queryable } from '../db/database'
import type { Translate } from '../i18n/translator'
import { findSurveyRetention } from '../organisationSettings/queries'
import { paths } from '../paths'

interface SurveyOnStartPage {
  organisationId: string
  organisationSlug: string
  surveyId: string
  easyRead: boolean
}

/**
 * What a survey's start page says about its answers, at the survey's reading level: who runs it,
 * that answers are anonymous, who sees them and how long they are kept (the survey's own retention
 * period if it has one, else the organisation's), with a link to the privacy notice. Every survey is
 * anonymous today: the definition has no way to ask for a name, so there is no other sentence to say.
 */
export async function startStatement(db: Queryable, survey: SurveyOnStartPage, t: Translate) {
  const retention = await findSurveyRetention(db, survey)
  if (!retention) return undefined
  const words = { organisation: retention.publicName, count: retention.retentionMonths }
  const level = survey.easyRead ? 'easyRead' : 'plain'
  return {
    paragraphs: [
      t(`privacy.start.${level}.runBy`, words),
      t(`privacy.start.${level}.anonymous`, words),
      t(`privacy.start.${level}.whoSees`, words),
      t(`privacy.start.${level}.kept`, words),
    ],
    link: {
      text: t(`privacy.start.${level}.link`, words),
      href: survey.easyRead
        ? paths.organisationPages.easyReadPrivacy(survey.organisationSlug)
        : paths.organisationPages.privacy(survey.organisationSlug),
    },
  }
}
