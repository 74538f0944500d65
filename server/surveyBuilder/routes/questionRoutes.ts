import type { Request, Response } from 'express'
import type { Database } from '../../db/database'
import { describeProblem, type WordsProblem } from '../../easyRead'
import { NotFoundError } from '../../errors'
import { noErrors, type FormErrors } from '../../forms/formErrors'
import type { LanguageCode } from '../../i18n/languages'
import { signedInOfficer } from '../../officers/setUpOfficerArea'
import { paths } from '../../paths'
import { listOutcomes } from '../../scorecards/store/outcomeQueries'
import type { QuestionDefinition } from '../../surveys/definitionSchema'
import { postedOverride } from '../../surveyManagement/checksOverride'
import { addQuestion, replaceQuestion } from '../model/questionEdits'
import {
  blankOptionRows,
  maxOptionRows,
  parseQuestionForm,
  postedQuestionForm,
  valuesOfQuestion,
  type QuestionFormValues,
} from '../model/questionForm'
import { formParts, isQuestionKind, kindOf, questionKinds, type QuestionKind } from '../model/questionKinds'
import { problemsIn } from '../model/easyReadGate'
import { offeredLanguages, type WorkingCopy } from '../model/workingCopy'
import type { BuilderSurvey } from '../store/builderQueries'
import { languageBoxes, loadBuilder, questionParam, saveEdit, toFormErrors } from './builderRequest'

export function chooseKindPage(db: Database) {
  return async (req: Request, res: Response) => {
    const survey = await loadBuilder(db, req)
    renderKinds(req, res, survey, noErrors)
  }
}

function renderKinds(req: Request, res: Response, survey: BuilderSurvey, errors: FormErrors) {
  res.status(errors.errorList.length > 0 ? 400 : 200).render('manage/builder/chooseKind', {
    pageTitle: req.t('builder.kind.title'),
    hasErrors: errors.errorList.length > 0,
    errors,
    backHref: paths.manage.builder.home(survey.slug),
    action: paths.manage.builder.addQuestion(survey.slug),
    kinds: questionKinds().map((kind) => ({
      value: kind,
      text: req.t(`builder.kinds.${kind}.name`),
      hint: req.t(`builder.kinds.${kind}.hint`),
    })),
  })
}

export function chooseKind(db: Database) {
  return async (req: Request, res: Response) => {
    const survey = await loadBuilder(db, req)
    const kind = (req.body as Record<string, unknown>).kind
    if (!isQuestionKind(kind)) {
      renderKinds(
        req,
        res,
        survey,
        toFormErrors([{ field: 'kind', key: 'builder.errors.kindRequired' }], req.t),
      )
      return
    }
    res.redirect(303, paths.manage.builder.newQuestion(survey.slug, kind))
  }
}

interface QuestionView {
  survey: BuilderSurvey
  kind: QuestionKind
  question: QuestionDefinition | undefined
  values: QuestionFormValues
  errors: FormErrors
  warnings: WordsProblem[]
  mayOverride: boolean
}

async function renderQuestion(db: Database, req: Request, res: Response, view: QuestionView) {
  const { survey, kind, question, values, errors } = view
  const offered = offeredLanguages(survey.copy)
  const parts = formParts(kind)
  const outcomes = parts.outcome ? await listOutcomes(db, signedInOfficer(req).organisationId) : []
  res.status(errors.errorList.length > 0 ? 400 : 200).render('manage/builder/question', {
    pageTitle: req.t(question ? 'builder.question.editTitle' : 'builder.question.addTitle', {
      kind: req.t(`builder.kinds.${kind}.name`),
    }),
    hasErrors: errors.errorList.length > 0,
    errors,
    backHref: paths.manage.builder.home(survey.slug),
    action: question
      ? paths.manage.builder.question(survey.slug, question.id)
      : paths.manage.builder.newQuestion(survey.slug, kind),
    kindName: req.t(`builder.kinds.${kind}.name`),
    parts,
    languages: languageBoxes(req, offered),
    values,
    canAddRows: values.options.length < maxOptionRows,
    outcomes: outcomes.map((outcome) => ({ value: outcome.slug, text: outcome.statement })),
    warnings: view.warnings.map((problem) => describeProblem(problem, req.t)),
    canOverride: view.mayOverride,
    override: postedOverride(req.body),
  })
}

export function newQuestionPage(db: Database) {
  return async (req: Request, res: Response) => {
    const survey = await loadBuilder(db, req)
    const kind = kindParam(req)
    const values = valuesOfQuestion(undefined, survey.copy.words, offeredLanguages(survey.copy))
    await renderQuestion(db, req, res, {
      survey,
      kind,
      question: undefined,
      values,
      errors: noErrors,
      warnings: [],
      mayOverride: false,
    })
  }
}

export function editQuestionPage(db: Database) {
  return async (req: Request, res: Response) => {
    const survey = await loadBuilder(db, req)
    const { question } = questionParam(req, survey.copy)
    const values = valuesOfQuestion(question, survey.copy.words, offeredLanguages(survey.copy))
    const warnings = survey.copy.definition.easyRead
      ? problemsIn(survey.copy, { kind: 'questions', id: question.id })
      : []
    const kind = kindOf(question)
    await renderQuestion(db, req, res, {
      survey,
      kind,
      question,
      values,
      errors: noErrors,
      warnings,
      mayOverride: false,
    })
  }
}

function kindParam(req: Request): QuestionKind {
  const kind = (req.params as { kind?: string }).kind
  if (!isQuestionKind(kind)) throw new NotFoundError('No such kind of question')
  return kind
}

/** Adds a new question (kind from the URL) or saves an existing one (from the URL), from the posted form. */
export function saveQuestion(db: Database, mode: 'add' | 'edit') {
  return async (req: Request, res: Response) => {
    const survey = await loadBuilder(db, req)
    const existing = mode === 'edit' ? questionParam(req, survey.copy).question : undefined
    const kind = existing ? kindOf(existing) : kindParam(req)
    const offered = offeredLanguages(survey.copy)
    const fixedOptions = existing && 'options' in existing ? existing.options : []
    const values = postedQuestionForm(req.body, offered, fixedOptions)
    const render = (errors: FormErrors, mayOverride = false) =>
      renderQuestion(db, req, res, {
        survey,
        kind,
        question: existing,
        values,
        errors,
        warnings: [],
        mayOverride,
      })
    if ((req.body as Record<string, unknown>).action === 'more-rows') {
      values.options.push(...blankOptionRows(offered, Math.min(3, maxOptionRows - values.options.length)))
      await render(noErrors)
      return
    }
    const outcomeRows = formParts(kind).outcome
      ? await listOutcomes(db, signedInOfficer(req).organisationId)
      : []
    const outcomes = outcomeRows.map((outcome) => outcome.slug)
    fillStatementWords(req, values, outcomeRows)
    const taken = (copy: WorkingCopy) => [
      'new',
      ...copy.definition.questions.map((question) => question.id),
      ...copy.definition.informationPages.map((page) => page.id),
    ]
    const parsed = parseQuestionForm(values, {
      kind,
      languages: offered,
      existing,
      existingWords: survey.copy.words,
      takenIds: taken(survey.copy),
      outcomes,
    })
    if (!parsed.ok) {
      await render(toFormErrors(parsed.problems, req.t))
      return
    }
    const { question, words } = parsed.parsed
    const saved = await saveEdit(db, req, {
      change: existing ? 'question-changed' : 'question-added',
      subject: question.id,
      edit: (copy) => ({
        ok: true,
        copy: existing ? replaceQuestion(copy, question, words) : addQuestion(copy, question, words),
      }),
      words: { kind: 'questions', id: question.id, optionIds: 'options' in question ? question.options : [] },
      fieldOf: (issue) => fieldOfIssue(issue.path),
    })
    if (!saved.ok) {
      await render(toFormErrors(saved.problems, req.t), saved.mayOverride)
      return
    }
    res.redirect(303, `${paths.manage.builder.home(survey.slug)}#question-${question.id}`)
  }
}

/**
 * An "I need" statement's words are its outcome's statement unless the officer wrote others: the
 * organisation's own statement in English, and the framework's translation where there is one.
 */
function fillStatementWords(
  req: Request,
  values: QuestionFormValues,
  outcomes: { slug: string; statement: string }[],
) {
  const outcome = outcomes.find((each) => each.slug === values.outcome)
  if (!outcome) return
  for (const language of Object.keys(values.titles)) {
    if (values.titles[language]) continue
    const key = `outcomeStatements.i-need.${outcome.slug}`
    const translated = req.i18n(language as LanguageCode)(key)
    values.titles[language] = language === 'en' ? outcome.statement : translated === key ? '' : translated
  }
}

/** Where the schema's complaint about a question goes on its form. */
function fieldOfIssue(path: (string | number)[]): string {
  const [, , , , part] = path
  if (part === 'min' || part === 'max' || part === 'bands' || part === 'maxLength') return part
  if (part === 'options' || part === 'askIf') return 'option-0-en'
  return 'title-en'
}
