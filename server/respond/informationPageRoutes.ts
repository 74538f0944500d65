import type { Request, Response } from 'express'
import type { Database } from '../db/database'
import { NotFoundError } from '../errors'
import { paths } from '../paths'
import { reachDraftStep } from './draftStep'
import type { Step } from './journey'
import { stepPath } from './stepPath'
import { loadSurveyContext, surveyLocals } from './surveyContext'

/** The page a URL names (else 404), once the respondent may see it (else on to where they may). */
async function reachPage(db: Database, req: Request, res: Response) {
  const context = await loadSurveyContext(db, req)
  const pageId = (req.params as Record<string, string>).page
  const page = context.version.definition.informationPages.find(({ id }) => id === pageId)
  if (!page) throw new NotFoundError('No such information page')
  const step: Step = { kind: 'page', pageId: page.id }
  const reached = await reachDraftStep(db, req, res, { context, step })
  return reached && { context, page, step, journey: reached.journey }
}

/** A short page of words between questions: a heading, paragraphs and Continue. */
export function informationPage(db: Database) {
  return async (req: Request, res: Response) => {
    const reached = await reachPage(db, req, res)
    if (!reached) return
    const { context, page, step, journey } = reached
    const { survey, words } = context
    const pageWords = words.pages?.[page.id]
    res.render('respond/informationPage', {
      ...surveyLocals(context),
      pageTitle: pageWords?.title ?? page.id,
      heading: pageWords?.title ?? page.id,
      paragraphs: pageWords?.body ?? [],
      readAloud: true,
      backLink: { href: stepPath(survey, journey.previous(step)), text: req.t('layout.back') },
      formAction: paths.respond.informationPage(survey.organisationSlug, survey.slug, page.id),
    })
  }
}

/** Continue: nothing to store, on to the next step. */
export function continueFromInformationPage(db: Database) {
  return async (req: Request, res: Response) => {
    const reached = await reachPage(db, req, res)
    if (!reached) return
    res.redirect(303, stepPath(reached.context.survey, reached.journey.next(reached.step)))
  }
}
