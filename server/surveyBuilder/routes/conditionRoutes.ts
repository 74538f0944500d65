import type { Request, Response } from 'express'
import type { Database } from '../../db/database'
import { noErrors, type FormErrors } from '../../forms/formErrors'
import { paths } from '../../paths'
import type { QuestionDefinition } from '../../surveys/definitionSchema'
import { optionLabeller } from '../../surveys/labels'
import { questionTypeFor } from '../../surveys/questionTypes/registry'
import { wordsFor } from '../../surveys/words'
import { cloneCopy } from '../model/workingCopy'
import type { BuilderSurvey } from '../store/builderQueries'
import { omit } from '../model/omit'
import { loadBuilder, questionParam, saveEdit, toFormErrors } from './builderRequest'

interface ConditionView {
  survey: BuilderSurvey
  question: QuestionDefinition
  index: number
  on: string
  answers: string[]
  errors: FormErrors
}

/** Questions with fixed answers asked before this one: the only ones a condition may point at. */
const earlierChoices = (survey: BuilderSurvey, index: number) =>
  survey.copy.definition.questions
    .slice(0, index)
    .filter((each) => questionTypeFor(each).values(each).length > 0)

function render(req: Request, res: Response, view: ConditionView) {
  const { survey, question, errors } = view
  const words = wordsFor(survey.copy.words, req.language)
  const title = (id: string) => words.questions[id]?.title ?? id
  const target = survey.copy.definition.questions.find((each) => each.id === view.on)
  const label = target ? optionLabeller(target, words.questions[target.id], req.t) : undefined
  res.status(errors.errorList.length > 0 ? 400 : 200).render('manage/builder/condition', {
    pageTitle: req.t('builder.condition.title'),
    hasErrors: errors.errorList.length > 0,
    errors,
    questionTitle: title(question.id),
    backHref: paths.manage.builder.home(survey.slug),
    action: paths.manage.builder.questionCondition(survey.slug, question.id),
    current: question.askIf
      ? req.t('builder.home.askedIf', { question: title(question.askIf.question) })
      : '',
    choices: earlierChoices(survey, view.index).map((each) => ({
      value: each.id,
      text: title(each.id),
      checked: each.id === view.on,
    })),
    on: target && label ? { id: target.id, title: title(target.id) } : undefined,
    answers:
      target && label
        ? questionTypeFor(target)
            .values(target)
            .map((value) => ({ value, text: label(value), checked: view.answers.includes(value) }))
        : [],
  })
}

export function conditionPage(db: Database) {
  return async (req: Request, res: Response) => {
    const survey = await loadBuilder(db, req)
    const { question, index } = questionParam(req, survey.copy)
    const asked = typeof req.query.on === 'string' ? req.query.on : undefined
    const on = asked ?? question.askIf?.question ?? ''
    const answers = on === question.askIf?.question ? question.askIf.answers : []
    render(req, res, { survey, question, index, on, answers, errors: noErrors })
  }
}

const strings = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter(
    (item): item is string => typeof item === 'string' && item !== '',
  )

/**
 * Sets "ask this only if question X was answered Y" (or removes it: on = none). The survey schema
 * decides whether X is an earlier question with fixed answers and Y among them; its message is shown.
 */
export function saveCondition(db: Database) {
  return async (req: Request, res: Response) => {
    const survey = await loadBuilder(db, req)
    const { question, index } = questionParam(req, survey.copy)
    const body = (req.body ?? {}) as Record<string, unknown>
    const on = typeof body.on === 'string' ? body.on : ''
    const answers = strings(body.answers)
    const view = { survey, question, index, on, answers }
    if (on !== 'none' && (on === '' || answers.length === 0)) {
      const field = on === '' ? 'on' : 'answers'
      const key = on === '' ? 'builder.errors.conditionQuestion' : 'builder.errors.conditionAnswers'
      render(req, res, { ...view, errors: toFormErrors([{ field, key }], req.t) })
      return
    }
    const saved = await saveEdit(db, req, {
      change: on === 'none' ? 'condition-removed' : 'condition-set',
      subject: question.id,
      edit: (copy) => {
        const next = cloneCopy(copy)
        next.definition.questions = next.definition.questions.map((each) => {
          if (each.id !== question.id) return each
          const rest = omit(each, 'askIf')
          return on === 'none' ? rest : { ...rest, askIf: { question: on, answers } }
        })
        return { ok: true, copy: next }
      },
      fieldOf: (issue) => (issue.path.includes('answers') ? 'answers' : 'on'),
    })
    if (!saved.ok) {
      render(req, res, { ...view, errors: toFormErrors(saved.problems, req.t) })
      return
    }
    res.redirect(303, `${paths.manage.builder.home(survey.slug)}#question-${question.id}`)
  }
}
