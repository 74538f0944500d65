import type { Request } from 'express'
import type { Database } from '../db/database'
import { paths } from '../paths'
import { listYouSaidWeDidForSurvey } from '../scorecards/store/youSaidWeDidQueries'
import { listSnapshots } from '../scorecards/store/snapshotQueries'
import type { SurveyContext } from './surveyContext'

/** How many "You said, we did" entries a start page shows: enough to show change, few enough to read. */
export const earlierRoundsShown = 3

/**
 * Officers write "You said, we did" in the organisation's language (English) for now; on a Welsh
 * or Urdu page it is marked as English so it is read aloud, and laid out, as English.
 */
const officerTextLanguage = (req: Request) => (req.language === 'en' ? undefined : 'en')

/**
 * What changed after earlier rounds of this survey, for its start page: the newest entries
 * officers tied to it. Nothing when there are none.
 */
export async function earlierRounds(db: Database, req: Request, context: SurveyContext) {
  const { survey, version } = context
  const entries = await listYouSaidWeDidForSurvey(db, survey, earlierRoundsShown)
  if (entries.length === 0) return undefined
  return {
    heading: req.t(
      version.definition.easyRead
        ? 'pages.start.youSaidWeDid.easyReadHeading'
        : 'pages.start.youSaidWeDid.heading',
    ),
    lang: officerTextLanguage(req),
    entries: entries.map(({ youSaid, weDid }) => ({ youSaid, weDid })),
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
