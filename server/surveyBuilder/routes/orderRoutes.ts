import type { Request, Response } from 'express'
import type { Database } from '../../db/database'
import { noErrors, type FormErrors } from '../../forms/formErrors'
import { paths } from '../../paths'
import { wordsFor } from '../../surveys/words'
import { moveQuestion, removeQuestion, type Refusal } from '../model/questionEdits'
import type { FieldProblem } from '../model/questionForm'
import type { WorkingCopy } from '../model/workingCopy'
import { loadBuilder, questionParam, saveEdit, toFormErrors } from './builderRequest'
import { renderBuilderHome } from './homeRoutes'

/** A refusal in words: which questions depend on which, so the officer knows what to change first. */
function refusalProblem(req: Request, copy: WorkingCopy, refusal: Refusal, field: string): FieldProblem {
  const words = wordsFor(copy.words, req.language)
  const title = (id: string) => words.questions[id]?.title ?? id
  return refusal.kind === 'has-dependants'
    ? {
        field,
        key: 'builder.errors.hasDependants',
        values: { questions: refusal.dependants.map(title).join('; ') },
      }
    : { field, key: 'builder.errors.dependsOn', values: { question: title(refusal.on) } }
}

function renderRemove(
  req: Request,
  res: Response,
  view: { slug: string; title: string; errors: FormErrors; id: string },
) {
  res.status(view.errors.errorList.length > 0 ? 400 : 200).render('manage/builder/remove', {
    pageTitle: req.t('builder.remove.title', { question: view.title }),
    hasErrors: view.errors.errorList.length > 0,
    errors: view.errors,
    backHref: paths.manage.builder.home(view.slug),
    action: paths.manage.builder.questionRemove(view.slug, view.id),
    questionTitle: view.title,
  })
}

export function removeQuestionPage(db: Database) {
  return async (req: Request, res: Response) => {
    const survey = await loadBuilder(db, req)
    const { question } = questionParam(req, survey.copy)
    const title = wordsFor(survey.copy.words, req.language).questions[question.id]?.title ?? question.id
    renderRemove(req, res, { slug: survey.slug, title, errors: noErrors, id: question.id })
  }
}

/** Removes a question after the confirmation page, unless another question's condition depends on it. */
export function removeQuestionAction(db: Database) {
  return async (req: Request, res: Response) => {
    const survey = await loadBuilder(db, req)
    const { question } = questionParam(req, survey.copy)
    const saved = await saveEdit(db, req, {
      change: 'question-removed',
      subject: question.id,
      edit: (copy) => {
        const removed = removeQuestion(copy, question.id)
        return removed.ok
          ? removed
          : { ok: false as const, problems: [refusalProblem(req, copy, removed.refusal, 'remove')] }
      },
      fieldOf: () => 'remove',
    })
    if (!saved.ok) {
      const title = wordsFor(survey.copy.words, req.language).questions[question.id]?.title ?? question.id
      renderRemove(req, res, {
        slug: survey.slug,
        title,
        errors: toFormErrors(saved.problems, req.t),
        id: question.id,
      })
      return
    }
    res.redirect(303, paths.manage.builder.home(survey.slug))
  }
}

/** Move up / Move down: one place at a time, refused where a condition would point forward. */
export function moveQuestionAction(db: Database) {
  return async (req: Request, res: Response) => {
    const survey = await loadBuilder(db, req)
    const { question } = questionParam(req, survey.copy)
    const direction = (req.body as Record<string, unknown>).direction
    if (direction !== 'up' && direction !== 'down') {
      renderBuilderHome(
        req,
        res,
        survey,
        toFormErrors([{ field: `question-${question.id}`, key: 'builder.errors.direction' }], req.t),
      )
      return
    }
    const field = `question-${question.id}`
    const saved = await saveEdit(db, req, {
      change: direction === 'up' ? 'question-moved-up' : 'question-moved-down',
      subject: question.id,
      edit: (copy) => {
        const moved = moveQuestion(copy, question.id, direction)
        return moved.ok
          ? moved
          : { ok: false as const, problems: [refusalProblem(req, copy, moved.refusal, field)] }
      },
      fieldOf: () => field,
    })
    if (!saved.ok) {
      renderBuilderHome(req, res, survey, toFormErrors(saved.problems, req.t))
      return
    }
    res.redirect(303, `${paths.manage.builder.home(survey.slug)}#${field}`)
  }
}
