import type { Request, Response } from 'express'
import type { Database } from '../../db/database'
import { describeField, missingWords } from '../../easyRead'
import { noErrors, type FormErrors } from '../../forms/formErrors'
import { languages, type LanguageCode } from '../../i18n/languages'
import { paths } from '../../paths'
import { audiences } from '../../surveys/definitionSchema'
import type { FieldProblem } from '../model/questionForm'
import { cloneCopy, offeredLanguages } from '../model/workingCopy'
import type { BuilderSurvey } from '../store/builderQueries'
import { loadBuilder, saveEdit, toFormErrors, type ShownProblem } from './builderRequest'
import { surveyChoices } from './surveyChoices'

interface SettingsValues {
  audience: string
  easyRead: string
  languages: string[]
  minutes: string
}

function render(
  req: Request,
  res: Response,
  view: { survey: BuilderSurvey; values: SettingsValues; errors: FormErrors },
) {
  const { survey, values, errors } = view
  res.status(errors.errorList.length > 0 ? 400 : 200).render('manage/builder/settings', {
    pageTitle: req.t('builder.settings.title'),
    hasErrors: errors.errorList.length > 0,
    errors,
    backHref: paths.manage.builder.home(survey.slug),
    action: paths.manage.builder.settings(survey.slug),
    values,
    ...surveyChoices(req, values),
    wordsLinks: languages.map(({ code }) => ({
      href: paths.manage.words(survey.slug, code),
      text: req.t('builder.home.words', { language: req.t(`builder.languages.${code}`) }),
    })),
  })
}

export function settingsPage(db: Database) {
  return async (req: Request, res: Response) => {
    const survey = await loadBuilder(db, req)
    const { definition } = survey.copy
    const values = {
      audience: definition.audience,
      easyRead: definition.easyRead ? 'yes' : 'no',
      languages: offeredLanguages(survey.copy).filter((code) => code !== 'en'),
      minutes: String(definition.estimatedMinutes),
    }
    render(req, res, { survey, values, errors: noErrors })
  }
}

const strings = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string')

/**
 * Who the survey is for, easy read or not, how long it takes, and the languages it offers. A language
 * can only be offered once all its words are written (on its words page): respondents would
 * otherwise meet empty questions.
 */
export function saveSettings(db: Database) {
  return async (req: Request, res: Response) => {
    const survey = await loadBuilder(db, req)
    const body = (req.body ?? {}) as Record<string, unknown>
    const text = (name: string) => (typeof body[name] === 'string' ? body[name].trim() : '')
    const values: SettingsValues = {
      audience: text('audience'),
      easyRead: text('easyRead'),
      languages: strings(body.languages).filter((code) => code === 'cy' || code === 'ur'),
      minutes: text('minutes'),
    }
    const problems: FieldProblem[] = []
    const audience = audiences.find((each) => each === values.audience)
    if (!audience) problems.push({ field: 'audience', key: 'builder.errors.audienceRequired' })
    if (values.easyRead !== 'yes' && values.easyRead !== 'no')
      problems.push({ field: 'easyRead', key: 'builder.errors.easyReadRequired' })
    const minutes = Number(values.minutes)
    if (!/^\d{1,2}$/.test(values.minutes) || minutes < 1 || minutes > 60)
      problems.push({ field: 'minutes', key: 'builder.errors.minutes' })
    if (problems.length > 0 || !audience) {
      render(req, res, { survey, values, errors: toFormErrors(problems, req.t) })
      return
    }
    const offered: LanguageCode[] = ['en', ...(values.languages as LanguageCode[])]
    const saved = await saveEdit(db, req, {
      change: 'settings-changed',
      edit: (copy) => {
        const next = cloneCopy(copy)
        next.definition = {
          ...next.definition,
          audience,
          easyRead: values.easyRead === 'yes',
          estimatedMinutes: minutes,
          languages: offered,
        }
        const missing = missingWords(next.definition, next.words).filter(
          (problem) => problem.language !== 'en',
        )
        if (missing.length === 0) return { ok: true, copy: next }
        const shown: ShownProblem[] = [...new Set(missing.map((problem) => problem.language))].map(
          (language) => ({
            field: 'languages',
            text: req.t('builder.errors.missingWords', {
              language: req.t(`builder.languages.${language}`),
              where: missing
                .filter((problem) => problem.language === language)
                .slice(0, 3)
                .map((problem) => describeField(problem.field, next.definition, req.t))
                .join('; '),
            }),
          }),
        )
        return { ok: false, problems: shown }
      },
      fieldOf: () => 'audience',
    })
    if (!saved.ok) {
      render(req, res, { survey, values, errors: toFormErrors(saved.problems, req.t) })
      return
    }
    res.redirect(303, paths.manage.builder.home(survey.slug))
  }
}
