import type { Request } from 'express'
import type { Database } from '../db/database'
import { paths } from '../paths'
import { listYouSaidWeDidForSurvey } from '../scorecards/store/youSaidWeDidQueries'
import { listSnapshots } from '../scorecards/store/snapshotQueries'
import type { SurveyContext } from './surveyContext'
import { defaultLanguage } from '../i18n/languages'
import { textIn, textKey } from '../scorecards/model/translations'
import type { Translations } from '../scorecards/model/types'
import { listTranslations } from '../scorecards/store/translationQueries'

/** How many "You said, we did" entries a start page shows: enough to show change, few enough to read. */
export const earlierRoundsShown = 3

/**
 * What changed after earlier rounds of this survey, for its start page: the newest entries
 * officers tied to it. Nothing when there are none.
 */
export async function earlierRounds(db: Database, req: Request, context: SurveyContext) {
  const { survey, version } = context
  const entries = await listYouSaidWeDidForSurvey(db, survey, earlierRoundsShown)
  if (entries.length === 0) return undefined
  // Officers write in English first; where they have not translated an entry, the English shows,
  // marked as English so it is read aloud, and laid out, as English.
  const translated: Translations =
    req.language === defaultLanguage
      ? {}
      : {
          [req.language]: Object.fromEntries(
            (await listTranslations(db, survey.organisationId, req.language)).map((each) => [
              textKey(each.subject, each.subjectId),
              each.text,
            ]),
          ),
        }
  return {
    heading: req.t(
      version.definition.easyRead
        ? 'pages.start.youSaidWeDid.easyReadHeading'
        : 'pages.start.youSaidWeDid.heading',
    ),
    entries: entries.map((entry) => ({
      youSaid: textIn(translated, req.language, textKey('you-said', entry.id), entry.youSaid),
      weDid: textIn(translated, req.language, textKey('we-did', entry.id), entry.weDid),
    })),
  }
}

/**
 * After sending: where to read what came of answers like these, the organisation's latest
 * published scorecard and its "You said, we did". Nothing until a scorecard is published.
 */
export async function loopClosedLinks(db: Database, context: SurveyContext) {
  const { organisationId, organisationSlug } = context.survey
  if (context.preview || (await listSnapshots(db, organisationId)).length === 0) return undefined
  const latest = paths.publicScorecards.latest(organisationSlug)
  return { scorecard: latest, youSaidWeDid: `${latest}#you-said-we-did` }
}
