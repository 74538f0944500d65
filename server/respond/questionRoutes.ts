import type { Request, Response } from 'express'
import type { Config } from '../config'
import type { Database } from '../db/database'
import { NotFoundError } from '../errors'
import type { QuestionDefinition } from '../surveys/definitionSchema'
import { questionTypeFor } from '../surveys/questionTypes/registry'
import { paths } from '../paths'
import { writeDraftId } from './draftCookie'
import { Journey } from './journey'
import { saveDraftAnswer, type Draft } from './queries'
import { answerFieldName, questionPageModel } from './questionPage'
import { reachDraftStep } from './draftStep'
import { stepPath } from './stepPath'
import { loadSurveyContext, surveyLocals, type SurveyContext } from './surveyContext'

type Ready = { context: SurveyContext & { draft: Draft }; question: QuestionDefinition; journey: Journey }

/** A real question of a real survey (else 404), then the checks of every page after the start. */
async function prepare(db: Database, req: Request, res: Response): Promise<Ready | undefined> {
  const context = await loadSurveyContext(db, req)
  const questionId = (req.params as Record<string, string>).question
  const question = context.version.definition.questions.find(({ id }) => id === questionId)
  if (!question) throw new NotFoundError('No such question')
  const reached = await reachDraftStep(db, req, res, {
    context,
    step: { kind: 'question', questionId: question.id },
  })
  if (!reached) return undefined
  const { draft, journey } = reached
  return { context: { ...context, draft }, question, journey }
}

function render(
  req: Request,
  res: Response,
  ready: Ready,
  form: { shown: string[]; error?: Parameters<typeof questionPageModel>[0]['error'] },
): void {
  const { context, question, journey } = ready
  const model = questionPageModel({
    question,
    words: context.words,
    t: req.t,
    shown: form.shown,
    error: form.error,
    position: { current: journey.indexOf(question.id) + 1, total: journey.total },
  })
  res.status(form.error ? 400 : 200).render('respond/question', {
    ...surveyLocals(context),
    ...model,
    hasErrors: form.error !== undefined,
    readAloud: true,
    backLink: { href: stepPath(context.survey, journey.previous(question.id)), text: req.t('layout.back') },
    formAction: paths.respond.question(context.survey.organisationSlug, context.survey.slug, question.id),
  })
}

export function questionPage(db: Database) {
  return async (req: Request, res: Response) => {
    const ready = await prepare(db, req, res)
    if (!ready) return
    const saved = ready.context.draft.answers[ready.question.id]
    render(req, res, ready, { shown: questionTypeFor(ready.question).formValue(saved ?? undefined) })
  }
}

export function answerQuestion(db: Database, config: Config) {
  return async (req: Request, res: Response) => {
    const ready = await prepare(db, req, res)
    if (!ready) return
    const type = questionTypeFor(ready.question)
    const posted = (req.body as Record<string, unknown> | undefined)?.[answerFieldName]
    const parsed = type.parse(posted, ready.question)
    if (!parsed.ok) {
      render(req, res, ready, { shown: type.formValue(posted), error: parsed.error })
      return
    }
    const { draft, survey } = ready.context
    await saveDraftAnswer(db, draft, {
      questionId: ready.question.id,
      value: parsed.value,
      language: req.language,
      ttlDays: config.draftTtlDays,
    })
    const journey = new Journey(ready.context.version.definition, {
      ...draft.answers,
      [ready.question.id]: parsed.value,
    })
    // The draft's expiry moved on with this answer; the cookie's must too.
    writeDraftId(res, survey, draft.id, config.draftTtlDays)
    res.redirect(303, stepPath(survey, journey.next(ready.question.id)))
  }
}
