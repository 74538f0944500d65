import { Router, type Request, type Response } from 'express'
import type { Database } from '../db/database'
import { formErrors, noErrors } from '../forms/formErrors'
import { directionOf, languages } from '../i18n/languages'
import { listThemes } from '../freeText/queries'
import { hasRole } from '../officers/roles'
import { signedInOfficer } from '../officers/setUpOfficerArea'
import { paths } from '../paths'
import { heldNotice } from '../responseLimits/routes/heldNotice'
import { loadManagedSurvey } from '../surveyManagement/surveyRoutes'
import { londonToday } from '../i18n/londonDates'
import { optionLabeller } from '../surveys/labels'
import { questionTypeFor } from '../surveys/questionTypes/registry'
import { wordsFor } from '../surveys/words'
import { combinedWordsFor } from '../surveyVersions/combinedWords'
import { versionNotes } from '../surveyVersions/versionNotes'
import { periodPresets } from './periodPresets'
import { parseResultsQuery } from './resultsFilterForm'
import { resultsPageModel } from './resultsPage'
import { loadResultsAcrossVersions } from './surveyResults'
import { countText } from '../statistics/countText'
import { thresholdFrom } from '../statistics/threshold'

async function resultsPage(db: Database, req: Request, res: Response) {
  const officer = signedInOfficer(req)
  const survey = await loadManagedSurvey(db, req)
  const { definition } = survey
  const words = wordsFor(survey.words, req.language)
  const { values, chosen, errors, filter } = parseResultsQuery(req.query, definition)
  const threshold = thresholdFrom(officer.smallNumberThreshold)
  const key = { organisationId: officer.organisationId, surveyId: survey.surveyId }
  const loaded = filter ? await loadResultsAcrossVersions(db, { ...key, filter, threshold }) : undefined
  const themes = await listThemes(db, key)
  const held = filter ? await heldNotice(db, req, { ...survey, filter }) : undefined
  const query = new URLSearchParams(chosen).toString()
  res.status(filter ? 200 : 400).render('manage/results', {
    pageTitle: req.t('pages.results.title', { survey: words.title }),
    hasErrors: errors !== undefined,
    errors: errors ? formErrors(errors, req.t) : noErrors,
    surveyTitle: words.title,
    surveyHref: paths.manage.survey(survey.slug),
    commentsHref: paths.manage.comments(survey.slug),
    action: paths.manage.results(survey.slug),
    values,
    presets: periodPresets(londonToday(), req.t),
    languageOptions: languages.map(({ code, name }) => ({ value: code, text: name })),
    aboutYou: definition.questions
      .filter((question) => question.aboutYou)
      .map((question) => {
        const label = optionLabeller(question, words.questions[question.id], req.t)
        return {
          name: `about-${question.id}`,
          title: words.questions[question.id]?.title ?? question.id,
          options: questionTypeFor(question)
            .values(question)
            .map((value) => ({ value, text: label(value) })),
        }
      }),
    model: loaded
      ? resultsPageModel({
          results: loaded.results,
          definition: loaded.survey.definition,
          words: combinedWordsFor(loaded.survey, req.language),
          t: req.t,
          language: req.language,
          rtl: directionOf(req.language) === 'rtl',
          notes: versionNotes(loaded.survey, { t: req.t, language: req.language }),
        })
      : undefined,
    themes: themes.map((theme) => ({
      name: theme.name,
      count: countText(theme.answers, {
        setting: officer.smallNumberThreshold,
        t: req.t,
        language: req.language,
      }),
    })),
    held,
    downloads: {
      responses: hasRole(officer.role, 'analyst'),
      query: query ? `?${query}` : '',
      base: paths.manage.download(survey.slug, ''),
    },
  })
}

/** The results of a survey for officers: every question's counts, percentages and intervals, filtered. */
export function resultsRoutes(db: Database): Router {
  const router = Router()
  router.get('/surveys/:survey/results', (req, res) => resultsPage(db, req, res))
  return router
}
