import type { Request, Response } from 'express'
import type { Database } from '../../db/database'
import { recordAudit } from '../../audit/recordAudit'
import { noErrors, type FormErrors } from '../../forms/formErrors'
import { signedInOfficer } from '../../officers/setUpOfficerArea'
import { paths } from '../../paths'
import { wordsFor } from '../../surveys/words'
import { changeSummary } from '../model/changeSummary'
import { kindOf } from '../model/questionKinds'
import { offeredLanguages } from '../model/workingCopy'
import { deleteWorkingCopy, type BuilderSurvey } from '../store/builderQueries'
import { publishWorkingCopy } from '../store/publishWorkingCopy'
import { loadBuilder } from './builderRequest'

/** The builder's page: the questions in order with their actions, and what is not yet published. */
export function renderBuilderHome(
  req: Request,
  res: Response,
  survey: BuilderSurvey,
  errors: FormErrors = noErrors,
) {
  const { copy, slug } = survey
  const words = wordsFor(copy.words, req.language)
  const title = (id: string) => words.questions[id]?.title ?? id
  const pagesBefore = (id: string | undefined) =>
    copy.definition.informationPages
      .filter((page) => page.before === id)
      .map((page) => ({
        title: words.pages?.[page.id]?.title ?? page.id,
        href: paths.manage.builder.page(slug, page.id),
        removeHref: paths.manage.builder.pageRemove(slug, page.id),
      }))
  const count = copy.definition.questions.length
  res.status(errors.errorList.length > 0 ? 400 : 200).render('manage/builder/home', {
    pageTitle: req.t('builder.home.title', { survey: words.title }),
    hasErrors: errors.errorList.length > 0,
    errors,
    surveyTitle: words.title,
    surveyHref: paths.manage.survey(slug),
    status: survey.status,
    easyRead: copy.definition.easyRead,
    languages: offeredLanguages(copy).map((code) => ({ code, href: paths.manage.words(slug, code) })),
    changes: survey.changed
      ? changeSummary(survey.published, copy).map((change) =>
          req.t(`builder.changes.${change.key}`, { item: change.id ? title(change.id) : '' }),
        )
      : [],
    changed: survey.changed,
    versionInUse: survey.versionInUse,
    questions: copy.definition.questions.map((question, index) => ({
      id: question.id,
      number: index + 1,
      title: title(question.id),
      kind: req.t(`builder.kinds.${kindOf(question)}.name`),
      optional: question.optional,
      condition: question.askIf
        ? req.t('builder.home.askedIf', { question: title(question.askIf.question) })
        : '',
      picture: question.picture?.name,
      pagesBefore: pagesBefore(question.id),
      first: index === 0,
      last: index === count - 1,
      href: paths.manage.builder.question(slug, question.id),
      pictureHref: paths.manage.builder.questionPicture(slug, question.id),
      conditionHref: paths.manage.builder.questionCondition(slug, question.id),
      removeHref: paths.manage.builder.questionRemove(slug, question.id),
      moveAction: paths.manage.builder.questionMove(slug, question.id),
    })),
    pagesAtEnd: pagesBefore(undefined),
    addQuestionHref: paths.manage.builder.addQuestion(slug),
    addPageHref: paths.manage.builder.newPage(slug),
    aboutYouAction: paths.manage.builder.aboutYou(slug),
    previewHref: paths.manage.builder.preview(slug),
    settingsHref: paths.manage.builder.settings(slug),
    publishAction: paths.manage.builder.publish(slug),
    discardAction: paths.manage.builder.discard(slug),
  })
}

export function builderHome(db: Database) {
  return async (req: Request, res: Response) => {
    renderBuilderHome(req, res, await loadBuilder(db, req))
  }
}

/** "Publish changes" on an open or closed survey; a draft survey's changes are published by opening it. */
export function publishChanges(db: Database) {
  return async (req: Request, res: Response) => {
    const officer = signedInOfficer(req)
    const survey = await loadBuilder(db, req)
    if (survey.status === 'draft') {
      res.redirect(303, paths.manage.survey(survey.slug))
      return
    }
    const outcome = await db.transaction((tx) =>
      publishWorkingCopy(tx, {
        organisationId: officer.organisationId,
        officer,
        slug: survey.slug,
        t: req.t,
      }),
    )
    req.log.info({ surveyId: survey.surveyId, outcome: outcome.kind }, 'survey changes published')
    res.redirect(303, paths.manage.builder.home(survey.slug))
  }
}

export function discardChanges(db: Database) {
  return async (req: Request, res: Response) => {
    const officer = signedInOfficer(req)
    const survey = await loadBuilder(db, req)
    await db.transaction(async (tx) => {
      await deleteWorkingCopy(tx, { organisationId: officer.organisationId, surveyId: survey.surveyId })
      await recordAudit(tx, {
        organisationId: officer.organisationId,
        officer,
        action: 'survey-changes-discarded',
        subject: survey.slug,
      })
    })
    res.redirect(303, paths.manage.builder.home(survey.slug))
  }
}
