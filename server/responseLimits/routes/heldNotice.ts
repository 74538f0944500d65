import type { Request } from 'express'
import type { Database } from '../../db/database'
import { hasRole } from '../../officers/roles'
import { signedInOfficer } from '../../officers/setUpOfficerArea'
import { paths } from '../../paths'
import type { ResultsFilter } from '../../results/types'
import { holdReasons } from '../model/holdRules'
import { countHeld } from '../store/heldQueries'

/**
 * What the results page says about responses held in its selection: how many, why, and (for those who
 * may decide) a link to review them. Nothing when none are held. Held counts describe no answers, so
 * they are shown whatever their size.
 */
export async function heldNotice(
  db: Database,
  req: Request,
  survey: { surveyId: string; slug: string; filter: ResultsFilter },
) {
  const officer = signedInOfficer(req)
  const counts = await countHeld(
    db,
    { organisationId: officer.organisationId, surveyId: survey.surveyId },
    survey.filter,
  )
  if (counts.total === 0) return undefined
  return {
    text: req.t('responseLimits.results.held', { count: counts.total }),
    reasons: holdReasons
      .filter((reason) => counts[reason] > 0)
      .map((reason) =>
        req.t('responseLimits.results.reasonCount', {
          reason: req.t(`responseLimits.reasons.${reason}`),
          count: counts[reason],
        }),
      ),
    reviewHref: hasRole(officer.role, 'analyst') ? paths.manage.heldResponses(survey.slug) : undefined,
  }
}
