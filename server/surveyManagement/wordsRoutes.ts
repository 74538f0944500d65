import type { Request, Response } from 'express'
import { recordAudit } from '../audit/recordAudit'
import type { Database } from '../db/database'
import { NotFoundError } from '../errors'
import { formErrors, noErrors, type FormErrors } from '../forms/formErrors'
import { isLanguageCode, languages, type LanguageCode } from '../i18n/languages'
import { postedFields } from '../officers/officerForms'
import { signedInOfficer } from '../officers/setUpOfficerArea'
import { paths } from '../paths'
import { wordsFor } from '../surveys/words'
import { saveSurveyWords, type ManagedSurvey } from './queries'
import { loadManagedSurvey } from './surveyRoutes'
import { parseWordsForm, wordsFields, type WordsField } from './wordsForm'

function editedLanguage(req: Request): LanguageCode {
  const language = (req.params as { language?: string }).language
  if (!isLanguageCode(language)) throw new NotFoundError('No such language')
  return language
}

function render(
  req: Request,
  res: Response,
  view: { survey: ManagedSurvey; language: LanguageCode; fields: WordsField[]; errors: FormErrors },
) {
  const { survey, language, fields, errors } = view
  res.status(errors.errorList.length > 0 ? 400 : 200).render('manage/editWords', {
    pageTitle: req.t('pages.editWords.title', {
      language: languages.find(({ code }) => code === language)?.name ?? language,
    }),
    hasErrors: errors.errorList.length > 0,
    errors,
    fields,
    editedLanguage: language,
    editedDir: languages.find(({ code }) => code === language)?.dir ?? 'ltr',
    surveyHref: paths.manage.survey(survey.slug),
    action: paths.manage.words(survey.slug, language),
    otherLanguages: languages
      .filter(({ code }) => code !== language)
      .map(({ code, name }) => ({ code, name, href: paths.manage.words(survey.slug, code) })),
    hasResponses: survey.responses > 0,
  })
}

export function editWordsPage(db: Database) {
  return async (req: Request, res: Response) => {
    const survey = await loadManagedSurvey(db, req)
    const language = editedLanguage(req)
    // Words are shown with the labels of the language being edited, not the officer's own.
    const fields = wordsFields(survey.definition, wordsFor(survey.words, language), req.i18n(language))
    render(req, res, { survey, language, fields, errors: noErrors })
  }
}

export function saveWords(db: Database) {
  return async (req: Request, res: Response) => {
    const officer = signedInOfficer(req)
    const survey = await loadManagedSurvey(db, req)
    const language = editedLanguage(req)
    const fields = wordsFields(survey.definition, wordsFor(survey.words, language), req.i18n(language))
    const posted = postedFields(
      req.body,
      fields.map((field) => field.name),
    )
    const parsed = parseWordsForm(survey.definition, fields, posted)
    if (!parsed.success) {
      const kept = fields.map((field) => ({ ...field, value: posted[field.name] ?? '' }))
      render(req, res, { survey, language, fields: kept, errors: formErrors(parsed.error, req.t) })
      return
    }
    const version = await db.transaction(async (tx) => {
      const saved = await saveSurveyWords(
        tx,
        { organisationId: officer.organisationId, surveyId: survey.surveyId, version: survey.version },
        { language, words: parsed.data },
      )
      await recordAudit(tx, {
        organisationId: officer.organisationId,
        officer,
        action: 'survey-words-changed',
        subject: survey.slug,
        details: { language, version: saved },
      })
      return saved
    })
    req.log.info({ surveyId: survey.surveyId, version }, 'survey words saved')
    res.redirect(303, paths.manage.survey(survey.slug))
  }
}
