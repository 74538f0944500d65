import { Router, type Request, type Response } from 'express'
import { z } from 'zod'
import type { Database } from '../../db/database'
import { formErrors, noErrors } from '../../forms/formErrors'
import { signedInOfficer } from '../../officers/setUpOfficerArea'
import { postedFields } from '../../forms/postedFields'
import { paths } from '../../paths'
import { loadManagedSurvey } from '../../surveyManagement/surveyRoutes'
import { combinedWordsFor } from '../../surveyVersions/combinedWords'
import { loadCombinedSurvey } from '../../surveyVersions/loadCombinedSurvey'
import { parseResultsQuery } from '../resultsFilterForm'
import { thresholdFrom } from '../../statistics/threshold'
import { breakdownPageModel } from './breakdownPage'
import { canBreakDownBy, loadBreakdown } from './loadBreakdown'

const bySchema = (ids: string[]) =>
  z.object({ by: z.string().refine((value) => ids.includes(value), 'breakdown.errors.by') })

async function breakdownPage(db: Database, req: Request, res: Response) {
  const officer = signedInOfficer(req)
  const survey = await loadManagedSurvey(db, req)
  const key = { organisationId: officer.organisationId, surveyId: survey.surveyId }
  const combined = await loadCombinedSurvey(db, key)
  const words = combinedWordsFor(combined, req.language)
  const choices = combined.definition.questions.filter(canBreakDownBy)
  const { by } = postedFields(req.query, ['by'])
  const asked = by !== undefined && by !== ''
  const parsedBy = bySchema(choices.map(({ id }) => id)).safeParse({ by })
  const { chosen, errors: filterErrors, filter } = parseResultsQuery(req.query, survey.definition)
  const breakdown =
    asked && parsedBy.success && filter
      ? await loadBreakdown(db, {
          ...key,
          filter,
          by: parsedBy.data.by,
          threshold: thresholdFrom(officer.smallNumberThreshold),
        })
      : undefined
  const errors = asked && !parsedBy.success ? formErrors(parsedBy.error, req.t) : noErrors
  const badFilter = filterErrors !== undefined
  res.status(errors.errorList.length > 0 || badFilter ? 400 : 200).render('manage/breakdown', {
    pageTitle: req.t('breakdown.title', { survey: words.title }),
    hasErrors: errors.errorList.length > 0,
    errors,
    badFilter,
    surveyTitle: words.title,
    resultsHref: `${paths.manage.results(survey.slug)}${queryOf(chosen)}`,
    action: paths.manage.breakdown(survey.slug),
    carried: Object.entries(chosen).map(([name, value]) => ({ name, value })),
    filtered: Object.keys(chosen).length > 0,
    choices: choices.map((question) => ({
      value: question.id,
      text: words.questions[question.id]?.title ?? question.id,
      checked: question.id === by,
    })),
    model: breakdown ? breakdownPageModel(breakdown, words, { t: req.t, language: req.language }) : undefined,
  })
}

const queryOf = (chosen: Record<string, string>): string => {
  const query = new URLSearchParams(chosen).toString()
  return query ? `?${query}` : ''
}

/** Results broken down by an about-you question, suppressed across the groups (see suppressGroups). */
export function breakdownRoutes(db: Database): Router {
  const router = Router()
  router.get('/surveys/:survey/results/breakdown', (req, res) => breakdownPage(db, req, res))
  return router
}
