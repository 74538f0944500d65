import { recordIndicatorChange } from '../../audit/scorecardChanges'
import type { Request, Response } from 'express'
import { z } from 'zod'
import type { Database } from '../../db/database'
import { NotFoundError } from '../../errors'
import { fieldError, formErrors, noErrors, type FormErrors } from '../../forms/formErrors'
import { isLanguageCode, languages } from '../../i18n/languages'
import { signedInOfficer } from '../../officers/setUpOfficerArea'
import { paths } from '../../paths'
import { findManagedSurvey, type ManagedSurvey } from '../../surveyManagement/queries'
import type { QuestionDefinition } from '../../surveys/definitionSchema'
import { optionLabeller } from '../../surveys/labels'
import { questionTypeFor } from '../../surveys/questionTypes/registry'
import type { SurveyDefinition } from '../../surveys/definitionSchema'
import type { SurveyWords } from '../../surveys/words'
import { combinedWordsFor } from '../../surveyVersions/combinedWords'
import { loadCombinedSurvey } from '../../surveyVersions/loadCombinedSurvey'
import { indicatorHandle } from '../model/indicatorHandle'
import { findIndicator, updateIndicator } from '../store/indicatorQueries'
import { loadIndicator } from './indicatorPages'
import type { Indicator, SurveyCounting } from '../model/types'

/** Question types with one answer each, so every answer is one rating. */
const countable = new Set(['importance', 'agreement', 'faces', 'yes-no-not-sure', 'single-choice'])

const list = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : typeof value === 'string'
      ? [value]
      : []

/**
 * The indicator's survey with every version combined by question id, so a question or answer since
 * removed can still be counted (and an indicator counting one can still be saved), and in the
 * page's language.
 */
interface CountedSurvey {
  survey: ManagedSurvey
  definition: SurveyDefinition
  words: SurveyWords
}

async function surveyOf(db: Database, req: Request, indicator: Indicator): Promise<CountedSurvey> {
  const organisationId = signedInOfficer(req).organisationId
  const survey = indicator.survey && (await findManagedSurvey(db, organisationId, indicator.survey.slug))
  if (!survey) throw new NotFoundError('Not a survey indicator')
  const combined = await loadCombinedSurvey(db, { organisationId, surveyId: survey.surveyId })
  return { survey, definition: combined.definition, words: combinedWordsFor(combined, req.language) }
}

function render(
  req: Request,
  res: Response,
  indicator: Indicator,
  counted: CountedSurvey,
  counting: SurveyCounting,
  errors: FormErrors = noErrors,
) {
  const { definition, words } = counted
  const questions = definition.questions.filter((question) => countable.has(question.type))
  const answerLabels = new Map<string, string>()
  for (const question of questions) {
    const label = optionLabeller(question, words.questions[question.id], req.t)
    for (const value of questionTypeFor(question).values(question))
      if (!answerLabels.has(value)) answerLabels.set(value, label(value))
  }
  const answers = [...answerLabels].map(([value, text]) => ({ value, text }))
  res.status(errors.errorList.length > 0 ? 400 : 200).render('manage/scorecards/counting', {
    pageTitle: req.t('pages.counting.title', { number: indicator.number }),
    hasErrors: errors.errorList.length > 0,
    errors,
    indicator: {
      number: indicator.number,
      wording: indicator.wording,
      href: paths.manage.scorecardIndicator(indicatorHandle(indicator.number)),
    },
    surveyTitle: words.title,
    action: paths.manage.scorecardCounting(indicatorHandle(indicator.number)),
    questions: questions.map((question) => ({
      value: question.id,
      text: words.questions[question.id]?.title ?? question.id,
      checked: counting.questions.includes(question.id),
    })),
    positive: answers.map((answer) => ({ ...answer, checked: counting.positive.includes(answer.value) })),
    excluded: answers.map((answer) => ({ ...answer, checked: counting.excluded.includes(answer.value) })),
    aboutYou: definition.questions
      .filter((question) => question.aboutYou)
      .map((question: QuestionDefinition) => {
        const label = optionLabeller(question, words.questions[question.id], req.t)
        return {
          name: `about-${question.id}`,
          label: words.questions[question.id]?.title ?? question.id,
          value: counting.aboutYou[question.id] ?? '',
          items: questionTypeFor(question)
            .values(question)
            .map((value) => ({ value, text: label(value) })),
        }
      }),
    // Not "language": that name is the page's own language, which the layout puts on <html lang>.
    respondentLanguages: languages.map(({ code, name }) => ({ value: code, text: name, lang: code })),
    countedLanguage: counting.language ?? '',
  })
}

export const countingPage = (db: Database) => async (req: Request, res: Response) => {
  const indicator = await loadIndicator(db, req)
  const counted = await surveyOf(db, req, indicator)
  render(
    req,
    res,
    indicator,
    counted,
    indicator.survey?.counting ?? { questions: [], positive: [], excluded: [], aboutYou: {} },
  )
}

/** Which questions, which answers count as positive, which are left out, and for whom. */
export const saveCounting = (db: Database) => async (req: Request, res: Response) => {
  const indicator = await loadIndicator(db, req)
  const counted = await surveyOf(db, req, indicator)
  const { survey, definition } = counted
  const body = req.body as Record<string, unknown>
  const byId = new Map(definition.questions.map((question) => [question.id, question]))
  const counting: SurveyCounting = {
    questions: list(body.questions),
    positive: list(body.positive),
    excluded: list(body.excluded),
    aboutYou: Object.fromEntries(
      definition.questions
        .filter(
          (question) =>
            question.aboutYou &&
            typeof body[`about-${question.id}`] === 'string' &&
            body[`about-${question.id}`] !== '',
        )
        .map((question) => [question.id, String(body[`about-${question.id}`])]),
    ),
    ...(typeof body.language === 'string' && isLanguageCode(body.language)
      ? { language: body.language }
      : {}),
  }
  const schema = z
    .object({
      questions: z.array(z.string()).min(1, 'errors.counting.questions.required'),
      positive: z.array(z.string()).min(1, 'errors.counting.positive.required'),
      excluded: z.array(z.string()),
    })
    .superRefine((form, context) => {
      const chosen = form.questions.map((id) => byId.get(id))
      if (chosen.some((question) => !question || !countable.has(question.type))) {
        context.addIssue({
          code: 'custom',
          path: ['questions'],
          message: 'errors.counting.questions.required',
        })
        return
      }
      if (new Set(chosen.map((question) => question?.type)).size > 1) {
        context.addIssue({
          code: 'custom',
          path: ['questions'],
          message: 'errors.counting.questions.sameType',
        })
        return
      }
      const offered = new Set(
        chosen.flatMap((question) => (question ? questionTypeFor(question).values(question) : [])),
      )
      if (form.positive.some((value) => !offered.has(value)))
        context.addIssue({
          code: 'custom',
          path: ['positive'],
          message: 'errors.counting.positive.notOffered',
        })
      if (form.excluded.some((value) => !offered.has(value) || form.positive.includes(value)))
        context.addIssue({ code: 'custom', path: ['excluded'], message: 'errors.counting.excluded.overlap' })
    })
  const parsed = schema.safeParse(counting)
  const aboutValid = Object.entries(counting.aboutYou).every(([id, value]) => {
    const question = byId.get(id)
    return question !== undefined && questionTypeFor(question).values(question).includes(value)
  })
  if (!parsed.success || !aboutValid) {
    const errors = parsed.success
      ? fieldError('questions', 'errors.counting.aboutYou', req.t)
      : formErrors(parsed.error, req.t)
    render(req, res, indicator, counted, counting, errors)
    return
  }
  const officer = signedInOfficer(req)
  const handle = indicatorHandle(indicator.number)
  await db.transaction(async (tx) => {
    const before = await findIndicator(tx, officer.organisationId, handle)
    await updateIndicator(tx, officer.organisationId, indicator.id, {
      ...indicator,
      surveyId: survey.surveyId,
      counting,
    })
    const after = await findIndicator(tx, officer.organisationId, handle)
    if (after) await recordIndicatorChange(tx, officer, { before, after })
  })
  res.redirect(303, paths.manage.scorecardFramework)
}
