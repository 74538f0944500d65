import type { Request, Response } from 'express'
import { recordAudit } from '../audit/recordAudit'
import type { Database } from '../db/database'
import { warnings, type WordsProblem } from '../easyRead'
import { NotFoundError } from '../errors'
import { formErrors, noErrors, type FormErrors } from '../forms/formErrors'
import { isLanguageCode, languages, type LanguageCode } from '../i18n/languages'
import { postedFields } from '../forms/postedFields'
import { signedInOfficer } from '../officers/setUpOfficerArea'
import { paths } from '../paths'
import { wordsFor } from '../surveys/words'
import { type ManagedSurvey } from './queries'
import { saveWordsThroughCopy, withWorkingCopy } from '../surveyBuilder/store/wordsThroughCopy'
import { loadManagedSurvey } from './surveyRoutes'
import { checksVerdict, mayOverride, postedOverride, type OverrideValues } from './checksOverride'
import { checkWordsFields, mergedErrors, problemErrors, problemNotes } from './wordsChecks'
import { parseWordsForm, wordsFields, type WordsField } from './wordsForm'

function editedLanguage(req: Request): LanguageCode {
  const language = (req.params as { language?: string }).language
  if (!isLanguageCode(language)) throw new NotFoundError('No such language')
  return language
}

interface WordsView {
  survey: ManagedSurvey
  language: LanguageCode
  fields: WordsField[]
  errors: FormErrors
  /** The easy-read checks' problems to show beside each box (not as errors). */
  notes: WordsProblem[]
  /** The problems an admin could override, and the override boxes as posted. */
  blocking: WordsProblem[]
  override: OverrideValues
}

const noOverride: OverrideValues = { override: false, overrideReason: '' }

const checksOf = (survey: ManagedSurvey, language: LanguageCode) => ({
  easyRead: survey.definition.easyRead,
  language,
})

function render(req: Request, res: Response, view: WordsView) {
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
    notes: problemNotes(view.notes, req.t),
    canOverride: mayOverride(view.blocking, signedInOfficer(req).role),
    override: view.override,
  })
}

export function editWordsPage(db: Database) {
  return async (req: Request, res: Response) => {
    // The words of the survey as it is being built: its working copy, with any questions added since.
    const survey = await withWorkingCopy(
      db,
      signedInOfficer(req).organisationId,
      await loadManagedSurvey(db, req),
    )
    const language = editedLanguage(req)
    // Words are shown with the labels of the language being edited, not the officer's own.
    const fields = wordsFields(survey.definition, wordsFor(survey.words, language), req.i18n(language))
    const problems = checkWordsFields(fields, checksOf(survey, language))
    render(req, res, {
      survey,
      language,
      fields,
      errors: noErrors,
      notes: problems,
      blocking: problems,
      override: noOverride,
    })
  }
}

export function saveWords(db: Database) {
  return async (req: Request, res: Response) => {
    const officer = signedInOfficer(req)
    // The words of the survey as it is being built: its working copy, with any questions added since.
    const survey = await withWorkingCopy(
      db,
      signedInOfficer(req).organisationId,
      await loadManagedSurvey(db, req),
    )
    const language = editedLanguage(req)
    const current = wordsFor(survey.words, language)
    const fields = wordsFields(survey.definition, current, req.i18n(language))
    const posted = postedFields(
      req.body,
      fields.map((field) => field.name),
    )
    const parsed = parseWordsForm({ definition: survey.definition, current }, fields, posted)
    const kept = fields.map((field) => ({ ...field, value: posted[field.name] ?? '' }))
    const override = postedOverride(req.body)
    if (!parsed.success) {
      const errors = formErrors(parsed.error, req.t)
      render(req, res, { survey, language, fields: kept, errors, notes: [], blocking: [], override })
      return
    }
    const problems = checkWordsFields(kept, checksOf(survey, language))
    const verdict = checksVerdict(problems, override, { role: officer.role, t: req.t })
    if (verdict.outcome === 'refused') {
      const errors = mergedErrors(problemErrors(problems, req.t), verdict.reasonErrors)
      const view = { survey, language, fields: kept, errors, notes: warnings(problems), blocking: problems }
      render(req, res, { ...view, override })
      return
    }
    const { version, published } = await db.transaction(async (tx) => {
      const result = await saveWordsThroughCopy(
        tx,
        { organisationId: officer.organisationId, officer, slug: survey.slug, t: req.t },
        { language, words: parsed.data },
      )
      const saved = result.version
      await recordAudit(tx, {
        organisationId: officer.organisationId,
        officer,
        action: 'survey-words-changed',
        subject: survey.slug,
        details: { language, version: saved },
      })
      if (verdict.outcome === 'overridden')
        await recordAudit(tx, {
          organisationId: officer.organisationId,
          officer,
          action: 'easy-read-checks-overridden',
          subject: survey.slug,
          details: {
            when: 'saving-words',
            language,
            version: saved,
            problems: verdict.overridden.length,
            reason: verdict.reason,
          },
        })
      return result
    })
    req.log.info({ surveyId: survey.surveyId, version }, 'survey words saved')
    // Words that joined unpublished builder changes are published with them, from the builder.
    res.redirect(303, published ? paths.manage.survey(survey.slug) : paths.manage.builder.home(survey.slug))
  }
}
