import type { Request, Response } from 'express'
import type { Clock } from '../../clock'
import type { Config } from '../../config'
import type { Database } from '../../db/database'
import { fieldError, formErrors, noErrors, type FormErrors } from '../../forms/formErrors'
import { signedInOfficer } from '../../officers/setUpOfficerArea'
import { paths } from '../../paths'
import { writeDraftId } from '../../respond/draftCookie'
import { Journey } from '../../respond/journey'
import { stepPath } from '../../respond/stepPath'
import { loadManagedSurvey } from '../../surveyManagement/surveyRoutes'
import type { ManagedSurvey } from '../../surveyManagement/queries'
import { availabilityOf } from '../../surveys/availability'
import { wordsFor } from '../../surveys/words'
import { collectionMethods, enteredMethods } from '../model/collectionMethods'
import { dataEntrySchema, dataEntryValues } from '../model/dataEntryForm'
import { countResponsesByMethod } from '../store/draftQueries'
import { startDataEntry } from '../store/startDataEntry'

interface Deps {
  db: Database
  config: Config
  clock: Clock
}

async function render(
  deps: Deps,
  req: Request,
  res: Response,
  form: { survey: ManagedSurvey; method: string; errors: FormErrors },
) {
  const officer = signedInOfficer(req)
  const { survey } = form
  const counts = await countResponsesByMethod(deps.db, {
    organisationId: officer.organisationId,
    surveyId: survey.surveyId,
  })
  const hasErrors = form.errors.errorList.length > 0
  res.status(hasErrors ? 400 : 200).render('device/dataEntry', {
    pageTitle: req.t('device.dataEntry.title'),
    hasErrors,
    errors: form.errors,
    surveyTitle: wordsFor(survey.words, req.language).title,
    surveyHref: paths.manage.survey(survey.slug),
    formAction: paths.manage.dataEntry(survey.slug),
    open: availabilityOf(survey, deps.clock()) === 'open',
    methods: enteredMethods.map((method) => ({
      value: method,
      text: req.t(`device.methods.${method}`),
      checked: form.method === method,
    })),
    counts: collectionMethods.map((method) => ({
      text: req.t(`device.methods.${method}`),
      count: counts[method] ?? 0,
    })),
  })
}

/** Typing in responses given on paper, face to face or by phone. Analysts and admins. */
export function dataEntryPage(deps: Deps) {
  return async (req: Request, res: Response) => {
    const survey = await loadManagedSurvey(deps.db, req)
    await render(deps, req, res, { survey, method: '', errors: noErrors })
  }
}

/**
 * Starts one typed-in response: a draft marked with its method and officer, and this browser's
 * draft cookie for the survey, then the survey's own first page. The pages are the respondent's, so
 * everything a respondent is asked is asked the same way. Only an open survey takes responses.
 */
export function startDataEntryAction(deps: Deps) {
  return async (req: Request, res: Response) => {
    const officer = signedInOfficer(req)
    const survey = await loadManagedSurvey(deps.db, req)
    const values = dataEntryValues(req.body)
    const parsed = dataEntrySchema.safeParse(values)
    if (!parsed.success) {
      await render(deps, req, res, { survey, ...values, errors: formErrors(parsed.error, req.t) })
      return
    }
    if (availabilityOf(survey, deps.clock()) !== 'open') {
      const errors = fieldError('method', 'device.dataEntry.errors.notOpen', req.t)
      await render(deps, req, res, { survey, ...values, errors })
      return
    }
    const key = { organisationId: officer.organisationId, surveyId: survey.surveyId }
    const { draftId, version } = await startDataEntry(deps.db, {
      survey: key,
      officerId: officer.id,
      method: parsed.data.method,
      language: req.language,
      ttlDays: deps.config.draftTtlDays,
      now: deps.clock(),
    })
    const target = { organisationSlug: officer.organisationSlug, slug: survey.slug }
    req.session.dataEntry = {
      ...key,
      organisationSlug: target.organisationSlug,
      surveySlug: survey.slug,
      method: parsed.data.method,
      draftId,
    }
    res.locals.dataEntry = { method: parsed.data.method }
    writeDraftId(res, target, draftId, deps.config.draftTtlDays)
    res.redirect(303, stepPath(target, new Journey(version.definition, {}).firstUnanswered()))
  }
}
