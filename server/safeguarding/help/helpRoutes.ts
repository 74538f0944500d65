import { randomUUID } from 'node:crypto'
import { Router, type Request, type Response } from 'express'
import type { Clock } from '../../clock'
import type { Database } from '../../db/database'
import { NotFoundError } from '../../errors'
import { browserIdOf } from '../../middleware/setUpCsrf'
import { formErrors, fieldError, noErrors, type FormErrors } from '../../forms/formErrors'
import type { JobSender } from '../../jobs/jobQueue'
import { findOrganisationSettings } from '../../organisationSettings/queries'
import { displayName } from '../../organisationSettings/settings'
import { postedFields } from '../../forms/postedFields'
import { paths, routePatterns } from '../../paths'
import { readDraftId } from '../../respond/draftCookie'
import { loadSurveyContext, surveyLocals, type SurveyContext } from '../../respond/surveyContext'
import { helpContactsOf, helpLinkFor, nationalHelp, type HelpContact } from './helpPage'
import { clientKeyOf, sendHelpRequest } from './helpRequest'
import {
  helpRequestFields,
  messageMaxLength,
  parseHelpRequest,
  shownAgain,
  type HelpRequest,
  type HelpRequestValues,
} from './helpRequestForm'
import { hasAnswersForDraft } from './helpRequestQueries'

interface HelpPage {
  context: SurveyContext
  organisationName: string
  contacts: HelpContact[]
  /** This browser's draft id, when it has answers to this survey that could be looked at. */
  draftWithAnswers: string | undefined
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** The help page of a young person's survey; other surveys have none (404). */
async function loadHelpPage(db: Database, req: Request): Promise<HelpPage> {
  const context = await loadSurveyContext(db, req)
  if (context.version.definition.audience !== 'young-person')
    throw new NotFoundError('No help page for this survey')
  const settings = await findOrganisationSettings(db, context.survey.organisationId)
  if (!settings) throw new NotFoundError('No such organisation')
  const draftId = readDraftId(req)
  const withAnswers = draftId !== undefined && (await hasAnswersForDraft(db, context.survey, draftId))
  return {
    context,
    organisationName: displayName(settings),
    contacts: helpContactsOf(settings),
    draftWithAnswers: withAnswers ? draftId : undefined,
  }
}

const helpLocals = (page: HelpPage) => ({
  ...surveyLocals(page.context),
  helpLink: helpLinkFor(page.context.survey, page.context.version.definition.audience, true),
  organisationName: page.organisationName,
  contacts: page.contacts,
  national: nationalHelp,
  backToSurvey: paths.respond.start(page.context.survey.organisationSlug, page.context.survey.slug),
})

function renderForm(
  res: Response,
  page: HelpPage,
  form: { values: HelpRequestValues; formKey: string; errors: FormErrors; status: number },
): void {
  const { survey } = page.context
  res.status(form.status).render('safeguarding/helpPage', {
    ...helpLocals(page),
    pageTitle: res.req.t('talkToSomeone.page.title'),
    hasErrors: form.errors.errorList.length > 0,
    errors: form.errors,
    values: form.values,
    formKey: form.formKey,
    canShareAnswers: page.draftWithAnswers !== undefined,
    messageMaxLength,
    conditionalReveal: true,
    formAction: paths.respond.talkToSomeone(survey.organisationSlug, survey.slug),
  })
}

/** The help request with where it came from; the draft only when they said their answers may be seen. */
const whatToSend = (
  req: Request,
  res: Response,
  page: HelpPage,
  { request, formKey, secret }: { request: HelpRequest; formKey: string; secret: string },
) => ({
  organisationId: page.context.survey.organisationId,
  surveyId: page.context.survey.surveyId,
  language: req.language,
  draftId: request.answersMayBeSeen ? page.draftWithAnswers : undefined,
  request,
  formKey,
  clientKey: clientKeyOf(secret, 'address', req.ip ?? ''),
  browserKey: clientKeyOf(secret, 'browser', browserIdOf(res)),
})

const emptyValues = (): HelpRequestValues =>
  Object.fromEntries(helpRequestFields.map((field) => [field, ''])) as HelpRequestValues

/** "I want to talk to someone": who can help now, and a form to ask to be contacted. */
export function helpRoutes(deps: { db: Database; jobs: JobSender; clock: Clock; secret: string }): Router {
  const { db } = deps
  const router = Router()
  router.get(routePatterns.respond.talkToSomeone, async (req, res) => {
    const page = await loadHelpPage(db, req)
    renderForm(res, page, { values: emptyValues(), formKey: randomUUID(), errors: noErrors, status: 200 })
  })

  router.post(routePatterns.respond.talkToSomeone, async (req, res) => {
    const page = await loadHelpPage(db, req)
    const values = postedFields(req.body, [...helpRequestFields]) as HelpRequestValues
    const posted = postedFields(req.body, ['formKey']).formKey ?? ''
    const formKey = uuidPattern.test(posted) ? posted : randomUUID()
    const parsed = parseHelpRequest(values)
    if (!parsed.ok) {
      const errors = formErrors(parsed.error, req.t)
      renderForm(res, page, { values: shownAgain(values), formKey, errors, status: 400 })
      return
    }
    const { survey } = page.context
    const sent = paths.respond.talkToSomeoneSent(survey.organisationSlug, survey.slug)
    if (page.context.preview) {
      res.redirect(303, sent)
      return
    }
    const toSend = whatToSend(req, res, page, { request: parsed.request, formKey, secret: deps.secret })
    const outcome = await sendHelpRequest(deps, toSend, deps.clock())
    req.log.info({ surveyId: survey.surveyId, outcome }, 'help request')
    if (outcome === 'too-many') {
      const errors = fieldError('message', 'talkToSomeone.errors.tooMany', req.t)
      renderForm(res, page, { values: shownAgain(values), formKey, errors, status: 429 })
      return
    }
    res.redirect(303, sent)
  })

  router.get(routePatterns.respond.talkToSomeoneSent, async (req, res) => {
    const page = await loadHelpPage(db, req)
    const title = page.context.preview
      ? req.t('talkToSomeone.sent.previewHeading')
      : req.t('talkToSomeone.sent.title')
    res.render('safeguarding/helpSent', { ...helpLocals(page), pageTitle: title })
  })
  return router
}
